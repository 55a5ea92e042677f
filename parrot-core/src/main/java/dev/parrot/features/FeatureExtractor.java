package dev.parrot.features;

import be.tarsos.dsp.util.fft.FFT;
import be.tarsos.dsp.util.fft.HammingWindow;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;

/**
 * Turns one window of audio into a feature vector. The one implementation behind both training and runtime
 * recognition, so a model always sees at runtime what it was trained on.
 *
 * <p>The window is cut into Parrot.py's frames (15 ms at a 5 ms stride, pre-emphasis, Hamming, 40 triangular mel
 * bands, log floored at 1 on a 16-bit scale). The vector holds, in order:
 * <ol>
 * <li>MFCCs of the window's mean log-mel spectrum, and how they change from the first frame to the last;</li>
 * <li>spectral shape (centroid, spread, flatness, roll-off, share of energy above 4 kHz), zero-crossing rate,
 * level in dBFS and crest factor;</li>
 * <li>with {@code contextWindows > 0}, what the audio just before the window says about the sound it belongs to:
 * the level change from that stretch, how far the level has fallen from the loudest window in it, how long ago
 * that was and how fast the level fell, the level of the windows 1, 2, 4, 8... hops back relative to this one, and
 * the MFCCs of that loudest window (the attack, for a window in a sound's tail).</li>
 * </ol>
 *
 * <p>Only past audio is read, so the same values can be computed from a live stream that keeps
 * {@link #historySamples()} of history. Parrot.py's own 160 per-frame values are not in the vector: on recordings
 * from another source (another microphone, kit or room) they made clip accuracy worse, not better (see the
 * benchmarks page), and they were four fifths of the memory a data set needs.
 *
 * <p>Not thread-safe: it reuses its buffers. Make one per thread; they are cheap.
 */
public final class FeatureExtractor {

    /** The name of the feature that holds a window's RMS level in dBFS, which later stages read levels from. */
    public static final String LEVEL_FEATURE = "level_dbfs";

    /** Relative levels of earlier windows are floored here, so that digital silence and room noise look alike. */
    private static final double LEVEL_FLOOR_DB = -60;

    private final FeatureSettings settings;
    private final int frames;
    private final int bins;
    private final MelFilterBank melBank;
    private final FFT fft;
    private final float[] hamming;
    /** cos(pi i (j + 1/2) / bands): TarsosDSP's DCT-II, tabulated instead of calling cos 520 times per MFCC. */
    private final double[][] dct;
    private final int[] lags;
    private final int dimension;
    private final List<String> names;
    /** The parts of the vector these settings hold, in order, and how many values each names. */
    private final Block[] layout;
    private final int[] blockSizes;

    private final float[] fftBuffer;
    private final float[] magnitudes;
    private final float[] frameLogMel;
    private final float[] firstLogMel;
    private final float[] lastLogMel;
    private final float[] meanLogMel;
    private final float[] peakLogMel;
    /** Every frame's log-mel bands, frame after frame, for Parrot.py's own values. */
    private final float[] frameLogMels;
    private final float[] shapeSums = new float[5];
    private final double[] energy;
    /** Running sums of the samples beside {@link #energy}'s of their squares, to take a DC offset out of levels. */
    private final double[] amplitude;
    private final double[] levels;
    private final float[] shape = new float[5];
    /** The window's level in dBFS, written by its part of the vector and read by the context's. */
    private double levelDb;

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
        this.dct = new double[settings.mfccs()][settings.melBands()];
        for (int i = 0; i < settings.mfccs(); i++) {
            for (int j = 0; j < settings.melBands(); j++) {
                dct[i][j] = Math.cos(Math.PI * i / settings.melBands() * (j + 0.5));
            }
        }
        List<Integer> lagList = new ArrayList<>();
        for (int lag = 1; lag <= settings.contextWindows(); lag *= 2) {
            lagList.add(lag);
        }
        this.lags = lagList.stream().mapToInt(Integer::intValue).toArray();
        this.fftBuffer = new float[settings.fftSize()];
        this.energy = new double[historySamples() + settings.windowSamples() + 1];
        this.amplitude = new double[energy.length];
        this.levels = new double[settings.contextWindows() + 1];
        this.magnitudes = new float[bins];
        this.frameLogMel = new float[settings.melBands()];
        this.firstLogMel = new float[settings.melBands()];
        this.lastLogMel = new float[settings.melBands()];
        this.meanLogMel = new float[settings.melBands()];
        this.peakLogMel = new float[settings.melBands()];
        this.frameLogMels = new float[frames * settings.melBands()];
        this.layout = Arrays.stream(Block.values()).filter(b -> b.present(settings)).toArray(Block[]::new);
        this.blockSizes = new int[layout.length];
        List<String> n = new ArrayList<>();
        for (int b = 0; b < layout.length; b++) {
            int before = n.size();
            layout[b].name(this, n);
            blockSizes[b] = n.size() - before;
        }
        this.names = Collections.unmodifiableList(n);
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
     * The mean log-mel spectrum of the window's frames, {@code melBands} values: what the MFCCs are computed from,
     * for plots and checks.
     */
    public float[] logMelSpectrum(float[] samples, int offset) {
        float[] mean = new float[settings.melBands()];
        windowLogMel(samples, offset, mean, false);
        return mean;
    }

