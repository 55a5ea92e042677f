package dev.parrot.audio;

import java.nio.file.Path;

/**
 * Decoded audio of one recording, mixed to mono and scaled to [-1, 1].
 *
 * @param source where it came from, for messages
 * @param samples the mono samples; not copied, so callers must not change them
 * @param sampleRate samples per second
 */
public record Recording(Path source, float[] samples, int sampleRate) {

    public double durationSeconds() {
        return samples.length / (double) sampleRate;
    }

    /** The same audio at another sample rate, or this recording when it already has it. */
    public Recording resampledTo(int targetRate) {
        if (targetRate == sampleRate) {
            return this;
        }
        return new Recording(source, Resampling.resample(samples, sampleRate, targetRate), targetRate);
    }
}
