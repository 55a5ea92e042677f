package dev.parrot.model;

import com.fasterxml.jackson.annotation.JsonIgnore;

import java.util.Locale;

/**
 * How training recordings are varied before their features are taken, so that the model learns what stays the same
 * when the microphone, the room, the gain or the day changes. Each recording gets {@code copies} varied copies next
 * to itself; every copy draws its own changes from the training seed, so the same recordings and seed give the same
 * model. Written into the model JSON.
 *
 * @param copies varied copies per recording; 0 turns augmentation off
 * @param minGainDb the quietest gain change, in dB (a copy's peak is kept below full scale)
 * @param maxGainDb the loudest gain change, in dB
 * @param maxTiltDbPerOctave the steepest spectral tilt, either way, in dB per octave around 1 kHz (microphone colour)
 * @param bandLimitProbability the share of copies passed through a band limit: a low-pass between
 *        {@code minLowPassHz} and 7 kHz and a high-pass between 60 and 250 Hz (a headset, a laptop microphone)
 * @param minLowPassHz the lowest low-pass corner
 * @param noiseProbability the share of copies with noise added (white to brown, at a random colour)
 * @param minSnrDb the lowest signal-to-noise ratio, against the recording's loudest window
 * @param maxSnrDb the highest signal-to-noise ratio
 * @param reverbProbability the share of copies played through a short synthetic room response
 * @param maxReverbSeconds the longest reverberation time (RT60) of such a room
 * @param maxRateChange the largest speed change, as a fraction (0.05: 5% faster or slower, pitch and time together,
 *        TarsosDSP's resampler)
 * @param contextProbability the share of copies heard in context: the user's own background recordings (the
 *        background labels' audio; coloured noise when there are none) under the sound and up to
 *        {@code maxLeadSeconds} before it, as a hit in a live stream is, so that the features that look back in time
 *        (decay, earlier levels) see speech or room rather than digital silence
 * @param minContextSnrDb the lowest ratio of the sound's loudest window to the background's mean power, in dB
 * @param maxContextSnrDb the highest such ratio
 * @param maxLeadSeconds the longest stretch of background before the sound
 */
public record AugmentationSettings(int copies, double minGainDb, double maxGainDb, double maxTiltDbPerOctave,
        double bandLimitProbability, double minLowPassHz, double noiseProbability, double minSnrDb, double maxSnrDb,
        double reverbProbability, double maxReverbSeconds, double maxRateChange, double contextProbability,
        double minContextSnrDb, double maxContextSnrDb, double maxLeadSeconds) {

    /** Settings without background context (as models before it were described). */
    public AugmentationSettings(int copies, double minGainDb, double maxGainDb, double maxTiltDbPerOctave,
            double bandLimitProbability, double minLowPassHz, double noiseProbability, double minSnrDb,
            double maxSnrDb, double reverbProbability, double maxReverbSeconds, double maxRateChange) {
        this(copies, minGainDb, maxGainDb, maxTiltDbPerOctave, bandLimitProbability, minLowPassHz, noiseProbability,
                minSnrDb, maxSnrDb, reverbProbability, maxReverbSeconds, maxRateChange, 0, 0, 0, 0);
    }

    /** No augmentation: the recordings as recorded. */
    public static AugmentationSettings off() {
        return new AugmentationSettings(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
    }

    /**
     * These settings with half the copies heard in context: background 20 to 40 dB below the sound, under it and up
     * to 0.6 s before it (the past-context features look back half a second). Chosen on the everyday stream: every
     * copy at 0 to 30 dB lowered the swept recall, and 20 to 40 dB gave the best recall from the calibrated settings.
     */
    public AugmentationSettings withContext() {
        return withContext(0.5, 20, 40, 0.6);
    }

    /** These settings with the given background context. */
    public AugmentationSettings withContext(double probability, double minSnr, double maxSnr, double maxLead) {
        return new AugmentationSettings(copies, minGainDb, maxGainDb, maxTiltDbPerOctave, bandLimitProbability,
                minLowPassHz, noiseProbability, minSnrDb, maxSnrDb, reverbProbability, maxReverbSeconds,
                maxRateChange, probability, minSnr, maxSnr, maxLead);
    }

    /** The ranges chosen on the leave-one-source-out drum benchmark (see the benchmarks page), with this many copies. */
    public static AugmentationSettings standard(int copies) {
        return new AugmentationSettings(copies, -30, 6, 2, 0.3, 3000, 0.3, 15, 40, 0.3, 0.4, 0.05);
    }

    @JsonIgnore
    public boolean enabled() {
        return copies > 0;
    }

    /** Why these settings make no sense, or null when they do. */
    public String problem() {
        if (copies < 0 || minGainDb > maxGainDb || minSnrDb > maxSnrDb || maxTiltDbPerOctave < 0
                || maxReverbSeconds < 0 || maxRateChange < 0 || maxRateChange >= 0.5 || minLowPassHz < 0
                || !probability(bandLimitProbability) || !probability(noiseProbability)
                || !probability(reverbProbability) || !probability(contextProbability)
                || minContextSnrDb > maxContextSnrDb || maxLeadSeconds < 0) {
            return "augmentation settings are inconsistent: " + this;
        }
        return null;
    }

    private static boolean probability(double p) {
        return p >= 0 && p <= 1;
    }

    /** One line for the training log. */
    public String describe() {
        if (!enabled()) {
            return "off";
        }
        String described = String.format(Locale.ROOT, "%d varied copies per recording: gain %+.0f..%+.0f dB, tilt"
                + " up to %.1f dB/octave, %.0f%% band-limited (low-pass from %.0f Hz), %.0f%% with noise at %.0f-%.0f"
                + " dB SNR, %.0f%% in a room up to %.2f s RT60, speed +/- %.0f%%", copies, minGainDb, maxGainDb,
                maxTiltDbPerOctave, 100 * bandLimitProbability, minLowPassHz, 100 * noiseProbability, minSnrDb,
                maxSnrDb, 100 * reverbProbability, maxReverbSeconds, 100 * maxRateChange);
        if (contextProbability > 0) {
            described += String.format(Locale.ROOT, ", %.0f%% in context (background at %.0f-%.0f dB SNR, under the"
                    + " sound and up to %.2f s before it)", 100 * contextProbability, minContextSnrDb,
                    maxContextSnrDb, maxLeadSeconds);
        }
        return described;
    }
}
