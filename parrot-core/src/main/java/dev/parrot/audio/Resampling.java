package dev.parrot.audio;

import be.tarsos.dsp.resample.Resampler;

/** Sample-rate conversion with TarsosDSP's band-limited resampler (a port of libresample). */
public final class Resampling {

    private Resampling() {
    }

    /**
     * Converts mono samples from one rate to another. The output length is the input length scaled by the rate
     * ratio, rounded, so durations are kept.
     */
    public static float[] resample(float[] samples, int fromRate, int toRate) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive: " + fromRate + " -> " + toRate);
        }
        if (fromRate == toRate || samples.length == 0) {
            return samples.clone();
        }
        double factor = toRate / (double) fromRate;
        int expected = (int) Math.round(samples.length * factor);
        // The resampler keeps a filter's width of input back until it is told the batch is the last one, so the
        // whole recording goes in as one batch and the output buffer has room for the rounding of every step.
        float[] out = new float[expected + 64];
        Resampler resampler = new Resampler(true, factor, factor);
        Resampler.Result result = resampler.process(factor, samples, 0, samples.length, true, out, 0, out.length);
        int produced = result.outputSamplesGenerated;
        float[] exact = new float[expected];
        System.arraycopy(out, 0, exact, 0, Math.min(produced, expected));
        return exact;
    }
}
