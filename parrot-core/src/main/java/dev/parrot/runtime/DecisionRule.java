package dev.parrot.runtime;

/**
 * Which windows of a stream a {@link SoundDetector} judges, and how it turns their probabilities into reports.
 */
public enum DecisionRule {

    /**
     * Parrot.py's rule: every window at least {@link DetectionSettings#minimumLevelDbfs()} loud is classified on its
     * own, and its most probable sound is reported when it reaches its confidence (then not again within its
     * throttle time).
     */
    EVERY_WINDOW {
        @Override
        boolean startsJudging(EventDecider.Onsets state, double levelDbfs) {
            return levelDbfs >= state.settings.minimumLevelDbfs();
        }

        @Override
        int windowsJudged(DetectionSettings settings) {
            return 1;
        }
    },

    /**
     * Judged at onsets, as a user means a noise: a window starts a sound when it is at least
     * {@link DetectionSettings#onsetRiseDb()} louder than the quietest window since the last onset (at most a second
     * back: the running noise floor) and at least {@link DetectionSettings#minimumLevelDbfs()} loud. The first
     * {@link DetectionSettings#onsetWindows()} windows from there are classified, and the first whose most probable
     * sound reaches that sound's confidence reports it, once per onset. (Each window on its own rather than their mean:
     * the onset's first window mostly holds the quiet before the attack.) A held sound is one
     * event, talk is judged at the start of each burst rather than at every window, and a quiet hit in a quiet room
     * counts as much as a loud one.
     */
    ONSET {
        @Override
        boolean startsJudging(EventDecider.Onsets state, double levelDbfs) {
            return levelDbfs >= state.settings.minimumLevelDbfs()
                    && levelDbfs >= state.reference() + state.settings.onsetRiseDb();
        }

        @Override
        int windowsJudged(DetectionSettings settings) {
            return settings.onsetWindows();
        }
    };

    /** Whether a window of this level starts a new decision; called for every window, in order. */
    abstract boolean startsJudging(EventDecider.Onsets state, double levelDbfs);

    /** How many windows from the one that starts it a decision may take. */
    abstract int windowsJudged(DetectionSettings settings);
}
