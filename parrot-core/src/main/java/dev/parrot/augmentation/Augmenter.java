package dev.parrot.augmentation;

import be.tarsos.dsp.resample.Resampler;
import be.tarsos.dsp.util.fft.FloatFFT;
import dev.parrot.model.AugmentationSettings;

import java.util.Random;

/**
 * Makes one varied copy of a recording: a speed change (pitch and time together, TarsosDSP's resampler), then one
 * spectral filter (tilt, band limit and a synthetic room response, multiplied in the frequency domain with
 * TarsosDSP's FFT), then a gain change and added noise. What each copy gets is drawn from the {@link Random} given,
 * so a copy depends only on the recording and that generator's seed.
 */
public final class Augmenter {

    /** Peaks of a copy are kept below this, so that gain never clips. */
    private static final double MAX_PEAK = 0.98;
    private static final double TILT_PIVOT_HZ = 1000;

    private final AugmentationSettings settings;
    private final int sampleRate;

    public Augmenter(AugmentationSettings settings, int sampleRate) {
        String problem = settings.problem();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.settings = settings;
        this.sampleRate = sampleRate;
    }

    /** A varied copy of {@code samples} (not changed), the same length or, after a speed change, about it. */
    public float[] vary(float[] samples, Random random) {
        float[] y = samples;
        if (settings.maxRateChange() > 0) {
            y = changeSpeed(y, 1 + uniform(random, -settings.maxRateChange(), settings.maxRateChange()));
        }
        y = filter(y, random);
        double gainDb = uniform(random, settings.minGainDb(), settings.maxGainDb());
        scale(y, gainDb);
        if (random.nextDouble() < settings.noiseProbability()) {
            addNoise(y, uniform(random, settings.minSnrDb(), settings.maxSnrDb()), random);
        }
        return y;
    }

    /** Played {@code factor} times as fast: shorter and higher for a factor above 1. */
    private static float[] changeSpeed(float[] samples, double factor) {
        double ratio = 1 / factor;
        int expected = (int) Math.round(samples.length * ratio);
        float[] out = new float[expected + 64];
        Resampler.Result result = new Resampler(true, ratio, ratio)
                .process(ratio, samples, 0, samples.length, true, out, 0, out.length);
        float[] exact = new float[expected];
        System.arraycopy(out, 0, exact, 0, Math.min(result.outputSamplesGenerated, expected));
        return exact;
    }

    /**
     * Tilt, band limit and room in one pass: the spectrum of the recording times the filter's, the room response
     * convolved by multiplying spectra. Always returns a new array.
     */
    private float[] filter(float[] samples, Random random) {
        double tilt = uniform(random, -settings.maxTiltDbPerOctave(), settings.maxTiltDbPerOctave());
        boolean band = random.nextDouble() < settings.bandLimitProbability();
        double lowPass = band ? uniform(random, settings.minLowPassHz(), 7000) : 0;
        double highPass = band ? uniform(random, 60, 250) : 0;
        boolean room = random.nextDouble() < settings.reverbProbability() && settings.maxReverbSeconds() > 0;
        double rt60 = room ? uniform(random, 0.05, settings.maxReverbSeconds()) : 0;
        if (tilt == 0 && !band && !room) {
            return samples.clone();
        }
        int roomLength = room ? (int) (rt60 * sampleRate) : 0;
        int n = Integer.highestOneBit(Math.max(2, samples.length + roomLength - 1)) * 2;
        float[] x = new float[n];
        System.arraycopy(samples, 0, x, 0, samples.length);
        FloatFFT fft = new FloatFFT(n);
        fft.realForward(x);
        float[] h = room ? roomSpectrum(n, rt60, random, fft) : null;
        for (int k = 0; k <= n / 2; k++) {
            double hz = k * sampleRate / (double) n;
            double gain = Math.pow(10, tilt * log2(Math.max(hz, 50) / TILT_PIVOT_HZ) / 20);
            if (band) {
                gain /= Math.sqrt(1 + Math.pow(hz / lowPass, 8));
                gain /= Math.sqrt(1 + Math.pow(highPass / Math.max(hz, 1), 4));
            }
            // FloatFFT packs DC and Nyquist (real) into the first pair, then re/im pairs.
            if (k == 0 || k == n / 2) {
                int i = k == 0 ? 0 : 1;
                x[i] *= (float) (gain * (h == null ? 1 : h[i]));
            } else {
                float re = x[2 * k];
                float im = x[2 * k + 1];
                float hr = h == null ? 1 : h[2 * k];
                float hi = h == null ? 0 : h[2 * k + 1];
                x[2 * k] = (float) (gain * (re * hr - im * hi));
                x[2 * k + 1] = (float) (gain * (re * hi + im * hr));
            }
        }
        fft.realInverse(x, true);
        float[] out = new float[samples.length];
        System.arraycopy(x, 0, out, 0, samples.length);
        return out;
    }