    /**
     * Features of the window that starts at {@code offset}. Samples outside the array (before 0 for the context,
     * past the end for a short recording) count as silence.
     */
    public void extract(float[] samples, int offset, float[] out) {
        windowLogMel(samples, offset, meanLogMel, true);
        int k = 0;
        for (int b = 0; b < layout.length; b++) {
            int from = k;
            k = layout[b].write(this, samples, offset, out, k);
            if (k - from != blockSizes[b]) {
                throw new IllegalStateException(layout[b] + " wrote " + (k - from) + " values for " + blockSizes[b]
                        + " names");
            }
        }
    }

    /**
     * The vector's parts, in order. Each names its values beside the code that computes them, and {@link #extract}
     * checks that a part wrote as many values as it named: the layout is written once, so a value cannot slip under
     * another's name. Changing what a part writes changes the vector: {@link FeatureSettings#CURRENT_VERSION} must
     * change with it (FeatureGoldenTest fails otherwise).
     */
    private enum Block {
        /** Cepstrum of the window's mean spectrum, and its change across the window. */
        CEPSTRUM(s -> s.mfccs() > 0) {
            @Override
            void name(FeatureExtractor e, List<String> names) {
                indexed(names, "mfcc_", e.settings.mfccs());
                indexed(names, "mfcc_delta_", e.settings.mfccs());
            }

            @Override
            int write(FeatureExtractor e, float[] samples, int offset, float[] out, int k) {
                k = e.putCepstrum(e.meanLogMel, out, k);
                for (int i = 0; i < e.settings.mfccs(); i++) {
                    out[k++] = e.cepstrum(e.lastLogMel, i) - e.cepstrum(e.firstLogMel, i);
                }
                return k;
            }
        },
        /** Spectral shape averaged over frames, then time-domain measures of the whole window. */
        SHAPE_AND_LEVEL(s -> true) {
            @Override
            void name(FeatureExtractor e, List<String> names) {
                Collections.addAll(names, "spectral_centroid", "spectral_spread", "spectral_flatness",
                        "spectral_rolloff", "high_band_ratio", "zero_crossing_rate", LEVEL_FEATURE, "crest_factor_db");
            }

            @Override
            int write(FeatureExtractor e, float[] samples, int offset, float[] out, int k) {
                for (float v : e.shapeSums) {
                    out[k++] = v / e.frames;
                }
                int length = e.settings.windowSamples();
                // Measured around the window's mean: a DC offset (a cheap microphone's, an old sampler's) is no sound.
                float dc = mean(samples, offset, length);
                double sumSquares = 0;
                float peak = 0;
                int crossings = 0;
                float previous = sample(samples, offset) - dc;
                for (int i = 0; i < length; i++) {
                    float x = sample(samples, offset + i) - dc;
                    sumSquares += x * x;
                    peak = Math.max(peak, Math.abs(x));
                    if ((x >= 0) != (previous >= 0)) {
                        crossings++;
                    }
                    previous = x;
                }
                double rms = Math.sqrt(sumSquares / length);
                e.levelDb = 20 * Math.log10(rms + 1e-9);
                out[k++] = crossings / (float) length;
                out[k++] = (float) e.levelDb;
                out[k++] = (float) (20 * Math.log10((peak + 1e-9) / (rms + 1e-9)));
                return k;
            }
        },
        /** What came just before the window: where in its sound the window is, and how that sound began. */
        CONTEXT(s -> s.contextWindows() > 0) {
            @Override
            void name(FeatureExtractor e, List<String> names) {
                Collections.addAll(names, "context_level_change_db", "drop_from_recent_peak_db",
                        "seconds_since_recent_peak", "decay_db_per_second");
                for (int lag : e.lags) {
                    names.add("level_" + lag + "_windows_ago_db");
                }
                indexed(names, "recent_peak_mfcc_", e.settings.mfccs());
            }

            @Override
            int write(FeatureExtractor e, float[] samples, int offset, float[] out, int k) {
                return e.putContext(samples, offset, out, k);
            }
        },
        /** Parrot.py's values, standardised over the window so that loudness does not matter. */
        PARROT_MEL_FRAMES(FeatureSettings::parrotMelFrames) {
            @Override
            void name(FeatureExtractor e, List<String> names) {
                for (int f = 0; f < e.frames; f++) {
                    indexed(names, "mel_f" + f + "_b", e.settings.melBands());
                }
            }

            @Override
            int write(FeatureExtractor e, float[] samples, int offset, float[] out, int k) {
                return putStandardised(e.frameLogMels, out, k);
            }
        };

