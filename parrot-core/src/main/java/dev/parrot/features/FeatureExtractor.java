package dev.parrot.features;

import be.tarsos.dsp.mfcc.MFCC;
import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HammingWindow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Turns one window of audio into a feature vector. The one implementation behind both training and runtime
 * recognition, so a model always sees at runtime what it was trained on.
 *
 * <p>The vector holds, in order:
 * <ol>
 * <li>Parrot.py's normalised log-mel values: 40 bands of each 15 ms frame at a 5 ms stride (160 values with the
 * defaults), standardised over the window so that loudness does not matter;</li>
 * <li>MFCCs of the window's mean log-mel spectrum, and how they change from the first frame to the last;</li>
 * <li>spectral shape (centroid, spread, flatness, roll-off, share of energy above 4 kHz), zero-crossing rate,
 * level in dBFS and crest factor;</li>
 * <li>with {@code contextWindows > 0}: the mean log-mel of the audio just before the window, relative to the
 * window, and the level change into the window, which tell an onset from a decaying tail.</li>
 * </ol>
 *
 * <p>Not thread-safe: it reuses its buffers. Make one per thread; they are cheap.
 */
public final class FeatureExtractor {

    private static final String[] SHAPE_NAMES = {
            "spectral_centroid", "spectral_spread", "spectral_flatness", "spectral_rolloff", "high_band_ratio",
            "zero_crossing_rate", "level_dbfs", "crest_factor_db"};

    private final FeatureSettings settings;
    private final int frames;
    private final int bins;
    private final MelFilterBank melBank;
    private final FFT fft;
    private final float[] hamming;
    private final MFCC cepstrum;
    private final int dimension;
    private final List<String> names;

    private final float[] fftBuffer;
    private final float[] magnitudes;
    private final float[] logMel;
    private final float[] meanLogMel;
    private final float[] frameLogMel;
    private final float[] shapeSums = new float[5];

    public FeatureExtractor(FeatureSettings settings) {
        String problem = settings.incompatibility();
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        this.settings = settings;
        this.frames = settings.framesPerWindow();
        this.bins = settings.fftSize() / 2 + 1;
        this.melBank = new MelFilterBank(settings.melBands(), settings.fftSize(), settings.sampleRate());
        this.fft = new FFT(settings.fftSize());
        this.hamming = new HammingWindow().generateCurve(settings.frameSamples());
        this.cepstrum = new MFCC(settings.frameSamples(), settings.sampleRate(), Math.max(1, settings.mfccs()),
                settings.melBands(), 0, settings.sampleRate() / 2f);
        this.fftBuffer = new float[settings.fftSize()];
        this.magnitudes = new float[bins];
        this.logMel = new float[frames * settings.melBands()];
        this.meanLogMel = new float[settings.melBands()];
        this.frameLogMel = new float[settings.melBands()];
        this.names = Collections.unmodifiableList(buildNames());
        this.dimension = names.size();
    }

    public FeatureSettings settings() {
        return settings;
    }

    public MelFilterBank melFilterBank() {
        return melBank;
    }

    /** Number of values {@link #extract} writes. */
    public int dimension() {
        return dimension;
    }

    /** A name for each value, in order; they become the attribute names of the Weka data set. */
    public List<String> featureNames() {
        return names;
    }

    /** Samples before a window's start that its features read (the context); callers keep this much history. */
    public int historySamples() {
        return settings.contextWindows() * settings.hopSamples();
    }

    public float[] extract(float[] samples, int offset) {
        float[] out = new float[dimension];
        extract(samples, offset, out);
        return out;
    }

