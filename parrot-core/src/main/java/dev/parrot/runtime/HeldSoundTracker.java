package dev.parrot.runtime;

import java.util.List;

/**
 * A held sound: its probability is averaged over the last few windows (a window too quiet to classify counts as 0),
 * it starts when that average reaches its confidence in a window whose most probable sound it is, is reported again
 * every throttle time while the average stays at or above its keep confidence, and stops at the first window below
 * (or too quiet to classify).
 */
final class HeldSoundTracker implements SoundTracker {

    private final int label;
    private final String sound;
    private final List<String> labels;
    private final double start;
    private final double keep;
    private final double throttle;
    private final double minimumLevel;
    private final double[] recent;
    private int next;
    private boolean active;
    private double lastReported;

    HeldSoundTracker(int label, List<String> labels, DetectionSettings settings) {
        this.label = label;
        this.labels = labels;
        this.sound = labels.get(label);
        this.start = settings.confidenceOf(sound);
        this.keep = settings.keepConfidenceOf(sound);
        this.throttle = settings.throttleOf(sound);
        this.minimumLevel = settings.minimumLevelDbfs();
        this.recent = new double[settings.smoothingWindows()];
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
        if (!active) {
            if (p != null && smoothed >= start && window.mostProbable() == label) {
                active = true;
                lastReported = t;
                listener.soundRecognised(event(smoothed, window, SoundEvent.Phase.START));
            }
        } else if (p == null || smoothed < keep) {
            // A window too quiet to classify ends a held sound at once: no hiss is that quiet.
            active = false;
            listener.soundStopped(event(smoothed, window, SoundEvent.Phase.STOP));
        } else if (t - lastReported >= throttle - 1e-9) {
            lastReported = t;
            listener.soundRecognised(event(smoothed, window, SoundEvent.Phase.CONTINUING));
        }
    }

    @Override
    public void finish(double endSeconds, SoundListener listener) {
        if (active) {
            active = false;
            listener.soundStopped(new SoundEvent(sound, 0, Double.NEGATIVE_INFINITY, endSeconds,
                    EventDecider.named(labels, null), SoundEvent.Phase.STOP));
        }
    }

    private SoundEvent event(double smoothed, EventDecider.Window window, SoundEvent.Phase phase) {
        return new SoundEvent(sound, smoothed, window.levelDbfs(), window.startSeconds(),
                EventDecider.named(labels, window.probabilities()), phase);
    }
}
