package dev.parrot.audio;

import java.util.Arrays;

/**
 * The windows of a {@link SampleStream} one after the other, each with the stretch of audio before it that features
 * read as context, in the memory of a few reads whatever the stream's length. The windows are those of the whole
 * recording (a window every {@code hop} samples that fits, and one for audio shorter than a window), and each is
 * handed out in an array laid out as the whole recording would be around it: zeros before the first sample and after
 * the last, so that code written for the whole recording's array (which reads samples outside it as silence) computes
 * the same values to the bit.
 *
 * <pre>{@code
 * StreamedWindows windows = new StreamedWindows(stream, 480, 240, 7680);
 * while (windows.next()) {
 *     extractor.extract(windows.samples(), windows.offset(), features);
 * }
 * }</pre>
 *
 * <p>Not thread-safe; the stream is not closed here.
 */
public final class StreamedWindows {

    /** Samples read from the stream at a time, beyond what a window and its context need. */
    private static final int READ = 16384;

    private final SampleStream stream;
    private final int window;
    private final int hop;
    private final int history;
    private final long count;
    private final float[] buffer;
    /** The position in the stream of {@code buffer[0]}: negative while the context reaches before the start. */
    private long bufferStart;
    /** How much of the buffer holds the stream's samples, or the zeros before its start. */
    private int filled;
    private boolean ended;
    private long index = -1;

    /**
     * @param window samples per window
     * @param hop samples from one window's start to the next
     * @param history samples before each window that must be there too
     */
    public StreamedWindows(SampleStream stream, int window, int hop, int history) {
        if (window <= 0 || hop <= 0 || history < 0) {
            throw new IllegalArgumentException("window " + window + ", hop " + hop + ", history " + history);
        }
        this.stream = stream;
        this.window = window;
        this.hop = hop;
        this.history = history;
        long length = stream.length();
        this.count = length <= window ? 1 : (length - window) / hop + 1;
        this.buffer = new float[history + window + READ];
        this.bufferStart = -history;
        this.filled = history;
    }

    /** How many windows the stream has. */
    public long count() {
        return count;
    }

    /**
     * Moves to the next window.
     *
     * @return false when there is none left
     * @throws UnreadableRecordingException when the stream cannot be read on
     */
    public boolean next() throws UnreadableRecordingException {
        if (index + 1 >= count) {
            index = count;
            return false;
        }
        index++;
        long start = start();
        if (start + window > bufferStart + filled) {
            refill(start);
        }
        return true;
    }

    /** Which window this is, from 0. */
    public long index() {
        return index;
    }

    /** Where the window starts in the stream, in samples. */
    public long start() {
        return index * hop;
    }

    /** The array the window is in; valid until {@link #next()}. */
    public float[] samples() {
        return buffer;
    }

    /** Where the window starts in {@link #samples()}; the {@code history} samples before it are its context. */
    public int offset() {
        return (int) (start() - bufferStart);
    }

    private void refill(long start) throws UnreadableRecordingException {
        // Keep from the window's context on; what lies before it is never read again.
        int drop = (int) Math.min(filled, start - history - bufferStart);
        if (drop > 0) {
            System.arraycopy(buffer, drop, buffer, 0, filled - drop);
            filled -= drop;
            bufferStart += drop;
        }
        Arrays.fill(buffer, filled, buffer.length, 0f);
        while (!ended && filled < buffer.length) {
            int n = stream.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                ended = true;
            } else {
                filled += n;
            }
        }
        // A stream shorter than one window has its window read past its end: the zeros left there are silence.
    }
}
