package dev.parrot.runtime;

import dev.parrot.Probabilities;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decisions of a {@link SoundDetector}, apart from its audio: fed each window's level in order, it says which
 * windows to classify, and fed their probabilities, which sound to report. Kept apart so that the same decisions can
 * be replayed over probabilities computed elsewhere (another model's, a benchmark's) and compared on equal terms.
 *
 * <pre>{@code
 * for each window, in order:
 *     if (decider.wants(start, level)) {
 *         SoundEvent event = decider.decide(start, level, probabilitiesOf(window));
 *         if (event != null) act(event);
 *     }
 * }</pre>
 *
 * <p>Not thread-safe; one per stream.
 */
public final class EventDecider {

    /** The running state a {@link DecisionRule} reads. */
    static final class State {
        final DetectionSettings settings;
        /** Levels of the windows since the last onset, at most a second back, newest last (a ring). */
        private final double[] recent;
        private int recentCount;
        private int recentNext;

        State(DetectionSettings settings, double hopSeconds) {
            this.settings = settings;
            this.recent = new double[Math.max(2, (int) Math.round(FLOOR_SECONDS / hopSeconds))];
        }

        /**
         * The quietest of the recent windows: the running noise floor, or what a sound has decayed to. Before the
         * first window, silence: a stream that starts with a sound starts with its onset, as a recording in training.
         */
        double reference() {
            double min = recentCount == 0 ? QUIETEST_DBFS : Double.POSITIVE_INFINITY;
            for (int i = 0; i < recentCount; i++) {
                min = Math.min(min, recent[i]);
            }
            return Math.max(min, QUIETEST_DBFS);
        }

        void remember(double level) {
            recent[recentNext] = level;
            recentNext = (recentNext + 1) % recent.length;
            recentCount = Math.min(recentCount + 1, recent.length);
        }

        void forgetBefore(double level) {
            recentCount = 0;
            recentNext = 0;
            remember(level);
        }
    }

    /** How far back the noise floor reaches. */
    static final double FLOOR_SECONDS = 1.0;

    /** Digital silence counts as this level, so that dither after it is no onset. */
    static final double QUIETEST_DBFS = -90;

    private final DetectionSettings settings;
    private final List<String> labels;
    private final boolean[] reportable;
    private final State state;
    private final Map<String, Double> lastReported = new HashMap<>();
    private int judged = -1;
    private double loudest;

    /**
     * @param settings what to report and when
     * @param labels the model's labels, in the order of the probabilities
     * @param hopSeconds the time between windows
     */
    public EventDecider(DetectionSettings settings, List<String> labels, double hopSeconds) {
        this.settings = settings;
        this.labels = List.copyOf(labels);
        this.reportable = new boolean[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            reportable[i] = !settings.muted().contains(labels.get(i));
        }
        this.state = new State(settings, hopSeconds);
    }

    /**
     * Takes the level of the next window and says whether it is to be classified.
     *
     * @param startSeconds where the window starts in the stream
     * @param levelDbfs its RMS level
     */
    public boolean wants(double startSeconds, double levelDbfs) {
        DecisionRule rule = settings.rule();
        boolean starts = rule.startsJudging(state, levelDbfs);
        if (starts) {
            judged = 0;
            loudest = levelDbfs;
            state.forgetBefore(levelDbfs);
        } else {
            state.remember(levelDbfs);
        }
        return judged >= 0 && judged < rule.windowsJudged(settings);
    }

    /** Whether the window just {@link #wants wanted} is the first of a decision: an onset, with the onset rule. */
    public boolean atOnset() {
        return judged == 0;
    }

    /**
     * The event to report for the window just {@link #wants wanted}, given its probabilities, or null.
     *
     * @param startSeconds where the window starts
     * @param levelDbfs its level
     * @param probabilities per label, in the order given at construction
     */
    public SoundEvent decide(double startSeconds, double levelDbfs, double[] probabilities) {
        judged++;
        loudest = Math.max(loudest, levelDbfs);
        int best = Probabilities.mostProbable(probabilities);
        if (!reportable[best]) {
            return null;
        }
        String sound = labels.get(best);
        double confidence = probabilities[best];
        if (confidence < settings.confidenceOf(sound)) {
            return null;
        }
        Double last = lastReported.get(sound);
        if (last != null && startSeconds - last < settings.throttleOf(sound) - 1e-9) {
            return null;
        }
        lastReported.put(sound, startSeconds);
        // One report per decision: the rest of the onset's windows are not classified.
        judged = Integer.MAX_VALUE;
        Map<String, Double> all = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            all.put(labels.get(i), probabilities[i]);
        }
        return new SoundEvent(sound, confidence, loudest, startSeconds, all);
    }
}
