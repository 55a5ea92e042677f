package dev.parrot.runtime;

/**
 * Receives the sounds a {@link SoundDetector} recognises. Called on the audio thread, in time order: return quickly
 * (hand long work to another thread), or the stream falls behind the microphone.
 */
@FunctionalInterface
public interface SoundListener {

    void soundRecognised(SoundEvent event);
}
