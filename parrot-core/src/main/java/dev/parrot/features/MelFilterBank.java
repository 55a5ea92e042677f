package dev.parrot.features;

/**
 * Triangular filters spaced evenly on the mel scale from 0 Hz to the Nyquist frequency, the way Parrot.py lays them
 * out, so that its log-mel values can be reproduced.
 *
 * <p>TarsosDSP's {@code MFCC} has a filter bank too, but in release 2.4 {@code magnitudeSpectrum} hands the bins over
 * in reverse order and {@code calculateFilterBanks} shifts every centre one filter down, so its band k does not
 * hold the energy around centre k. The FFT and the window stay TarsosDSP's; the DCT is TarsosDSP's formula,
 * tabulated in {@link FeatureExtractor}.
 */
public final class MelFilterBank {

    private final int bands;
    private final int bins;
    /** Band edges in (fractional) FFT bins: edge[j], edge[j+1], edge[j+2] make band j. */
    private final double[] edges;
    private final int[] firstBin;
    private final float[][] weights;

    public MelFilterBank(int bands, int fftSize, int sampleRate) {
        this.bands = bands;
        this.bins = fftSize / 2 + 1;
        double melStep = hzToMel(sampleRate / 2.0) / (bands + 1);
        edges = new double[bands + 2];
        for (int i = 0; i < edges.length; i++) {
            edges[i] = melToHz(i * melStep) * (bins - 1) * 2.0 / sampleRate;
        }
        firstBin = new int[bands];
        weights = new float[bands][];
        for (int j = 0; j < bands; j++) {
            int lo = Math.max(0, (int) Math.ceil(edges[j]));
            int hi = Math.min(bins - 1, (int) Math.floor(edges[j + 2]));
            firstBin[j] = lo;
            float[] w = new float[Math.max(0, hi - lo + 1)];
            for (int i = lo; i <= hi; i++) {
                double rise = (i - edges[j]) / (edges[j + 1] - edges[j]);
                double fall = (edges[j + 2] - i) / (edges[j + 2] - edges[j + 1]);
                w[i - lo] = (float) Math.max(0, Math.min(rise, fall));
            }
            weights[j] = w;
        }
    }

    public static double hzToMel(double hz) {
        return 2595.0 * Math.log10(1.0 + hz / 700.0);
    }

    public static double melToHz(double mel) {
        return 700.0 * (Math.pow(10.0, mel / 2595.0) - 1.0);
    }

    public int bands() {
        return bands;
    }

    /** The frequency at the peak of a band, in Hz. */
    public double centreHz(int band, int fftSize, int sampleRate) {
        return edges[band + 1] * sampleRate / (double) fftSize;
    }

    /** Sums a magnitude spectrum of {@code fftSize/2 + 1} bins into the bands. */
    public void apply(float[] magnitudes, float[] out, int outOffset) {
        for (int j = 0; j < bands; j++) {
            float[] w = weights[j];
            int lo = firstBin[j];
            float sum = 0;
            for (int i = 0; i < w.length; i++) {
                sum += magnitudes[lo + i] * w[i];
            }
            out[outOffset + j] = sum;
        }
    }
}
