package dev.parrot.runtime;

import java.util.Map;

/**
 * A sound recognised in a live stream.
 *
 * @param sound the sound
 * @param confidence its probability in the window that decided (for a held sound, smoothed over the recent windows),
 *        0..1
 * @param levelDbfs the window's RMS level in dBFS: how loud it was made
 * @param timeSeconds where the deciding window starts, in seconds of audio since the stream started; for a
 *        {@link Phase#STOP}, the window in which the sound was found to have ended
 * @param probabilities every sound's probability in the window, in the model's label order (empty for a stop decided
 *        on a window too quiet to classify)
 * @param phase what the event says: a short sound made once, or a held sound starting, going on, or stopping
 * @param decidedSeconds when the detector had heard enough to report it, in seconds of audio since the stream started:
 *        the end of the deciding window, or of the onset segment a short sound is decided on. Its distance from
 *        {@code timeSeconds} is the delay the detector adds, apart from the time the audio takes to reach it
 */
public record SoundEvent(String sound, double confidence, double levelDbfs, double timeSeconds,
        Map<String, Double> probabilities, Phase phase, double decidedSeconds) {

    /**
     * What an event says of its sound. A short sound ({@link SoundKind#SHORT}: a click, a pop) is reported once, as
     * {@link #ONCE}. A held sound ({@link SoundKind#HELD}: a hiss, a hum, a whistle) is reported as {@link #START},
     * then as {@link #CONTINUING} at a steady rate (its throttle time) for as long as it lasts, then as {@link #STOP}
     * through {@link SoundListener#soundStopped}.
     */
    public enum Phase {
        /** A short sound, reported once per onset. */
        ONCE,
        /** A held sound has started. */
        START,
        /** A held sound is still going on. */
        CONTINUING,
        /** A held sound has stopped. */
        STOP
    }

    public SoundEvent {
        if (phase == null) {
            throw new IllegalArgumentException("an event needs a phase, one of " + java.util.List.of(Phase.values()));
        }
    }

    /** An event decided where it starts (as events of files written before onset segments were). */
    public SoundEvent(String sound, double confidence, double levelDbfs, double timeSeconds,
            Map<String, Double> probabilities, Phase phase) {
        this(sound, confidence, levelDbfs, timeSeconds, probabilities, phase, timeSeconds);
    }

    /** A short sound's one report. */
    public SoundEvent(String sound, double confidence, double levelDbfs, double timeSeconds,
            Map<String, Double> probabilities) {
        this(sound, confidence, levelDbfs, timeSeconds, probabilities, Phase.ONCE);
    }

    /** Whether this event begins something: a short sound, or a held sound's start. */
    public boolean begins() {
        return phase == Phase.ONCE || phase == Phase.START;
    }
}
