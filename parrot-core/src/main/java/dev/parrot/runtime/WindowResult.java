package dev.parrot.runtime;

/**
 * One window of a recording's timeline.
 *
 * @param startSeconds where the window starts, from the start of the recording
 * @param levelDbfs the window's RMS level in dBFS
 * @param prediction what the model heard, or {@link Prediction#silence()} for a window below the silence threshold
 */
public record WindowResult(double startSeconds, double levelDbfs, Prediction prediction) {

    /** Whether the window was loud enough to be classified. */
    public boolean holdsSound() {
        return !prediction.isSilence();
    }
}
