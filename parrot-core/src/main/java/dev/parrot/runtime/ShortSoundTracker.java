package dev.parrot.runtime;

import java.util.List;

/**
 * A short sound: reported once per onset, unless it was reported within its throttle time. With an onset model, when
 * the onset's segment is most probably this sound with at least its confidence; otherwise at the first of the onset's
 * judged windows whose most probable sound it is with at least its confidence.
 */
final class ShortSoundTracker implements SoundTracker {

    private final int label;
    private final String sound;
    private final List<String> labels;
    private final double confidence;
    private final double throttle;
    private final EventDecider.Onsets onsets;
    private final boolean bySegment;
    private double lastReported = Double.NEGATIVE_INFINITY;

    ShortSoundTracker(int label, List<String> labels, DetectionSettings settings, EventDecider.Onsets onsets,
            boolean bySegment) {
        this.bySegment = bySegment;
        this.label = label;
        this.labels = labels;
        this.sound = labels.get(label);
        this.confidence = settings.confidenceOf(sound);
        this.throttle = settings.throttleOf(sound);
        this.onsets = onsets;
    }

    @Override
    public boolean wants(double levelDbfs, boolean atOnset) {
        return atOnset && !bySegment;
    }

    @Override
    public void decide(EventDecider.Window window, SoundListener listener) {
        double[] p = window.probabilities();
        if (bySegment || !window.judgedAtOnset() || p == null || onsets.decided() || window.mostProbable() != label
                || p[label] < confidence) {
            return;
        }
        double t = window.startSeconds();
        if (t - lastReported < throttle - 1e-9) {
            return;
        }
        lastReported = t;
        // One report per onset: the rest of its windows are not judged.
        onsets.decide();
        listener.soundRecognised(new SoundEvent(sound, p[label], onsets.loudest(), t,
                EventDecider.named(labels, p), SoundEvent.Phase.ONCE, window.endSeconds()));
    }

    @Override
    public void decideOnset(double onsetSeconds, double decidedSeconds, double levelDbfs, double[] p,
            SoundListener listener) {
        if (dev.parrot.Probabilities.mostProbable(p) != label || p[label] < confidence
                || onsetSeconds - lastReported < throttle - 1e-9) {
            return;
        }
        lastReported = onsetSeconds;
        listener.soundRecognised(new SoundEvent(sound, p[label], levelDbfs, onsetSeconds,
                EventDecider.named(labels, p), SoundEvent.Phase.ONCE, decidedSeconds));
    }

    @Override
    public void finish(double endSeconds, SoundListener listener) {
    }
}
