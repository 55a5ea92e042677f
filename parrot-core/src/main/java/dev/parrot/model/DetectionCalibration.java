package dev.parrot.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * The detector settings training chose for a model, and what they are expected to give: per sound, the confidence
 * threshold with the best recall of its onsets while its false alarms (on background audio and on the other sounds)
 * stay within a target rate, estimated from cross-validated probabilities of windows the models had not learnt from.
 *
 * @param method how the thresholds were chosen, in words
 * @param targetFalseAlarmsPerMinute the false alarms per minute each sound was allowed
 * @param minutesJudged the minutes of audio false alarms are counted per: the background labels' audio, or (without
 *        background labels) the other sounds' audio
 * @param rule the detector's decision rule the thresholds are for (a {@code DecisionRule} name)
 * @param minimumLevelDbfs the quietest window the rule judges
 * @param onsetRiseDb the rise above the running floor that starts a sound
 * @param onsetWindows the windows from an onset that may decide it
 * @param sounds per sound (background labels are never reported and have none)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DetectionCalibration(String method, double targetFalseAlarmsPerMinute, double minutesJudged,
        String rule, double minimumLevelDbfs, double onsetRiseDb, int onsetWindows, List<SoundThreshold> sounds) {

    public DetectionCalibration {
        sounds = List.copyOf(sounds);
    }

    /**
     * @param sound the sound
     * @param threshold the probability it needs to be reported
     * @param expectedRecall the share of its recordings' onsets reported at that threshold
     * @param expectedFalseAlarmsPerMinute its reports elsewhere, per minute of the audio judged
     * @param onsets the onsets (recordings or segments of the sound) it was judged on
     * @param curve recall and false alarms as the threshold moves, for a plot
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SoundThreshold(String sound, double threshold, double expectedRecall,
            double expectedFalseAlarmsPerMinute, int onsets, List<CurvePoint> curve) {

        public SoundThreshold {
            curve = List.copyOf(curve);
        }
    }

    /** One threshold's expected recall and false alarms per minute. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record CurvePoint(double threshold, double recall, double falseAlarmsPerMinute) {
    }
}
