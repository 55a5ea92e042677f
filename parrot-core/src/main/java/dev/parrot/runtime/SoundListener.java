package dev.parrot.runtime;

/**
 * Receives the sounds a {@link SoundDetector} recognises. Called on the audio thread, in time order: return quickly
 * (hand long work to another thread), or the stream falls behind the microphone.
 *
 * <p>{@link #soundRecognised} hears a short sound once ({@link SoundEvent.Phase#ONCE}), and a held sound when it
 * starts and then at a steady rate while it lasts ({@link SoundEvent.Phase#START}, {@link
 * SoundEvent.Phase#CONTINUING}): a lambda that scrolls a step per call scrolls for as long as a hiss lasts. Override
 * {@link #soundStopped} to be told when a held sound ends.
 */
@FunctionalInterface
public interface SoundListener {

    void soundRecognised(SoundEvent event);

    /** A held sound has ended ({@link SoundEvent.Phase#STOP}); by default nothing happens. */
    default void soundStopped(SoundEvent event) {
    }

    /** The one method to which every event goes, whatever its phase. */
    static SoundListener all(java.util.function.Consumer<SoundEvent> consumer) {
        return new SoundListener() {
            @Override
            public void soundRecognised(SoundEvent event) {
                consumer.accept(event);
            }

            @Override
            public void soundStopped(SoundEvent event) {
                consumer.accept(event);
            }
        };
    }
}
