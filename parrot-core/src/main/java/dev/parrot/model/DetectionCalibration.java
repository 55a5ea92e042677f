package dev.parrot.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;

import java.util.List;

/**
 * The detector settings training chose for a model, and what they are expected to give: per sound, its kind (short or
 * held) and the confidence threshold with the best recall while its false alarms (on background audio and on the
 * other sounds) stay within a target rate, estimated by replaying the detector's own decisions over cross-validated
 * probabilities of windows the models had not learnt from.
 *
 * @param method how the thresholds were chosen, in words
 * @param targetFalseAlarmsPerMinute the false alarms per minute each sound was allowed
 * @param minutesJudged the minutes of audio false alarms are counted per: the background labels' audio, or (without
 *        background labels) the other sounds' audio
 * @param rule the detector's decision rule for short sounds (a {@code DecisionRule} name)
 * @param minimumLevelDbfs the quietest window the rule judges
 * @param onsetRiseDb the rise above the running floor that starts a sound
 * @param onsetWindows the windows from an onset that may decide it
 * @param smoothingWindows the windows a held sound's probability is averaged over (0 in files written before held
 *        sounds: the detector's default)
 * @param sounds per sound (background labels are never reported and have none)
 * @param streams the simulated streams the figures were measured on; null in files calibrated on recordings one by
 *        one (before stream calibration)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DetectionCalibration(String method, double targetFalseAlarmsPerMinute, double minutesJudged,
        String rule, double minimumLevelDbfs, double onsetRiseDb, int onsetWindows, int smoothingWindows,
        List<SoundThreshold> sounds, Streams streams) {

    public DetectionCalibration {
        sounds = List.copyOf(sounds);
    }

    /** A calibration on recordings one by one, as written before stream calibration. */
    public DetectionCalibration(String method, double targetFalseAlarmsPerMinute, double minutesJudged, String rule,
            double minimumLevelDbfs, double onsetRiseDb, int onsetWindows, int smoothingWindows,
            List<SoundThreshold> sounds) {
        this(method, targetFalseAlarmsPerMinute, minutesJudged, rule, minimumLevelDbfs, onsetRiseDb, onsetWindows,
                smoothingWindows, sounds, null);
    }

    /** Whether the figures were measured on simulated streams, as the detector hears a microphone. */
    public boolean onStreams() {
        return streams != null;
    }

    /**
     * The simulated streams of a calibration: per cross-validation fold, the fold's held-out recordings of the sounds
     * at random live levels and gaps between stretches of its held-out background recordings (or, without
     * background labels, of quiet room), judged by the detector the fold's models make.
     *
     * @param count how many streams (one per fold)
     * @param minutes their total length
     * @param backgroundMinutes the minutes of background in them, which false alarms are counted per
     * @param background what the background stretches were: the background labels' names, or null when the model
     *        has none and they were quiet room (figures to take with care: a user's room and
     *        voice are not noise)
     * @param onsetMilliseconds how much audio from an onset a short sound is decided on (0: the window rule)
     * @param falseAlarmShare the share of the target the streams' false alarms were allowed (the streams hold only the
     *        user's own background; other voices set off more); null in files written before it was kept
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Streams(int count, double minutes, double backgroundMinutes, List<String> background,
            int onsetMilliseconds, Double falseAlarmShare) {

        public Streams {
            background = background == null ? null : List.copyOf(background);
        }

        /** Streams described before the share of the target was kept. */
        public Streams(int count, double minutes, double backgroundMinutes, List<String> background,
                int onsetMilliseconds) {
            this(count, minutes, backgroundMinutes, background, onsetMilliseconds, null);
        }

        /** The same streams, their false alarms allowed {@code share} of the target. */
        public Streams withFalseAlarmShare(double share) {
            return new Streams(count, minutes, backgroundMinutes, background, onsetMilliseconds, share);
        }

        /** Whether the background stretches were the user's own background recordings. */
        public boolean realBackground() {
            return background != null && !background.isEmpty();
        }
    }

    /** A calibration of short sounds only, as written before held sounds. */
    public DetectionCalibration(String method, double targetFalseAlarmsPerMinute, double minutesJudged, String rule,
            double minimumLevelDbfs, double onsetRiseDb, int onsetWindows, List<SoundThreshold> sounds) {
        this(method, targetFalseAlarmsPerMinute, minutesJudged, rule, minimumLevelDbfs, onsetRiseDb, onsetWindows, 0,
                sounds, null);
    }

    /**
     * @param sound the sound
     * @param kind {@code short} or {@code held} (null in files written before held sounds: short)
     * @param kindReason why it has that kind: what its recordings showed, or that the POM set it
     * @param threshold the probability it needs to be reported (a held sound: to start)
     * @param keepThreshold a held sound's smoothed probability below which it stops; null for a short sound
     * @param expectedRecall the share of its recordings (or segments) in which it is reported (a held sound: started)
     * @param expectedCoverage a held sound's share of its recordings' sound windows during which it is reported as
     *        going on; null for a short sound
     * @param expectedFalseAlarmsPerMinute its reports (a held sound: its starts) elsewhere, per minute of the audio
     *        judged
     * @param onsets the recordings or segments of the sound it was judged on
     * @param curve recall and false alarms as the threshold moves, for a plot
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record SoundThreshold(String sound, String kind, String kindReason, double threshold, Double keepThreshold,
            double expectedRecall, Double expectedCoverage, double expectedFalseAlarmsPerMinute, int onsets,
            List<CurvePoint> curve) {

        public SoundThreshold {
            curve = List.copyOf(curve);
        }

        /** A short sound's threshold, as written before held sounds. */
        public SoundThreshold(String sound, double threshold, double expectedRecall,
                double expectedFalseAlarmsPerMinute, int onsets, List<CurvePoint> curve) {
            this(sound, null, null, threshold, null, expectedRecall, null, expectedFalseAlarmsPerMinute, onsets, curve);
        }

        /** Whether the sound is held (reported while it lasts) rather than short. */
        public boolean held() {
            return "held".equalsIgnoreCase(kind);
        }
    }

    /**
     * One threshold's expected recall and false alarms per minute (and a held sound's coverage, else null).
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record CurvePoint(double threshold, double recall, double falseAlarmsPerMinute, Double coverage) {

        public CurvePoint(double threshold, double recall, double falseAlarmsPerMinute) {
            this(threshold, recall, falseAlarmsPerMinute, null);
        }
    }
}
