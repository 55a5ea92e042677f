package dev.parrot.audio;

import be.tarsos.dsp.resample.Resampler;

import java.nio.file.Path;
import java.util.Arrays;

/**
 * Another stream at another rate, through TarsosDSP's resampler fed block by block. It hands out the same samples as
 * {@link Resampling#resample} of the whole recording, to the bit: that is what keeps the features of a streamed
 * long recording, and so the models trained on them, as they were when recordings were decoded whole.
 */
final class ResamplingStream implements SampleStream {

    /**
     * Input samples given to the resampler at a time. The resampler works through its input in blocks of its own
     * (up to 4096 samples) and carries its clock, a double, from one block to the next. Given 3000 to 65536 samples
     * at a time its output was the whole recording's to the bit at every rate tried; given a hop at a time (662
     * samples at 44.1 kHz) a fifth of the samples differed in their last bits. WavStreamTest holds this for nine
     * rates and lengths.
     */
    static final int INPUT_BLOCK = 16384;

    private final SampleStream input;
    private final int rate;
    private final double factor;
    private final long length;
    /** Made on the first read: building its filter table takes tens of milliseconds. */
    private Resampler resampler;
    private final float[] in;
    private float[] out;
    private int outStart;
    private int outEnd;
    private long inputRead;
    private long handedOut;
    private boolean inputDone;

    ResamplingStream(SampleStream input, int targetRate) {
        if (targetRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + targetRate);
        }
        this.input = input;
        this.rate = targetRate;
        this.factor = targetRate / (double) input.sampleRate();
        this.length = Math.round(input.length() * factor);
        // A recording shorter than a block goes to the resampler in one piece, as Resampling gives it.
        this.in = new float[(int) Math.max(1, Math.min(INPUT_BLOCK, input.length()))];
        this.out = new float[(int) Math.ceil(in.length * factor) + 64];
    }

    @Override
    public Path source() {
        return input.source();
    }

    @Override
    public int sampleRate() {
        return rate;
    }

    @Override
    public long length() {
        return length;
    }

    @Override
    public int read(float[] buffer, int offset, int count) throws UnreadableRecordingException {
        if (handedOut >= length) {
            return -1;
        }
        int want = (int) Math.min(count, length - handedOut);
        int written = 0;
        while (written < want) {
            if (outStart == outEnd) {
                if (inputDone) {
                    // The resampler gave a few samples fewer than the rounded length: silence, as Resampling pads.
                    int pad = want - written;
                    Arrays.fill(buffer, offset + written, offset + want, 0f);
                    written += pad;
                    break;
                }
                resampleNextBlock();
                continue;
            }
            int n = Math.min(want - written, outEnd - outStart);
            System.arraycopy(out, outStart, buffer, offset + written, n);
            outStart += n;
            written += n;
        }
        handedOut += written;
        return written;
    }

    private void resampleNextBlock() throws UnreadableRecordingException {
        if (resampler == null) {
            resampler = new Resampler(true, factor, factor);
        }
        int count = 0;
        while (count < in.length) {
            int n = input.read(in, count, in.length - count);
            if (n < 0) {
                break;
            }
            count += n;
        }
        inputRead += count;
        boolean last = count < in.length || inputRead >= input.length();
        outStart = 0;
        outEnd = 0;
        int consumed = 0;
        // The resampler need not take all input in one call, and keeps a filter's width back until the last block.
        while (true) {
            if (out.length - outEnd < 64) {
                out = Arrays.copyOf(out, out.length * 2);
            }
            Resampler.Result r = resampler.process(factor, in, consumed, count - consumed, last, out, outEnd,
                    out.length - outEnd);
            consumed += r.inputSamplesConsumed;
            outEnd += r.outputSamplesGenerated;
            if (r.inputSamplesConsumed == 0 && r.outputSamplesGenerated == 0) {
                break;
            }
            if (consumed >= count && !last) {
                break;
            }
        }
        inputDone = last;
    }

    @Override
    public void close() {
        input.close();
    }
}
