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

    public static final String CURRENT_VERSION = "parrot-features-3";

    /**
     * The context of the defaults: 33 hops, half a second before the window, long enough to reach back from a drum's
     * tail to its attack.
     */
    public static final int DEFAULT_CONTEXT_WINDOWS = 33;

    /** Parrot.py's window, frame and mel settings, with this project's additions. */
    public static FeatureSettings defaults() {
        return new FeatureSettings(CURRENT_VERSION, 16_000, 480, 240, 240, 80, 256, 40, 13, 0.5, 30.0, -70.0,
                DEFAULT_CONTEXT_WINDOWS, false);
    }

    /** Frames in one window: 4 with Parrot.py's settings. */
    @JsonIgnore
    public int framesPerWindow() {
        return (windowSamples - frameSamples) / strideSamples + 1;
    }

    public FeatureSettings withSilenceThresholdDb(double db) {
        return new FeatureSettings(version, sampleRate, windowSamples, hopSamples, frameSamples, strideSamples,
                fftSize, melBands, mfccs, preEmphasis, db, silenceFloorDbfs, contextWindows, parrotMelFrames);
    }

    public FeatureSettings withContextWindows(int windows) {
        return new FeatureSettings(version, sampleRate, windowSamples, hopSamples, frameSamples, strideSamples,
                fftSize, melBands, mfccs, preEmphasis, silenceThresholdDb, silenceFloorDbfs, windows, parrotMelFrames);
    }

    public FeatureSettings withParrotMelFrames(boolean on) {
        return new FeatureSettings(version, sampleRate, windowSamples, hopSamples, frameSamples, strideSamples,
                fftSize, melBands, mfccs, preEmphasis, silenceThresholdDb, silenceFloorDbfs, contextWindows, on);
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