    /**
     * The spectrum of a small room: the direct sound, then decaying noise (60 dB down after {@code rt60}) 0 to 12 dB
     * below it in energy, starting after 2 to 10 ms, as early reflections do.
     */
    private float[] roomSpectrum(int n, double rt60, Random random, FloatFFT fft) {
        float[] h = new float[n];
        h[0] = 1;
        int delay = (int) (uniform(random, 0.002, 0.010) * sampleRate);
        int length = (int) (rt60 * sampleRate);
        double tail = 0;
        for (int i = delay; i < length && i < n; i++) {
            double t = (i - delay) / (double) sampleRate;
            h[i] = (float) (random.nextGaussian() * Math.exp(-6.9 * t / rt60));
            tail += h[i] * h[i];
        }
        double directToTailDb = uniform(random, 0, 12);
        double tailScale = tail > 0 ? Math.sqrt(Math.pow(10, -directToTailDb / 10) / tail) : 0;
        for (int i = delay; i < length && i < n; i++) {
            h[i] *= (float) tailScale;
        }
        fft.realForward(h);
        return h;
    }

    private static void scale(float[] y, double gainDb) {
        double gain = Math.pow(10, gainDb / 20);
        float peak = 0;
        for (float v : y) {
            peak = Math.max(peak, Math.abs(v));
        }
        if (peak * gain > MAX_PEAK) {
            gain = MAX_PEAK / peak;
        }
        for (int i = 0; i < y.length; i++) {
            y[i] *= (float) gain;
        }
    }

    /**
     * Noise whose power lies {@code snrDb} below the recording's loudest 30 ms, coloured from white to brown (a
     * spectral slope of 0 to -6 dB per octave) so that hiss, hum and rumble all occur.
     */
    private void addNoise(float[] y, double snrDb, Random random) {
        double loudest = loudestPower(y, sampleRate);
        if (loudest <= 0) {
            return;
        }
        float[] noise = colouredNoise(y.length, random);
        double scale = Math.sqrt(loudest / Math.pow(10, snrDb / 10) / meanPower(noise));
        for (int i = 0; i < y.length; i++) {
            y[i] = (float) Math.max(-1, Math.min(1, y[i] + noise[i] * scale));
        }
    }

    /** The mean power of the loudest 30 ms of the samples (windows half overlapping); 0 for silence. */
    static double loudestPower(float[] y, int sampleRate) {
        int window = Math.max(1, sampleRate * 30 / 1000);
        double loudest = 0;
        double sum = 0;
        double[] squares = new double[y.length + 1];
        for (int i = 0; i < y.length; i++) {
            sum += y[i] * (double) y[i];
            squares[i + 1] = sum;
        }
        for (int i = 0; i + window <= y.length; i += window / 2) {
            loudest = Math.max(loudest, (squares[i + window] - squares[i]) / window);
        }
        return loudest;
    }

    /** The mean power of the samples; 0 for none. Public for the calibration's simulated streams. */
    public static double meanPower(float[] y) {
        double power = 0;
        for (float v : y) {
            power += v * (double) v;
        }
        return y.length == 0 ? 0 : power / y.length;
    }

    /**
     * {@code length} samples of Gaussian noise of a random colour between white and brown. Public for the
     * calibration's simulated streams, whose background without recordings is this noise.
     */
    public static float[] colouredNoise(int length, Random random) {
        int n = Integer.highestOneBit(Math.max(2, length - 1)) * 2;
        float[] noise = new float[n];
        for (int i = 0; i < n; i++) {
            noise[i] = (float) random.nextGaussian();
        }
        double slope = uniform(random, 0, 1);
        FloatFFT fft = new FloatFFT(n);
        fft.realForward(noise);
        for (int k = 1; k < n / 2; k++) {
            float g = (float) Math.pow(k, -slope);
            noise[2 * k] *= g;
            noise[2 * k + 1] *= g;
        }
        noise[0] = 0;
        noise[1] *= (float) Math.pow(n / 2.0, -slope);
        fft.realInverse(noise, true);
        return java.util.Arrays.copyOf(noise, length);
    }

    /** A uniform draw from {@code from..to}; no draw at all when they are equal, so a setting of zero costs none. */
    public static double uniform(Random random, double from, double to) {
        return from == to ? from : from + (to - from) * random.nextDouble();
    }

    private static double log2(double v) {
        return Math.log(v) / Math.log(2);
    }
}
