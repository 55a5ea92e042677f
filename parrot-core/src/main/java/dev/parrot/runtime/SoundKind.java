package dev.parrot.runtime;

import java.util.List;
import java.util.Locale;

/**
 * How a sound is made, and so how a {@link SoundDetector} reports it: each kind is a strategy that tracks its sounds
 * through the stream (Talon's noise API makes the same split: a pop is one event, a hiss has a start and a stop).
 */
public enum SoundKind {

    /**
     * A noise made in an instant (a click, a pop, a cluck): decided at its onset by the stream's {@link
     * DecisionRule} and reported once, as {@link SoundEvent.Phase#ONCE}.
     */
    SHORT {
        @Override
        SoundTracker track(int label, List<String> labels, DetectionSettings settings, EventDecider.Onsets onsets,
                boolean bySegment) {
            return new ShortSoundTracker(label, labels, settings, onsets, bySegment);
        }
    },

    /**
     * A noise held for as long as it should act (a hiss to scroll, a hum or a whistle to move): judged on every
     * window loud enough, its probability smoothed over the recent windows, started when that reaches the sound's
     * confidence and kept until it falls below its keep confidence (hysteresis: a syllable of speech does not start
     * it, a dip does not stop it) or its level falls far below its loudest (the quiet after it); reported at its
     * start, at a steady rate while it lasts, and at its stop.
     */
    HELD {
        @Override
        SoundTracker track(int label, List<String> labels, DetectionSettings settings, EventDecider.Onsets onsets,
                boolean bySegment) {
            return new HeldSoundTracker(label, labels, settings, onsets.floorWindows());
        }
    };

    /**
     * The tracker of one sound of this kind, for one stream.
     *
     * @param bySegment whether short sounds are decided on onset segments (an onset model's) rather than windows
     */
    abstract SoundTracker track(int label, List<String> labels, DetectionSettings settings, EventDecider.Onsets onsets,
            boolean bySegment);

    /** The kind's name as the POM and the model JSON write it: {@code short}, {@code held}. */
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /**
     * The kind a POM or JSON names, in any case.
     *
     * @throws IllegalArgumentException naming the kinds there are
     */
    public static SoundKind of(String id) {
        for (SoundKind kind : values()) {
            if (kind.id().equalsIgnoreCase(id.trim())) {
                return kind;
            }
        }
        throw new IllegalArgumentException("'" + id + "' is no kind of sound; the kinds are short and held");
    }
}
