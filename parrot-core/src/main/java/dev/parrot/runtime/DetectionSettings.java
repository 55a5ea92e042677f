package dev.parrot.runtime;

import dev.parrot.model.DetectionCalibration;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When a {@link SoundDetector} reports a sound. With {@link DecisionRule#EVERY_WINDOW}, Parrot.py's detection
 * patterns: a window must be loud enough, its most probable sound must reach that sound's confidence threshold, and a
 * sound that has just been reported is not reported again within its throttle time (a click spans two or three
 * overlapping windows; a hiss held for a second spans sixty). With {@link DecisionRule#ONSET}, the windows judged are
 * the first few of each onset above the running noise floor.
 *
 * @param confidence the probability a sound needs by default, 0..1
 * @param confidences per-sound probabilities that replace the default, e.g. a stricter one for a sound that
 *        misfires
 * @param minimumLevelDbfs windows quieter than this (RMS, dBFS) are silence and are not classified
 * @param throttleSeconds the default time after a report of a sound during which the same sound is not reported
 *        again; 0 reports every window
 * @param throttles per-sound throttle times that replace the default
 * @param rule which windows are judged
 * @param onsetRiseDb with {@link DecisionRule#ONSET}: how much louder than the running noise floor (or than what the
 *        last sound has decayed to) a window must be to start a sound
 * @param onsetWindows with {@link DecisionRule#ONSET}: how many windows from an onset on may decide it (1 or more)
 * @param muted sounds that are recognised but never reported: the background labels (talk, typing, the room)
 */
public record DetectionSettings(double confidence, Map<String, Double> confidences, double minimumLevelDbfs,
        double throttleSeconds, Map<String, Double> throttles, DecisionRule rule, double onsetRiseDb,
        int onsetWindows, Set<String> muted) {

    public static final double DEFAULT_CONFIDENCE = 0.8;
    public static final double DEFAULT_MINIMUM_LEVEL_DBFS = -45.0;
    public static final double DEFAULT_THROTTLE_SECONDS = 0.1;
    public static final double DEFAULT_ONSET_RISE_DB = 10.0;
    public static final int DEFAULT_ONSET_WINDOWS = 4;
    /** The onset rule judges rises above the floor, so it can hear far quieter sounds than a fixed level lets in. */
    public static final double ONSET_MINIMUM_LEVEL_DBFS = -70.0;

    public DetectionSettings {
        checkConfidence("confidence", confidence);
        confidences = Collections.unmodifiableMap(new LinkedHashMap<>(confidences));
        confidences.forEach((sound, c) -> checkConfidence("confidence of '" + sound + "'", c));
        checkThrottle("throttle", throttleSeconds);
        throttles = Collections.unmodifiableMap(new LinkedHashMap<>(throttles));
        throttles.forEach((sound, t) -> checkThrottle("throttle of '" + sound + "'", t));
        if (Double.isNaN(minimumLevelDbfs)) {
            throw new IllegalArgumentException("minimum level must be a number of dBFS");
        }
        if (rule == null) {
            throw new IllegalArgumentException("a decision rule is needed, one of " + List.of(DecisionRule.values()));
        }
        if (!(onsetRiseDb >= 0) || Double.isInfinite(onsetRiseDb)) {
            throw new IllegalArgumentException("the onset rise must be 0 or more dB, not " + onsetRiseDb);
        }
        if (onsetWindows < 1) {
            throw new IllegalArgumentException("an onset is decided over 1 or more windows, not " + onsetWindows);
        }
        muted = Collections.unmodifiableSet(new LinkedHashSet<>(muted));
    }

    /** Parrot.py's rule with the given thresholds, nothing muted. */
    public DetectionSettings(double confidence, Map<String, Double> confidences, double minimumLevelDbfs,
            double throttleSeconds, Map<String, Double> throttles) {
        this(confidence, confidences, minimumLevelDbfs, throttleSeconds, throttles, DecisionRule.EVERY_WINDOW,
                DEFAULT_ONSET_RISE_DB, DEFAULT_ONSET_WINDOWS, Set.of());
    }

    /** 80% confidence for every sound, windows from -45 dBFS, one report per sound per 100 ms. */
    public static DetectionSettings defaults() {
        return new DetectionSettings(DEFAULT_CONFIDENCE, Map.of(), DEFAULT_MINIMUM_LEVEL_DBFS,
                DEFAULT_THROTTLE_SECONDS, Map.of());
    }

    /**
     * The onset rule ({@link DecisionRule#ONSET}) with its defaults: windows from -70 dBFS, a rise of 10 dB above the
     * running floor starts a sound, its first 4 windows decide it, 80% confidence, one report per sound per 100 ms.
     * What training calibrates thresholds for.
     */
    public static DetectionSettings onsets() {
        return new DetectionSettings(DEFAULT_CONFIDENCE, Map.of(), ONSET_MINIMUM_LEVEL_DBFS, DEFAULT_THROTTLE_SECONDS,
                Map.of(), DecisionRule.ONSET, DEFAULT_ONSET_RISE_DB, DEFAULT_ONSET_WINDOWS, Set.of());
    }

    /**
     * The settings training calibrated: its rule and levels, each sound's threshold, the background labels muted.
     *
     * @throws IllegalArgumentException when the calibration names a rule this version does not know
     */
    public static DetectionSettings calibrated(DetectionCalibration calibration, Collection<String> background) {
        Map<String, Double> thresholds = new LinkedHashMap<>();
        calibration.sounds().forEach(s -> thresholds.put(s.sound(), s.threshold()));
        return new DetectionSettings(DEFAULT_CONFIDENCE, thresholds, calibration.minimumLevelDbfs(),
                DEFAULT_THROTTLE_SECONDS, Map.of(), DecisionRule.valueOf(calibration.rule()), calibration.onsetRiseDb(),
                calibration.onsetWindows(), new LinkedHashSet<>(background));
    }

    public DetectionSettings withConfidence(double probability) {
        return new DetectionSettings(probability, confidences, minimumLevelDbfs, throttleSeconds, throttles, rule,
                onsetRiseDb, onsetWindows, muted);
    }

    public DetectionSettings withConfidence(String sound, double probability) {
        Map<String, Double> map = new LinkedHashMap<>(confidences);
        map.put(sound, probability);
        return new DetectionSettings(confidence, map, minimumLevelDbfs, throttleSeconds, throttles, rule,
                onsetRiseDb, onsetWindows, muted);
    }

    public DetectionSettings withMinimumLevelDbfs(double dbfs) {
        return new DetectionSettings(confidence, confidences, dbfs, throttleSeconds, throttles, rule, onsetRiseDb,
                onsetWindows, muted);
    }

    public DetectionSettings withThrottle(double seconds) {
        return new DetectionSettings(confidence, confidences, minimumLevelDbfs, seconds, throttles, rule,
                onsetRiseDb, onsetWindows, muted);
    }

    public DetectionSettings withThrottle(String sound, double seconds) {
        Map<String, Double> map = new LinkedHashMap<>(throttles);
        map.put(sound, seconds);
        return new DetectionSettings(confidence, confidences, minimumLevelDbfs, throttleSeconds, map, rule,
                onsetRiseDb, onsetWindows, muted);
    }

    /** Judged at onsets: windows that rise {@code riseDb} above the running floor and the {@code windows} after. */
    public DetectionSettings withOnsets(double riseDb, int windows) {
        return new DetectionSettings(confidence, confidences, minimumLevelDbfs, throttleSeconds, throttles,
                DecisionRule.ONSET, riseDb, windows, muted);
    }

    public DetectionSettings withRule(DecisionRule newRule) {
        return new DetectionSettings(confidence, confidences, minimumLevelDbfs, throttleSeconds, throttles, newRule,
                onsetRiseDb, onsetWindows, muted);
    }

    /** These sounds are never reported, on top of those muted already. */
    public DetectionSettings withMuted(Set<String> sounds) {
        Set<String> set = new LinkedHashSet<>(muted);
        set.addAll(sounds);
        return new DetectionSettings(confidence, confidences, minimumLevelDbfs, throttleSeconds, throttles, rule,
                onsetRiseDb, onsetWindows, set);
    }

    /** The probability {@code sound} needs to be reported. */
    public double confidenceOf(String sound) {
        return confidences.getOrDefault(sound, confidence);
    }

    /** The time after a report of {@code sound} during which it is not reported again. */
    public double throttleOf(String sound) {
        return throttles.getOrDefault(sound, throttleSeconds);
    }

    /** Fails naming the sounds a per-sound setting names that the model does not know: a typo would never fire. */
    void checkSounds(List<String> labels, String model) {
        check("A confidence", confidences.keySet(), labels, model);
        check("A throttle", throttles.keySet(), labels, model);
        check("Muting", muted, labels, model);
    }

    private static void check(String what, Set<String> sounds, List<String> labels, String model) {
        for (String sound : sounds) {
            if (!labels.contains(sound)) {
                throw new IllegalArgumentException(what + " is set for '" + sound + "', which " + model
                        + " does not know; its sounds are " + labels + ".");
            }
        }
    }

    private static void checkConfidence(String what, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException(what + " must be a probability between 0 and 1, not " + value);
        }
    }

    private static void checkThrottle(String what, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(what + " must be 0 or more seconds, not " + value);
        }
    }
}
