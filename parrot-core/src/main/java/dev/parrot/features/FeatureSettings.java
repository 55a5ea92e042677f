package dev.parrot.features;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * Everything needed to reproduce a model's features from audio. It is written into the model JSON, and a model whose
 * settings this version cannot reproduce is refused at load time rather than fed features it was not trained on.
 *
 * @param version the feature set's name; {@link #CURRENT_VERSION} is the only one this release computes
 * @param sampleRate the rate every recording is resampled to
 * @param windowSamples the unit of recognition (Parrot.py: 30 ms)
 * @param hopSamples the distance between windows (Parrot.py: 15 ms)
 * @param frameSamples the spectral frame inside a window (Parrot.py: 15 ms)
 * @param strideSamples the distance between frames (Parrot.py: 5 ms)
 * @param fftSize the FFT length a frame is zero-padded to
 * @param melBands the number of triangular mel bands (Parrot.py: 40)
 * @param mfccs the number of cepstral coefficients added to the log-mel values
 * @param preEmphasis the first-order pre-emphasis coefficient (Parrot.py: 0.5)
 * @param silenceThresholdDb windows more than this far below the loudest window of their recording hold no sound
 * @param silenceFloorDbfs windows quieter than this hold no sound, however quiet the recording
 * @param contextWindows how many hops of audio before the window its features also describe (0: the window alone)
 * @param parrotMelFrames whether the vector also holds Parrot.py's own values: the log-mel bands of every frame of
 *        the window, standardised over the window (160 values with the defaults). Off by default: on recordings from
 *        another source they made recognition worse (see the benchmarks page); on for a Parrot.py-like model.
 */
public record FeatureSettings(String version, int sampleRate, int windowSamples, int hopSamples, int frameSamples,
        int strideSamples, int fftSize, int melBands, int mfccs, double preEmphasis, double silenceThresholdDb,
        double silenceFloorDbfs, int contextWindows, boolean parrotMelFrames) {

    /**
     * The name of the vector {@link FeatureExtractor} computes. Any change to the vector's values or layout needs a new
     * name, so that models trained on the old vector are refused instead of fed the new one; FeatureGoldenTest holds
     * the vectors of a checked-in recording and fails when they change under the same name.
     */
    public static final String CURRENT_VERSION = "parrot-features-3";

    /**
     * The context of the defaults: 33 hops, half a second before the window, long enough to reach back from a drum's
     * tail to its attack.
     */
    public static final int DEFAULT_CONTEXT_WINDOWS = 33;

    /** Parrot.py's window, frame and mel settings, with this project's additions. */
    public static FeatureSettings defaults() {
        return builder().build();
    }

    /** A builder starting from {@link #defaults()}, to set values by name rather than by position. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.version = version;
        b.sampleRate = sampleRate;
        b.windowSamples = windowSamples;
        b.hopSamples = hopSamples;
        b.frameSamples = frameSamples;
        b.strideSamples = strideSamples;
        b.fftSize = fftSize;
        b.melBands = melBands;
        b.mfccs = mfccs;
        b.preEmphasis = preEmphasis;
        b.silenceThresholdDb = silenceThresholdDb;
        b.silenceFloorDbfs = silenceFloorDbfs;
        b.contextWindows = contextWindows;
        b.parrotMelFrames = parrotMelFrames;
        return b;
    }

    /** Frames in one window: 4 with Parrot.py's settings. */
    @JsonIgnore
    public int framesPerWindow() {
        return (windowSamples - frameSamples) / strideSamples + 1;
    }

    public FeatureSettings withSilenceThresholdDb(double db) {
        return toBuilder().silenceThresholdDb(db).build();
    }

    public FeatureSettings withContextWindows(int windows) {
        return toBuilder().contextWindows(windows).build();
    }

    public FeatureSettings withParrotMelFrames(boolean on) {
        return toBuilder().parrotMelFrames(on).build();
    }

    /** Feature settings by name; each value starts as in {@link #defaults()} (see the record's components). */
    public static final class Builder {
        private String version = CURRENT_VERSION;
        private int sampleRate = 16_000;
        private int windowSamples = 480;
        private int hopSamples = 240;
        private int frameSamples = 240;
        private int strideSamples = 80;
        private int fftSize = 256;
        private int melBands = 40;
        private int mfccs = 13;
        private double preEmphasis = 0.5;
        private double silenceThresholdDb = 30.0;
        private double silenceFloorDbfs = -70.0;
        private int contextWindows = DEFAULT_CONTEXT_WINDOWS;
        private boolean parrotMelFrames = false;

        private Builder() {
        }

        public Builder version(String value) {
            this.version = value;
            return this;
        }

        public Builder sampleRate(int value) {
            this.sampleRate = value;
            return this;
        }

        public Builder windowSamples(int value) {
            this.windowSamples = value;
            return this;
        }

        public Builder hopSamples(int value) {
            this.hopSamples = value;
            return this;
        }

        public Builder frameSamples(int value) {
            this.frameSamples = value;
            return this;
        }

        public Builder strideSamples(int value) {
            this.strideSamples = value;
            return this;
        }

        public Builder fftSize(int value) {
            this.fftSize = value;
            return this;
        }

        public Builder melBands(int value) {
            this.melBands = value;
            return this;
        }

        public Builder mfccs(int value) {
            this.mfccs = value;
            return this;
        }

        public Builder preEmphasis(double value) {
            this.preEmphasis = value;
            return this;
        }

        public Builder silenceThresholdDb(double value) {
            this.silenceThresholdDb = value;
            return this;
        }

        public Builder silenceFloorDbfs(double value) {
            this.silenceFloorDbfs = value;
            return this;
        }

        public Builder contextWindows(int value) {
            this.contextWindows = value;
            return this;
        }

        public Builder parrotMelFrames(boolean value) {
            this.parrotMelFrames = value;
            return this;
        }

        public FeatureSettings build() {
            return new FeatureSettings(version, sampleRate, windowSamples, hopSamples, frameSamples, strideSamples,
                    fftSize, melBands, mfccs, preEmphasis, silenceThresholdDb, silenceFloorDbfs, contextWindows,
                    parrotMelFrames);
        }
    }

    /**
     * Why these settings cannot be reproduced by this release, or null when they can.
     */
    public String incompatibility() {
        if (!CURRENT_VERSION.equals(version)) {
            return "feature set '" + version + "' is not known to this version of Parrot (it computes '"
                    + CURRENT_VERSION + "')";
        }
        if (sampleRate <= 0 || windowSamples <= 0 || hopSamples <= 0 || frameSamples <= 0 || strideSamples <= 0
                || frameSamples > windowSamples || fftSize < frameSamples || Integer.bitCount(fftSize) != 1
                || melBands < 2 || mfccs < 0 || mfccs > melBands || contextWindows < 0) {
            return "feature settings are inconsistent: " + this;
        }
        return null;
    }
}