    /**
     * Features of the window that starts at {@code offset}. Samples outside the array (before 0 for the context,
     * past the end for a short recording) count as silence.
     */
    public void extract(float[] samples, int offset, float[] out) {
        int bands = settings.melBands();
        Arrays.fill(meanLogMel, 0f);
        Arrays.fill(shapeSums, 0f);
        float[] firstCepstrum = null;
        float[] lastCepstrum = null;
        for (int f = 0; f < frames; f++) {
            int start = offset + f * settings.strideSamples();
            float[] shape = spectrum(samples, start);
            for (int s = 0; s < shapeSums.length; s++) {
                shapeSums[s] += shape[s];
            }
            melBank.apply(magnitudes, frameLogMel, 0);
            for (int b = 0; b < bands; b++) {
                float v = (float) Math.log(Math.max(frameLogMel[b], 1f));
                logMel[f * bands + b] = v;
                meanLogMel[b] += v / frames;
            }
            if (settings.mfccs() > 0 && (f == 0 || f == frames - 1)) {
                float[] c = cepstrum.cepCoefficients(logSlice(f));
                if (f == 0) {
                    firstCepstrum = c;
                }
                lastCepstrum = c;
            }
        }
        int k = 0;
        // 1. Parrot.py's values: standardised over the whole window.
        double mean = 0;
        for (float v : logMel) {
            mean += v;
        }
        mean /= logMel.length;
        double var = 0;
        for (float v : logMel) {
            var += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(var / logMel.length);
        for (float v : logMel) {
            out[k++] = (float) (std > 0 ? (v - mean) / std : v - mean);
        }
        // 2. Cepstrum of the window's mean spectrum, and its change across the window.
        if (settings.mfccs() > 0) {
            float[] c = cepstrum.cepCoefficients(meanLogMel);
            for (int i = 0; i < settings.mfccs(); i++) {
                out[k++] = c[i];
            }
            for (int i = 0; i < settings.mfccs(); i++) {
                out[k++] = lastCepstrum[i] - firstCepstrum[i];
            }
        }
        // 3. Spectral shape averaged over frames, then time-domain measures of the whole window.
        for (float s : shapeSums) {
            out[k++] = s / frames;
        }
        double sumSquares = 0;
        float peak = 0;
        int crossings = 0;
        float previous = sample(samples, offset);
        for (int i = 0; i < settings.windowSamples(); i++) {
            float x = sample(samples, offset + i);
            sumSquares += x * x;
            peak = Math.max(peak, Math.abs(x));
            if ((x >= 0) != (previous >= 0)) {
                crossings++;
            }
            previous = x;
        }
        double rms = Math.sqrt(sumSquares / settings.windowSamples());
        double levelDb = 20 * Math.log10(rms + 1e-9);
        out[k++] = crossings / (float) settings.windowSamples();
        out[k++] = (float) levelDb;
        out[k++] = (float) (20 * Math.log10((peak + 1e-9) / (rms + 1e-9)));
        // 4. What came just before the window.
        if (settings.contextWindows() > 0) {
            int span = historySamples();
            int from = offset - span;
            float[] contextMel = new float[bands];
            int contextFrames = 0;
            for (int start = from; start + settings.frameSamples() <= offset; start += settings.frameSamples()) {
                spectrum(samples, start);
                melBank.apply(magnitudes, frameLogMel, 0);
                for (int b = 0; b < bands; b++) {
                    contextMel[b] += (float) Math.log(Math.max(frameLogMel[b], 1f));
                }
                contextFrames++;
            }
            double contextSquares = 0;
            for (int i = from; i < offset; i++) {
                float x = sample(samples, i);
                contextSquares += x * x;
            }
            for (int b = 0; b < bands; b++) {
                double v = contextFrames > 0 ? contextMel[b] / contextFrames : 0;
                out[k++] = (float) (std > 0 ? (v - mean) / std : v - mean);
            }
            double contextDb = 20 * Math.log10(Math.sqrt(contextSquares / span) + 1e-9);
            out[k++] = (float) (levelDb - contextDb);
        }
    }

    private float[] logSlice(int frame) {
        int bands = settings.melBands();
        float[] slice = new float[bands];
        System.arraycopy(logMel, frame * bands, slice, 0, bands);
        return slice;
    }

    private static float sample(float[] samples, int index) {
        return index >= 0 && index < samples.length ? samples[index] : 0f;
    }

    /**
     * Fills {@link #magnitudes} with the spectrum of the frame at {@code start} and returns its shape measures.
     * Samples are scaled to 16-bit range first so that log(max(x, 1)) floors at the same level as Parrot.py's.
     */
    private float[] spectrum(float[] samples, int start) {
        int n = settings.frameSamples();
        float pre = (float) settings.preEmphasis();
        Arrays.fill(fftBuffer, 0f);
        for (int i = 0; i < n; i++) {
            float x = sample(samples, start + i);
            float emphasised = i == 0 ? x * pre : x - pre * sample(samples, start + i - 1);
            fftBuffer[i] = emphasised * 32768f * hamming[i];
        }
        fft.forwardTransform(fftBuffer);
        // TarsosDSP packs the real FFT as [re0, reN/2, re1, im1, ...]: DC and Nyquist share the first pair.
        magnitudes[0] = Math.abs(fftBuffer[0]);
        magnitudes[bins - 1] = Math.abs(fftBuffer[1]);
        for (int i = 1; i < bins - 1; i++) {
            magnitudes[i] = fft.modulus(fftBuffer, i);
        }
        double total = 0;
        double weighted = 0;
        double logSum = 0;
        double high = 0;
        double binHz = settings.sampleRate() / (double) settings.fftSize();
        for (int i = 0; i < bins; i++) {
            double power = magnitudes[i] * (double) magnitudes[i];
            total += power;
            weighted += power * i * binHz;
            logSum += Math.log(power + 1e-6);
            if (i * binHz >= 4000) {
                high += power;
            }
        }
        float[] shape = new float[5];
        if (total <= 1e-6) {
            return shape;
        }
        double nyquist = settings.sampleRate() / 2.0;
        double centroid = weighted / total;
        double spread = 0;
        double cumulative = 0;
        int rolloff = bins - 1;
        boolean rolloffFound = false;
        for (int i = 0; i < bins; i++) {
            double power = magnitudes[i] * (double) magnitudes[i];
            double d = i * binHz - centroid;
            spread += power * d * d;
            cumulative += power;
            if (!rolloffFound && cumulative >= 0.85 * total) {
                rolloff = i;
                rolloffFound = true;
            }
        }
        shape[0] = (float) (centroid / nyquist);
        shape[1] = (float) (Math.sqrt(spread / total) / nyquist);
        shape[2] = (float) (Math.exp(logSum / bins) / (total / bins));
        shape[3] = (float) (rolloff * binHz / nyquist);
        shape[4] = (float) (high / total);
        return shape;
    }

    private List<String> buildNames() {
        List<String> n = new ArrayList<>();
        for (int f = 0; f < frames; f++) {
            for (int b = 0; b < settings.melBands(); b++) {
                n.add("mel_f" + f + "_b" + b);
            }
        }
        for (int i = 0; i < settings.mfccs(); i++) {
            n.add("mfcc_" + i);
        }
        for (int i = 0; i < settings.mfccs(); i++) {
            n.add("mfcc_delta_" + i);
        }
        Collections.addAll(n, SHAPE_NAMES);
        if (settings.contextWindows() > 0) {
            for (int b = 0; b < settings.melBands(); b++) {
                n.add("context_mel_b" + b);
            }
            n.add("context_level_change_db");
        }
        return n;
    }
}
