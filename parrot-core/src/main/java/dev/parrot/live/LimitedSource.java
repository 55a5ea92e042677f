package dev.parrot.live;

import dev.parrot.runtime.AudioSource;

import java.io.IOException;

/** Another source's first so many seconds: a session that ends by itself, measured in audio rather than on a clock. */
public final class LimitedSource implements AudioSource {

    private final AudioSource source;
    private final long limit;
    private long delivered;

    /** @param seconds how much audio to hand out; 0 or less for all of it */
    public LimitedSource(AudioSource source, double seconds) {
        this.source = source;
        this.limit = seconds > 0 ? Math.round(seconds * source.sampleRate()) : Long.MAX_VALUE;
    }

    @Override
    public int sampleRate() {
        return source.sampleRate();
    }

    @Override
    public int read(float[] buffer, int offset, int count) throws IOException {
        if (delivered >= limit) {
            return -1;
        }
        int n = source.read(buffer, offset, (int) Math.min(count, limit - delivered));
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
