package dev.parrot.runtime;

import java.util.List;

/**
 * A held sound: its probability is averaged over the last few windows (a window too quiet to classify counts as 0),
 * it starts when that average reaches its confidence in a window whose most probable sound it is, is reported again
 * every throttle time while the average stays at or above its keep confidence, and stops at the first window below,
 * too quiet to classify, or {@value DetectionSettings#HELD_STOP_DROP_DB} dB below the loudest window since it started.
 * A stopped sound starts afresh: the windows before its stop no longer count towards a new start. Nor does a held
 * sound start in a window {@value DetectionSettings#HELD_STOP_DROP_DB} dB or more below the loudest of the last second:
 * that is the quiet after a sound, not a sound; nor in a window less than the onset rise above the quietest of the
 * last second: a steady room, a fan or a hum of the mains is where the user is, not a sound they made.
 */
final class HeldSoundTracker implements SoundTracker {

    private final int label;
    private final String sound;
    private final List<String> labels;
    private final double start;
    private final double keep;
    private final double throttle;
    private final double minimumLevel;
    private final double rise;
    private final double[] recent;
    private int next;
    private boolean active;
    private double lastReported;
    private double loudest;
    /** The levels of the last second's windows, a ring. */
    private final double[] levels;
    private int nextLevel;

    HeldSoundTracker(int label, List<String> labels, DetectionSettings settings, int secondOfWindows) {
        this.label = label;
        this.labels = labels;
        this.sound = labels.get(label);
        this.start = settings.confidenceOf(sound);
        this.keep = settings.keepConfidenceOf(sound);
        this.throttle = settings.throttleOf(sound);
        this.minimumLevel = settings.minimumLevelDbfs();
        this.rise = settings.onsetRiseDb();
        this.recent = new double[settings.smoothingWindows()];
        this.levels = new double[Math.max(1, secondOfWindows)];
        java.util.Arrays.fill(levels, Double.NEGATIVE_INFINITY);
    }

    @Override
    public boolean wants(double levelDbfs, boolean atOnset) {
        return levelDbfs >= minimumLevel;
    }

    @Override
    public void decide(EventDecider.Window window, SoundListener listener) {
        double[] p = window.probabilities();
        recent[next] = p == null ? 0 : p[label];
        next = (next + 1) % recent.length;
        double smoothed = 0;
        for (double v : recent) {
            smoothed += v;
        }
        smoothed /= recent.length;
        double t = window.startSeconds();
        levels[nextLevel] = window.levelDbfs();
        nextLevel = (nextLevel + 1) % levels.length;
        if (!active) {
            // The room after a take can look like the take to a model that learnt no quiet room: no start there.
            if (p != null && smoothed >= start && window.mostProbable() == label
                    && window.levelDbfs() >= recentLoudest() - DetectionSettings.HELD_STOP_DROP_DB
                    && window.levelDbfs() >= recentQuietest() + rise) {
                active = true;
                lastReported = t;
                loudest = window.levelDbfs();
                listener.soundRecognised(event(smoothed, window, SoundEvent.Phase.START));
            }
            return;
        }
        loudest = Math.max(loudest, window.levelDbfs());
        // A window too quiet to classify ends a held sound at once: no hiss is that quiet. Nor does one go on in a
        // window far quieter than it was: the model has learnt no quiet room, so the room after a hiss can keep its
        // probability above the keep confidence for half a second.
        if (p == null || smoothed < keep || window.levelDbfs() < loudest - DetectionSettings.HELD_STOP_DROP_DB) {
            active = false;
            java.util.Arrays.fill(recent, 0);
            listener.soundStopped(event(smoothed, window, SoundEvent.Phase.STOP));
        } else if (t - lastReported >= throttle - 1e-9) {
            lastReported = t;
            listener.soundRecognised(event(smoothed, window, SoundEvent.Phase.CONTINUING));
        }
    }

    /** The quietest window of the last second: the floor a held sound rises out of (digital silence at most). */
    private double recentQuietest() {
        double min = Double.POSITIVE_INFINITY;
        for (double v : levels) {
            min = Math.min(min, v);
        }
        return Math.max(min, EventDecider.QUIETEST_DBFS);
    }

    private double recentLoudest() {
        double max = Double.NEGATIVE_INFINITY;
        for (double v : levels) {
            max = Math.max(max, v);
        }
        return max;
    }

    @Override
    public void finish(double endSeconds, SoundListener listener) {
        if (active) {
            active = false;
            listener.soundStopped(new SoundEvent(sound, 0, Double.NEGATIVE_INFINITY, endSeconds,
                    EventDecider.named(labels, null), SoundEvent.Phase.STOP, endSeconds));
        }
    }

    private SoundEvent event(double smoothed, EventDecider.Window window, SoundEvent.Phase phase) {
        return new SoundEvent(sound, smoothed, window.levelDbfs(), window.startSeconds(),
                EventDecider.named(labels, window.probabilities()), phase, window.endSeconds());
    }
}
