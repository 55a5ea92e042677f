package dev.parrot.audio;

import java.nio.file.Path;

/**
 * Mono samples of one recording handed out in chunks, so that a recording of any length is read in the memory of a
 * chunk: a WAV file ({@link WavStream}) or another stream resampled ({@link #resampledTo}).
 *
 * <p>Not thread-safe: one reader at a time.
 */
public interface SampleStream extends AutoCloseable {

    /** A recording already in memory, handed out in chunks like a file. */
    static SampleStream of(Recording recording) {
        return new SampleStream() {
            private int at;

            @Override
            public Path source() {
                return recording.source();
            }

            @Override
            public int sampleRate() {
                return recording.sampleRate();
            }

            @Override
            public long length() {
                return recording.samples().length;
            }

            @Override
            public int read(float[] buffer, int offset, int count) {
                float[] samples = recording.samples();
                if (at >= samples.length) {
                    return -1;
                }
                int n = Math.min(count, samples.length - at);
                System.arraycopy(samples, at, buffer, offset, n);
                at += n;
                return n;
            }

            @Override
            public void close() {
                // nothing to release
            }
        };
    }

    /** The file, for messages. */
    Path source();

    /** Samples per second of what {@link #read} hands out. */
    int sampleRate();

    /** How many samples the stream hands out in all, known before the first is read. */
    long length();

    default double durationSeconds() {
        return length() / (double) sampleRate();
    }

    /**
     * Reads the next samples, up to {@code count}, into {@code buffer} from {@code offset}: at least one, though
     * possibly fewer than asked for (a file is read a block at a time), so callers that need {@code count} read again.
     *
     * @return how many were read (1 or more when {@code count} is), or -1 at the end
     * @throws UnreadableRecordingException when the audio cannot be read on (a file that ends early), naming the file
     */
    int read(float[] buffer, int offset, int count) throws UnreadableRecordingException;

    /** The same audio at another rate, streamed; this stream itself when it has that rate. */
    default SampleStream resampledTo(int targetRate) {
        return targetRate == sampleRate() ? this : new ResamplingStream(this, targetRate);
    }

    /** Releases the file. */
    @Override
    void close();

    /**
     * Reads what is left of the stream into one array: for short takes, whose samples are needed together.
     *
     * @throws UnreadableRecordingException when it cannot be read, or holds more samples than an array can
     */
    default float[] readAll() throws UnreadableRecordingException {
        if (length() > Integer.MAX_VALUE - 8) {
            throw new UnreadableRecordingException(source(), "too long to decode at once (" + length()
                    + " samples)");
        }
        float[] all = new float[(int) length()];
        int filled = 0;
        while (filled < all.length) {
            int n = read(all, filled, all.length - filled);
            if (n < 0) {
                break;
            }
            filled += n;
        }
        return all;
    }
}
