package dev.parrot.runtime;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * When a {@link SoundDetector} reports a sound, in the manner of Parrot.py's detection patterns: a window must be
 * loud enough, its most probable sound must reach that sound's confidence threshold, and a sound that has just been
 * reported is not reported again within its throttle time (a click spans two or three overlapping windows; a
 * hiss held for a second spans sixty).
 *
 * @param confidence the probability a sound needs by default, 0..1
 * @param confidences per-sound probabilities that replace the default, e.g. a stricter one for a sound that
 *        misfires
 * @param minimumLevelDbfs windows quieter than this (RMS, dBFS) are silence and are not classified
 * @param throttleSeconds the default time after a report of a sound during which the same sound is not reported
 *        again; 0 reports every window
 * @param throttles per-sound throttle times that replace the default
 */
public record DetectionSettings(double confidence, Map<String, Double> confidences, double minimumLevelDbfs,
        double throttleSeconds, Map<String, Double> throttles) {

    public static final double DEFAULT_CONFIDENCE = 0.8;
    public static final double DEFAULT_MINIMUM_LEVEL_DBFS = -45.0;
    public static final double DEFAULT_THROTTLE_SECONDS = 0.1;

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
    }

    /** 80% confidence for every sound, windows from -45 dBFS, one report per sound per 100 ms. */
    public static DetectionSettings defaults() {
        return new DetectionSettings(DEFAULT_CONFIDENCE, Map.of(), DEFAULT_MINIMUM_LEVEL_DBFS,
                DEFAULT_THROTTLE_SECONDS, Map.of());
    }

    public DetectionSettings withConfidence(double probability) {
        return new DetectionSettings(probability, confidences, minimumLevelDbfs, throttleSeconds, throttles);
    }

    public DetectionSettings withConfidence(String sound, double probability) {
        Map<String, Double> map = new LinkedHashMap<>(confidences);
        map.put(sound, probability);
        return new DetectionSettings(confidence, map, minimumLevelDbfs, throttleSeconds, throttles);
    }

    public DetectionSettings withMinimumLevelDbfs(double dbfs) {
        return new DetectionSettings(confidence, confidences, dbfs, throttleSeconds, throttles);
    }

    public DetectionSettings withThrottle(double seconds) {
        return new DetectionSettings(confidence, confidences, minimumLevelDbfs, seconds, throttles);
    }

    public DetectionSettings withThrottle(String sound, double seconds) {
        Map<String, Double> map = new LinkedHashMap<>(throttles);
        map.put(sound, seconds);
        return new DetectionSettings(confidence, confidences, minimumLevelDbfs, throttleSeconds, map);
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
        for (String sound : confidences.keySet()) {
            if (!labels.contains(sound)) {
                throw new IllegalArgumentException("A confidence is set for '" + sound + "', which " + model
                        + " does not know; its sounds are " + labels + ".");
            }
        }
        for (String sound : throttles.keySet()) {
            if (!labels.contains(sound)) {
                throw new IllegalArgumentException("A throttle is set for '" + sound + "', which " + model
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
