package dev.parrot.features;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Describes the first moments of a sound as one whole: the audio from an onset's first window over the next
 * {@code segmentMillis}, as the onset model decides a short sound on it. A click and a kick differ less in any one 30 ms
 * window than in how their spectrum and level unfold over their first tens of milliseconds, which one vector of the
 * whole segment shows.
 *
 * <p>The vector holds, frame by frame (Parrot.py's 15 ms frames every 5 ms): the 40 log-mel bands, the level, the
 * spectral centroid and flatness; then the segment's mean mel profile, where its loudest frame lies, and the level of
 * the {@value #BEFORE_MILLIS} ms before it. Every level and band is relative to the segment's loudest frame, so that a
 * hit sounds the same near the microphone and across the room; only the level before the onset, relative to the
 * segment, says what the sound rose out of.
 *
 * <p>Only the segment and the audio just before it are read, so a detector can decide as soon as the segment is
 * complete. Not thread-safe: it reuses its buffers.
 */
public final class OnsetFeatures {

    /** How much audio before the onset the vector's last value measures. */
    public static final int BEFORE_MILLIS = 50;

    /** Relative levels are floored here, so that digital silence and a quiet room look alike. */
    private static final float FLOOR_DB = -60;

    private final FeatureExtractor frames;
    private final FeatureSettings settings;
    private final int segmentMillis;
    private final int segmentSamples;
    private final int beforeSamples;
    private final int frameCount;
    private final int bands;
    private final List<String> names;

    private final float[][] logMel;
    private final float[] level;
    private final float[] centroid;
    private final float[] flatness;
    private final float[] shape = new float[2];

    /**
     * @param settings the model's feature settings (rate, frames, bands)
     * @param segmentMillis how much audio from the onset the segment holds; at least one frame
     */
    public OnsetFeatures(FeatureSettings settings, int segmentMillis) {
        this.settings = settings;
        this.segmentMillis = segmentMillis;
        this.frames = new FeatureExtractor(settings);
        this.segmentSamples = (int) Math.round(segmentMillis * settings.sampleRate() / 1000.0);
        this.beforeSamples = (int) Math.round(BEFORE_MILLIS * settings.sampleRate() / 1000.0);
        if (segmentSamples < settings.frameSamples()) {
            throw new IllegalArgumentException("an onset segment of " + segmentMillis + " ms is shorter than a frame");
        }
        this.frameCount = (segmentSamples - settings.frameSamples()) / settings.strideSamples() + 1;
        this.bands = settings.melBands();
        this.logMel = new float[frameCount][bands];
        this.level = new float[frameCount];
        this.centroid = new float[frameCount];
        this.flatness = new float[frameCount];
        List<String> n = new ArrayList<>();
        for (int f = 0; f < frameCount; f++) {
            for (int b = 0; b < bands; b++) {
                n.add("onset_mel_f" + f + "_b" + b);
            }
        }
        for (int f = 0; f < frameCount; f++) {
            n.add("onset_level_f" + f + "_db");
        }
        for (int f = 0; f < frameCount; f++) {
            n.add("onset_centroid_f" + f);
        }
        for (int f = 0; f < frameCount; f++) {
            n.add("onset_flatness_f" + f);
        }
        for (int b = 0; b < bands; b++) {
            n.add("onset_mean_mel_b" + b);
        }
        Collections.addAll(n, "onset_loudest_frame", "onset_before_db");
        this.names = Collections.unmodifiableList(n);
    }

    public FeatureSettings settings() {
        return settings;
    }

    public int segmentMillis() {
        return segmentMillis;
    }

    /** Samples from the onset the segment holds: a detector waits for these before deciding. */
    public int segmentSamples() {
        return segmentSamples;
    }

    /** Samples before the onset the vector reads; a detector keeps this much audio before a pending onset. */
    public int beforeSamples() {
        return beforeSamples;
    }

    public int dimension() {
        return names.size();
    }

    public List<String> featureNames() {
        return names;
    }

    public float[] extract(float[] samples, int onset) {
        float[] out = new float[dimension()];
        extract(samples, onset, out);
        return out;
    }

    /**
     * The vector of the segment from {@code onset} (the start of the onset's first window). Samples outside the array
     * count as silence.
     */
    public void extract(float[] samples, int onset, float[] out) {
        int loudest = 0;
        for (int f = 0; f < frameCount; f++) {
            int start = onset + f * settings.strideSamples();
            frames.frame(samples, start, logMel[f], shape);
            level[f] = (float) SoundWindows.levelDbfs(samples, start, settings.frameSamples());
            centroid[f] = shape[0];
            flatness[f] = shape[1];
            if (level[f] > level[loudest]) {
                loudest = f;
            }
        }
        // The loudest frame's mean band is the reference: a gain moves every log band alike, so it cancels.
        float reference = 0;
        for (int b = 0; b < bands; b++) {
            reference += logMel[loudest][b] / bands;
        }
        float peakDb = level[loudest];
        int k = 0;
        for (int f = 0; f < frameCount; f++) {
            for (int b = 0; b < bands; b++) {
                out[k++] = logMel[f][b] - reference;
            }
        }
        for (int f = 0; f < frameCount; f++) {
            out[k++] = Math.max(level[f] - peakDb, FLOOR_DB);
        }
        for (int f = 0; f < frameCount; f++) {
            out[k++] = centroid[f];
        }
        for (int f = 0; f < frameCount; f++) {
            out[k++] = flatness[f];
        }
        for (int b = 0; b < bands; b++) {
            float sum = 0;
            for (int f = 0; f < frameCount; f++) {
                sum += logMel[f][b];
            }
            out[k++] = sum / frameCount - reference;
        }
        out[k++] = loudest / (float) frameCount;
        double before = SoundWindows.levelDbfs(samples, onset - beforeSamples, beforeSamples);
        out[k++] = (float) Math.max(before - peakDb, FLOOR_DB);
        if (k != out.length) {
            throw new IllegalStateException("wrote " + k + " values for " + out.length + " names");
        }
    }
}
