package dev.parrot.runtime;

import java.io.IOException;

/**
 * Mono audio read in chunks, in Parrot's own terms: a microphone, a WAV file streamed from disk, a test's array. A
 * {@link SoundDetector} {@linkplain SoundDetector#run(AudioSource) runs} on one until it ends or the detector is
 * {@linkplain SoundDetector#stop() stopped}; a live source blocks in {@link #read} until audio is there.
 *
 * <p>Not thread-safe: one reader at a time.
 */
public interface AudioSource extends AutoCloseable {

    /** The rate of the samples {@link #read} hands out, in Hz. */
    int sampleRate();

    /**
     * Reads up to {@code count} samples (mono, -1..1) into {@code buffer} from {@code offset}.
     *
     * @return how many were read, at least 1, or -1 at the end of the audio
     * @throws IOException when the audio cannot be read (for a file: naming it and the reason)
     */
    int read(float[] buffer, int offset, int count) throws IOException;

    /** Releases the device or file. */
    @Override
    void close() throws IOException;
}