        /** Whether settings' vectors hold this part. */
        private final Predicate<FeatureSettings> present;

        Block(Predicate<FeatureSettings> present) {
            this.present = present;
        }

        boolean present(FeatureSettings settings) {
            return present.test(settings);
        }

        /** Appends the names of the values {@link #write} puts, in the same order. */
        abstract void name(FeatureExtractor extractor, List<String> names);

        /** Puts this part's values into {@code out} from {@code k}; returns the index after the last. */
        abstract int write(FeatureExtractor extractor, float[] samples, int offset, float[] out, int k);

        private static void indexed(List<String> names, String prefix, int count) {
            for (int i = 0; i < count; i++) {
                names.add(prefix + i);
            }
        }
    }

    private int putContext(float[] samples, int offset, float[] out, int k) {
        int hop = settings.hopSamples();
        int span = historySamples();
        int length = settings.windowSamples();
        // Running sums of squares from the start of the context to the end of the window: every level below is
        // a difference of two of them instead of a pass over its samples.
        int first = offset - span;
        int inside = Math.max(0, -first);
        int end = Math.min(span + length, samples.length - first);
        Arrays.fill(energy, 0, inside + 1, 0.0);
        Arrays.fill(amplitude, 0, inside + 1, 0.0);
        double sum = 0;
        double plain = 0;
        for (int i = inside; i < end; i++) {
            float x = samples[first + i];
            sum += x * x;
            plain += x;
            energy[i + 1] = sum;
            amplitude[i + 1] = plain;
        }
        Arrays.fill(energy, Math.max(end, inside) + 1, span + length + 1, sum);
        Arrays.fill(amplitude, Math.max(end, inside) + 1, span + length + 1, plain);
        double contextDb = 10 * Math.log10(acPower(0, span) + 1e-18);
        out[k++] = (float) (levelDb - contextDb);
        for (int w = 0; w <= settings.contextWindows(); w++) {
            levels[w] = 10 * Math.log10(acPower(span - w * hop, length) + 1e-12);
        }
        double currentDb = levels[0];
        double peakDb = currentDb;
        int peakAgo = 0;
        for (int w = 1; w <= settings.contextWindows(); w++) {
            if (levels[w] > peakDb) {
                peakDb = levels[w];
                peakAgo = w;
            }
        }
        double secondsAgo = peakAgo * hop / (double) settings.sampleRate();
        out[k++] = (float) (peakDb - currentDb);
        out[k++] = (float) secondsAgo;
        out[k++] = (float) (peakAgo == 0 ? 0 : (peakDb - currentDb) / secondsAgo);
        for (int lag : lags) {
            out[k++] = (float) Math.max(levels[lag] - currentDb, LEVEL_FLOOR_DB);
        }
        if (settings.mfccs() > 0) {
            if (peakAgo == 0) {
                k = putCepstrum(meanLogMel, out, k);
            } else {
                windowLogMel(samples, offset - peakAgo * hop, peakLogMel, false);
                k = putCepstrum(peakLogMel, out, k);
            }
        }
        return k;
    }

    /** The power around its mean of {@code length} samples from {@code from} in the running sums of the context. */
    private double acPower(int from, int length) {
        double squares = energy[from + length] - energy[from];
        double sum = amplitude[from + length] - amplitude[from];
        return Math.max(0, squares - sum * sum / length) / length;
    }

    private static float mean(float[] samples, int offset, int length) {
        double sum = 0;
        for (int i = 0; i < length; i++) {
            sum += sample(samples, offset + i);
        }
        return (float) (sum / length);
    }

    private static int putStandardised(float[] values, float[] out, int k) {
        double mean = 0;
        for (float v : values) {
            mean += v;
        }
        mean /= values.length;
        double variance = 0;
        for (float v : values) {
            variance += (v - mean) * (v - mean);
        }
        double std = Math.sqrt(variance / values.length);
        for (float v : values) {
            out[k++] = (float) (std > 0 ? (v - mean) / std : v - mean);
        }
        return k;
    }

    private int putCepstrum(float[] logMel, float[] out, int k) {
        for (int i = 0; i < settings.mfccs(); i++) {
            out[k++] = cepstrum(logMel, i);
        }
        return k;
    }

