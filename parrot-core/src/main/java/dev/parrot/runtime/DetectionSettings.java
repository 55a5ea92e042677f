package dev.parrot.runtime;

import dev.parrot.model.DetectionCalibration;

import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * When a {@link SoundDetector} reports a sound. Each sound has a {@link SoundKind}: a short sound is decided at onsets
 * by the stream's {@link DecisionRule}; a held sound on every window loud enough, smoothed, with a start and a keep
 * confidence. With {@link DecisionRule#EVERY_WINDOW}, Parrot.py's detection patterns: a window must be loud enough, its
 * most probable sound must reach that sound's confidence, and a sound that has just been reported is not reported
 * again within its throttle time. With {@link DecisionRule#ONSET}, the windows judged are the first few of each onset
 * above the running noise floor.
 *
 * <p>Made with {@link #builder()} (or {@link #toBuilder()} of settings at hand); the {@code with...} methods change one
 * value.
 *
 * @param confidence the probability a sound needs by default, 0..1
 * @param minimumLevelDbfs windows quieter than this (RMS, dBFS) are silence and are not classified
 * @param throttleSeconds the default time after a report of a sound during which the same sound is not reported
 *        again; for a held sound, the time between its reports while it lasts; 0 reports every window
 * @param rule which windows short sounds are judged on
 * @param onsetRiseDb with {@link DecisionRule#ONSET}: how much louder than the running noise floor (or than what the
 *        last sound has decayed to) a window must be to start a sound
 * @param onsetWindows with {@link DecisionRule#ONSET}: how many windows from an onset on may decide it (1 or more)
 * @param smoothingWindows over how many recent windows a held sound's probability is averaged (1 or more)
 * @param sounds per-sound settings that replace the defaults: kind, confidence, keep confidence, throttle
 * @param muted sounds that are recognised but never reported: the background labels (talk, typing, the room)
 */
public record DetectionSettings(double confidence, double minimumLevelDbfs, double throttleSeconds, DecisionRule rule,
        double onsetRiseDb, int onsetWindows, int smoothingWindows, Map<String, SoundSettings> sounds,
        Set<String> muted) {

    public static final double DEFAULT_CONFIDENCE = 0.8;
    public static final double DEFAULT_MINIMUM_LEVEL_DBFS = -45.0;
    public static final double DEFAULT_THROTTLE_SECONDS = 0.1;
    public static final double DEFAULT_ONSET_RISE_DB = 10.0;
    public static final int DEFAULT_ONSET_WINDOWS = 4;
    /** 60 ms of hops: a syllable's blip does not start a held sound, and a stop is seen within a few windows. */
    public static final int DEFAULT_SMOOTHING_WINDOWS = 4;
    /** How far below its start confidence a held sound's smoothed probability may dip before it stops. */
    public static final double DEFAULT_KEEP_MARGIN = 0.3;
    /**
     * A held sound stops at a window this much quieter than its loudest since it started: the end of a hiss is a
     * fall in level long before it is a fall in probability (on the held-sounds stream benchmark, room noise after a
     * take kept the take's sound above its keep confidence for a median 0.5 s).
     */
    public static final double HELD_STOP_DROP_DB = 20.0;
    /** A held sound never stays on below this, whatever its start confidence. */
    public static final double LOWEST_KEEP_CONFIDENCE = 0.2;
    /** The onset rule judges rises above the floor, so it can hear far quieter sounds than a fixed level lets in. */
    public static final double ONSET_MINIMUM_LEVEL_DBFS = -70.0;

    /**
     * One sound's settings; a null value is the default of the settings it belongs to.
     *
     * @param kind how the sound is made (null: {@link SoundKind#SHORT})
     * @param confidence the probability it needs to be reported (for a held sound: to start)
     * @param keepConfidence for a held sound: the smoothed probability below which it stops
     * @param throttleSeconds the time after a report during which it is not reported again
     */
    public record SoundSettings(SoundKind kind, Double confidence, Double keepConfidence, Double throttleSeconds) {

        static final SoundSettings NONE = new SoundSettings(null, null, null, null);

        public SoundSettings {
            if (confidence != null) {
                checkConfidence("confidence", confidence);
            }
            if (keepConfidence != null) {
                checkConfidence("keep confidence", keepConfidence);
            }
            if (throttleSeconds != null) {
                checkThrottle("throttle", throttleSeconds);
            }
        }

        public SoundSettings withKind(SoundKind k) {
            return new SoundSettings(k, confidence, keepConfidence, throttleSeconds);
        }

        public SoundSettings withConfidence(Double c) {
            return new SoundSettings(kind, c, keepConfidence, throttleSeconds);
        }

        public SoundSettings withKeepConfidence(Double c) {
            return new SoundSettings(kind, confidence, c, throttleSeconds);
        }

        public SoundSettings withThrottle(Double seconds) {
            return new SoundSettings(kind, confidence, keepConfidence, seconds);
        }
    }

    public DetectionSettings {
        checkConfidence("confidence", confidence);
        checkThrottle("throttle", throttleSeconds);
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
        if (smoothingWindows < 1) {
            throw new IllegalArgumentException("a held sound is smoothed over 1 or more windows, not "
                    + smoothingWindows);
        }
        sounds = Collections.unmodifiableMap(new LinkedHashMap<>(sounds));
        muted = Collections.unmodifiableSet(new LinkedHashSet<>(muted));
    }

    /** Parrot.py's rule with the given thresholds, nothing muted, every sound short. */
    public DetectionSettings(double confidence, Map<String, Double> confidences, double minimumLevelDbfs,
            double throttleSeconds, Map<String, Double> throttles) {
        this(builder().confidence(confidence).minimumLevelDbfs(minimumLevelDbfs).throttle(throttleSeconds)
                .confidences(confidences).throttles(throttles).build());
    }

    private DetectionSettings(DetectionSettings s) {
        this(s.confidence, s.minimumLevelDbfs, s.throttleSeconds, s.rule, s.onsetRiseDb, s.onsetWindows,
                s.smoothingWindows, s.sounds, s.muted);
    }

    /** Settings to build on: those of {@link #defaults()}. */
    public static Builder builder() {
        return new Builder();
    }

    /** A builder holding these settings, to change some of them. */
    public Builder toBuilder() {
        return new Builder(this);
    }

    /** 80% confidence for every sound, windows from -45 dBFS, one report per sound per 100 ms; every sound short. */
    public static DetectionSettings defaults() {
        return builder().build();
    }

    /**
     * The onset rule ({@link DecisionRule#ONSET}) with its defaults: windows from -70 dBFS, a rise of 10 dB above the
     * running floor starts a sound, its first 4 windows decide it, 80% confidence, one report per sound per 100 ms.
     * What training calibrates thresholds for.
     */
    public static DetectionSettings onsets() {
        return builder().minimumLevelDbfs(ONSET_MINIMUM_LEVEL_DBFS).onsets(DEFAULT_ONSET_RISE_DB,
                DEFAULT_ONSET_WINDOWS).build();
    }

    /**
     * The settings training calibrated: its rule and levels, each sound's kind and thresholds, the background labels
     * muted.
     *
     * @throws IllegalArgumentException when the calibration names a rule or kind this version does not know
     */
    public static DetectionSettings calibrated(DetectionCalibration calibration, Collection<String> background) {
        Builder b = builder().minimumLevelDbfs(calibration.minimumLevelDbfs())
                .rule(DecisionRule.valueOf(calibration.rule()))
                .onsets(calibration.onsetRiseDb(), calibration.onsetWindows())
                .mute(background);
        if (calibration.smoothingWindows() > 0) {
            b.smoothingWindows(calibration.smoothingWindows());
        }
        for (DetectionCalibration.SoundThreshold t : calibration.sounds()) {
            SoundKind kind = t.kind() == null ? SoundKind.SHORT : SoundKind.of(t.kind());
            b.sound(t.sound(), s -> s.withKind(kind).withConfidence(t.threshold())
                    .withKeepConfidence(t.keepThreshold()));
        }
        return b.build();
    }

    public DetectionSettings withConfidence(double probability) {
        return toBuilder().confidence(probability).build();
    }

    public DetectionSettings withConfidence(String sound, double probability) {
        return toBuilder().sound(sound, s -> s.withConfidence(probability)).build();
    }

    public DetectionSettings withMinimumLevelDbfs(double dbfs) {
        return toBuilder().minimumLevelDbfs(dbfs).build();
    }

    public DetectionSettings withThrottle(double seconds) {
        return toBuilder().throttle(seconds).build();
    }

    public DetectionSettings withThrottle(String sound, double seconds) {
        return toBuilder().sound(sound, s -> s.withThrottle(seconds)).build();
    }

    /** This sound held ({@link SoundKind#HELD}) or short. */
    public DetectionSettings withKind(String sound, SoundKind kind) {
        return toBuilder().sound(sound, s -> s.withKind(kind)).build();
    }

    /** Judged at onsets: windows that rise {@code riseDb} above the running floor and the {@code windows} after. */
    public DetectionSettings withOnsets(double riseDb, int windows) {
        return toBuilder().onsets(riseDb, windows).build();
    }

    public DetectionSettings withRule(DecisionRule newRule) {
        return toBuilder().rule(newRule).build();
    }

    /** These sounds are never reported, on top of those muted already. */
    public DetectionSettings withMuted(Set<String> more) {
        return toBuilder().mute(more).build();
    }

    private SoundSettings of(String sound) {
        return sounds.getOrDefault(sound, SoundSettings.NONE);
    }

    /** How {@code sound} is made: {@link SoundKind#SHORT} unless set. */
    public SoundKind kindOf(String sound) {
        SoundKind kind = of(sound).kind();
        return kind == null ? SoundKind.SHORT : kind;
    }

    /** The probability {@code sound} needs to be reported (a held sound: to start). */
    public double confidenceOf(String sound) {
        Double c = of(sound).confidence();
        return c == null ? confidence : c;
    }

    /**
     * The smoothed probability below which a held {@code sound} stops: as set, or {@value #DEFAULT_KEEP_MARGIN} below
     * its confidence and at least {@value #LOWEST_KEEP_CONFIDENCE}, and never above its confidence.
     */
    public double keepConfidenceOf(String sound) {
        Double c = of(sound).keepConfidence();
        double start = confidenceOf(sound);
        return Math.min(start, c != null ? c : keepFor(start));
    }

    /** The keep confidence that goes with a start confidence when none is set. */
    public static double keepFor(double startConfidence) {
        return Math.min(startConfidence, Math.max(LOWEST_KEEP_CONFIDENCE, startConfidence - DEFAULT_KEEP_MARGIN));
    }

    /** The time after a report of {@code sound} during which it is not reported again. */
    public double throttleOf(String sound) {
        Double t = of(sound).throttleSeconds();
        return t == null ? throttleSeconds : t;
    }

    /** The per-sound confidences set. */
    public Map<String, Double> confidences() {
        Map<String, Double> map = new LinkedHashMap<>();
        sounds.forEach((sound, s) -> {
            if (s.confidence() != null) {
                map.put(sound, s.confidence());
            }
        });
        return Collections.unmodifiableMap(map);
    }

    /** The per-sound throttle times set. */
    public Map<String, Double> throttles() {
        Map<String, Double> map = new LinkedHashMap<>();
        sounds.forEach((sound, s) -> {
            if (s.throttleSeconds() != null) {
                map.put(sound, s.throttleSeconds());
            }
        });
        return Collections.unmodifiableMap(map);
    }

    /** Fails naming the sounds a per-sound setting names that the model does not know: a typo would never fire. */
    void checkSounds(List<String> labels, String model) {
        check("A setting", sounds.keySet(), labels, model);
        check("Muting", muted, labels, model);
    }

    private static void check(String what, Set<String> names, List<String> labels, String model) {
        for (String sound : names) {
            if (!labels.contains(sound)) {
                throw new IllegalArgumentException(what + " is made for '" + sound + "', which " + model
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

    /** Builds {@link DetectionSettings}; starts from {@link #defaults()}. Not thread-safe. */
    public static final class Builder {
        private double confidence = DEFAULT_CONFIDENCE;
        private double minimumLevelDbfs = DEFAULT_MINIMUM_LEVEL_DBFS;
        private double throttleSeconds = DEFAULT_THROTTLE_SECONDS;
        private DecisionRule rule = DecisionRule.EVERY_WINDOW;
        private double onsetRiseDb = DEFAULT_ONSET_RISE_DB;
        private int onsetWindows = DEFAULT_ONSET_WINDOWS;
        private int smoothingWindows = DEFAULT_SMOOTHING_WINDOWS;
        private final Map<String, SoundSettings> sounds = new LinkedHashMap<>();
        private final Set<String> muted = new LinkedHashSet<>();

        private Builder() {
        }

        private Builder(DetectionSettings s) {
            confidence = s.confidence;
            minimumLevelDbfs = s.minimumLevelDbfs;
            throttleSeconds = s.throttleSeconds;
            rule = s.rule;
            onsetRiseDb = s.onsetRiseDb;
            onsetWindows = s.onsetWindows;
            smoothingWindows = s.smoothingWindows;
            sounds.putAll(s.sounds);
            muted.addAll(s.muted);
        }

        public Builder confidence(double probability) {
            confidence = probability;
            return this;
        }

        public Builder minimumLevelDbfs(double dbfs) {
            minimumLevelDbfs = dbfs;
            return this;
        }

        public Builder throttle(double seconds) {
            throttleSeconds = seconds;
            return this;
        }

        public Builder rule(DecisionRule newRule) {
            rule = newRule;
            return this;
        }

        /** Short sounds judged at onsets ({@link DecisionRule#ONSET}) that rise {@code riseDb}, over {@code windows}. */
        public Builder onsets(double riseDb, int windows) {
            rule = DecisionRule.ONSET;
            onsetRiseDb = riseDb;
            onsetWindows = windows;
            return this;
        }

        public Builder smoothingWindows(int windows) {
            smoothingWindows = windows;
            return this;
        }

        /** Changes one sound's settings, e.g. {@code sound("hiss", s -> s.withKind(SoundKind.HELD))}. */
        public Builder sound(String sound, UnaryOperator<SoundSettings> change) {
            sounds.put(sound, change.apply(sounds.getOrDefault(sound, SoundSettings.NONE)));
            return this;
        }

        public Builder confidences(Map<String, Double> perSound) {
            perSound.forEach((sound, c) -> sound(sound, s -> s.withConfidence(c)));
            return this;
        }

        public Builder throttles(Map<String, Double> perSound) {
            perSound.forEach((sound, t) -> sound(sound, s -> s.withThrottle(t)));
            return this;
        }

        /** These sounds are never reported, on top of those muted already. */
        public Builder mute(Collection<String> more) {
            muted.addAll(more);
            return this;
        }

        public DetectionSettings build() {
            return new DetectionSettings(confidence, minimumLevelDbfs, throttleSeconds, rule, onsetRiseDb,
                    onsetWindows, smoothingWindows, sounds, muted);
        }
    }
}
