package dev.parrot.live;

import dev.parrot.audio.Recording;
import dev.parrot.runtime.AudioSource;

/** The samples of a decoded recording as a source, read to their end. */
public final class ArraySource implements AudioSource {

    private final float[] samples;
    private final int sampleRate;
    private int position;

    public ArraySource(float[] samples, int sampleRate) {
        this.samples = samples;
        this.sampleRate = sampleRate;
    }

    public ArraySource(Recording recording) {
        this(recording.samples(), recording.sampleRate());
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    @Override
    public int read(float[] buffer, int offset, int count) {
        if (position >= samples.length) {
            return -1;
        }
        int n = Math.min(count, samples.length - position);
        System.arraycopy(samples, position, buffer, offset, n);
        position += n;
        return n;
    }

    @Override
    public void close() {
    }
}