    /** Coefficient i of the DCT-II of a log-mel spectrum, summed in float exactly as TarsosDSP's MFCC does. */
    private float cepstrum(float[] logMel, int i) {
        double[] basis = dct[i];
        float c = 0;
        for (int j = 0; j < logMel.length; j++) {
            c += logMel[j] * basis[j];
        }
        return c;
    }

    /**
     * The mean log-mel spectrum of the window's frames into {@code mean}; with {@code details}, also the first and
     * last frame's and the frames' summed spectral shape.
     */
    private void windowLogMel(float[] samples, int offset, float[] mean, boolean details) {
        int bands = settings.melBands();
        Arrays.fill(mean, 0f);
        if (details) {
            Arrays.fill(shapeSums, 0f);
        }
        for (int f = 0; f < frames; f++) {
            spectrum(samples, offset + f * settings.strideSamples(), details);
            if (details) {
                for (int s = 0; s < shapeSums.length; s++) {
                    shapeSums[s] += shape[s];
                }
            }
            melBank.apply(magnitudes, frameLogMel, 0);
            for (int b = 0; b < bands; b++) {
                float v = (float) Math.log(Math.max(frameLogMel[b], 1f));
                mean[b] += v / frames;
                if (details) {
                    frameLogMels[f * bands + b] = v;
                }
                if (details && f == 0) {
                    firstLogMel[b] = v;
                }
                if (details && f == frames - 1) {
                    lastLogMel[b] = v;
                }
            }
        }
    }

    /**
     * One frame's log-mel bands (floored as the window's are) into {@code logMel}, and its spectral centroid and
     * flatness into {@code centroidAndFlatness}: the per-frame values {@link OnsetFeatures} describes a segment with,
     * computed by the same code as the window's so that both see the same spectrum.
     */
    void frame(float[] samples, int start, float[] logMel, float[] centroidAndFlatness) {
        spectrum(samples, start, true);
        melBank.apply(magnitudes, frameLogMel, 0);
        for (int b = 0; b < logMel.length; b++) {
            logMel[b] = (float) Math.log(Math.max(frameLogMel[b], 1f));
        }
        centroidAndFlatness[0] = shape[0];
        centroidAndFlatness[1] = shape[2];
    }

    private static float sample(float[] samples, int index) {
        return index >= 0 && index < samples.length ? samples[index] : 0f;
    }

    /**
     * Fills {@link #magnitudes} with the spectrum of the frame at {@code start} and, with {@code measureShape},
     * {@link #shape} with its shape measures. Samples are scaled to 16-bit range first so that log(max(x, 1)) floors
     * at the same level as Parrot.py's.
     */
    private void spectrum(float[] samples, int start, boolean measureShape) {
        windowFrame(samples, start);
        fft.forwardTransform(fftBuffer);
        // TarsosDSP packs the real FFT as [re0, reN/2, re1, im1, ...]: DC and Nyquist share the first pair.
        magnitudes[0] = Math.abs(fftBuffer[0]);
        magnitudes[bins - 1] = Math.abs(fftBuffer[1]);
        for (int i = 1; i < bins - 1; i++) {
            magnitudes[i] = fft.modulus(fftBuffer, i);
        }
        if (measureShape) {
            measureShape();
        }
    }

    /** The frame at {@code start} into {@link #fftBuffer}: mean removed, pre-emphasised, 16-bit scaled, Hamming. */
    private void windowFrame(float[] samples, int start) {
        int n = settings.frameSamples();
        float pre = (float) settings.preEmphasis();
        // The frame's mean out first: a DC offset would otherwise fill the lowest bands, where kicks and toms live.
        float dc = mean(samples, start, n);
        Arrays.fill(fftBuffer, 0f);
        fftBuffer[0] = (sample(samples, start) - dc) * pre * 32768f * hamming[0];
        float dcLeft = dc * (1 - pre);
        if (start >= 0 && start + n <= samples.length) {
            // The common case, without a bounds test per sample.
            for (int i = 1; i < n; i++) {
                fftBuffer[i] = (samples[start + i] - pre * samples[start + i - 1] - dcLeft) * 32768f * hamming[i];
            }
        } else {
            for (int i = 1; i < n; i++) {
                fftBuffer[i] = (sample(samples, start + i) - pre * sample(samples, start + i - 1) - dcLeft) * 32768f
                        * hamming[i];
            }
        }
    }

    /**
     * {@link #shape} from {@link #magnitudes}: spectral centroid, spread, flatness and roll-off, and the share of power
     * above 4 kHz; all zero for a silent frame.
     */
    private void measureShape() {
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
        Arrays.fill(shape, 0f);
        if (total <= 1e-6) {
            return;
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
    }
}
