package dev.parrot.live;

import dev.parrot.runtime.AudioSource;

import java.io.IOException;
import java.util.function.LongSupplier;

/**
 * Hands out another source's audio no faster than it would be heard: a recording played through a detector as a
 * microphone would deliver it, so that its events scroll by as they would live.
 */
public final class PacedSource implements AudioSource {

    /** Waits until a time on the clock of {@link PacedSource}; may return early when interrupted. */
    @FunctionalInterface
    public interface Sleeper {
        void sleepNanos(long nanos) throws InterruptedException;
    }

    private final AudioSource source;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private long start = -1;
    private long delivered;

    /** Paced by the system's clock. */
    public PacedSource(AudioSource source) {
        this(source, System::nanoTime, nanos -> Thread.sleep(nanos / 1_000_000, (int) (nanos % 1_000_000)));
    }

    PacedSource(AudioSource source, LongSupplier nanoTime, Sleeper sleeper) {
        this.source = source;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
    }

    @Override
    public int sampleRate() {
        return source.sampleRate();
    }

    /** Waits until the audio read so far has played, then reads the next chunk. */
    @Override
    public int read(float[] buffer, int offset, int count) throws IOException {
        if (start < 0) {
            start = nanoTime.getAsLong();
        }
        long due = start + Math.round(delivered * 1e9 / source.sampleRate());
        long now = nanoTime.getAsLong();
        if (due > now) {
            try {
                sleeper.sleepNanos(due - now);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return -1;
            }
        }
        int n = source.read(buffer, offset, count);
        if (n > 0) {
            delivered += n;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        source.close();
    }
}
