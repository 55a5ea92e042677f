package dev.parrot.calibration;

import dev.parrot.dataset.RecordingFeatures;
import dev.parrot.dataset.SoundDataset;
import dev.parrot.evaluation.HeldOutProbabilities;
import dev.parrot.model.DetectionCalibration;
import dev.parrot.runtime.DetectionSettings;
import dev.parrot.runtime.EventDecider;
import dev.parrot.runtime.SoundEvent;
import dev.parrot.runtime.SoundKind;
import dev.parrot.runtime.SoundListener;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Chooses each sound's confidence threshold for the detector. Every recording is replayed through the detector's own
 * decisions ({@link EventDecider}, with the rule of {@link DetectionSettings#onsets()} and each sound's
 * {@link SoundKind}), over the probabilities that cross-validation's models gave its windows without having learnt
 * from them. A sound reported (a held sound: started) in one of its own recordings is a hit; reported in any other
 * recording (background, other sounds), a false alarm. Thresholds from 100% down to {@value #LOWEST_PERCENT}% are
 * tried for all sounds at once, and each sound gets the lowest, that is the one with the best recall, whose false
 * alarms stay within the target per minute of background audio (of the other sounds' audio when the model has no
 * background label; a minute when there is less). The figures each sound is then expected to give come from one more
 * replay with the thresholds chosen: what the detector does on these recordings, not an estimate per sound alone.
 */
public final class ThresholdCalibration {

    /** Parrot's default target: one false alarm per minute of background, per sound. */
    public static final double DEFAULT_FALSE_ALARMS_PER_MINUTE = 1.0;

    /**
     * The thresholds tried start here: a sound must be likelier than all the others together. Lower thresholds can
     * look free of false alarms only because a few minutes of background held none of the sounds that would trigger
     * them (on the stream benchmark, sounds calibrated to 20% misfired on other sounds several times a minute).
     */
    static final int LOWEST_PERCENT = 50;

    /**
     * On simulated streams the thresholds tried go lower: the onset model weighs every sound, the background and
     * "no sound" against each other, so a sound that is the most probable at 30% is already told from all of them, and
     * the streams hold the background that would show the false alarms a low threshold gives.
     */
    static final int LOWEST_PERCENT_ON_STREAMS = 20;

    /**
     * The share of the target the streams' false alarms may use. The background of the streams is the user's own
     * held-out recordings, whose voice and room the onset model has heard in the other folds; a live microphone also
     * hears other voices and rooms. On the stream benchmark's tuning seed, thresholds calibrated to the whole target
     * gave 1.4-1.6 false alarms per minute of another speaker's talk for a target of 1, to half of it 1.07 (recall of
     * unseen kits' short hits 0.386), to 0.35 of it 0.64 (0.349); the same kits' figures did not move.
     */
    static final double HEADROOM_ON_STREAMS = 0.35;

    /**
     * A held sound's start threshold on streams goes no lower than this. Its coverage grows a little with every step
     * down, and where the streams show no false alarm each such step is free, so held thresholds fell to the floor of
     * 20%, start and keep threshold alike, where another speaker's talk and the other held sounds started them. On
     * the held-sounds benchmark's development seed: 1.29 false alarms a minute at 20% (3 of them another held sound
     * at a take), 0.26 at 35%, none at 50%, coverage 0.971, 0.967 and 0.961; on the drum streams' development seed
     * 35% changed nothing and 50% cost 3 of the same kits' 50 hits (cymbals, inferred held).
     */
    static final int HELD_LOWEST_PERCENT_ON_STREAMS = 35;
    static final int CURVE_STEP_PERCENT = 5;

    /**
     * False alarms are counted per at least this many minutes: with seconds of audio to judge on, one confusion would
     * be several per minute and push a sound's threshold to where it is hardly ever reported.
     */
    static final double MINIMUM_MINUTES = 1.0;

    private final DetectionSettings rule;
    private final double target;

    /**
     * @param rule the decision rule and its level settings; its thresholds are what is chosen
     * @param falseAlarmsPerMinute the false alarms each sound may give per minute of background audio
     */
    public ThresholdCalibration(DetectionSettings rule, double falseAlarmsPerMinute) {
        if (!(falseAlarmsPerMinute >= 0) || Double.isInfinite(falseAlarmsPerMinute)) {
            throw new IllegalArgumentException("false alarms per minute must be 0 or more, not " + falseAlarmsPerMinute);
        }
        this.rule = rule;
        this.target = falseAlarmsPerMinute;
    }

    /** Thresholds for a model whose sounds are all short. */
    public DetectionCalibration calibrate(SoundDataset dataset, HeldOutProbabilities heldOut, Set<String> background,
            double hopSeconds) {
        return calibrate(dataset, heldOut, background, hopSeconds, Map.of());
    }

    /**
     * @param dataset the recordings, whose features hold each window's level
     * @param heldOut cross-validation's probabilities of every window of every recording
     * @param background labels that are never reported
     * @param hopSeconds the time between windows
     * @param kinds each sound's kind and why; a sound not named is short
     */
    public DetectionCalibration calibrate(SoundDataset dataset, HeldOutProbabilities heldOut, Set<String> background,
            double hopSeconds, Map<String, SoundKinds.Choice> kinds) {
        List<String> labels = dataset.sounds();
        int level = dataset.levelFeature();
        if (level < 0) {
            throw new IllegalStateException("the features hold no window level (level_dbfs)");
        }
        RecordingReplay replay = new RecordingReplay(dataset, heldOut, level, hopSeconds);
        double backgroundMinutes = 0;
        for (int i = 0; i < labels.size(); i++) {
            backgroundMinutes += background.contains(labels.get(i)) ? replay.minutesOf[i] : 0;
        }
        double totalMinutes = Arrays.stream(replay.minutesOf).sum();

        int sounds = labels.size();
        double[] minutes = new double[sounds];
        for (int s = 0; s < sounds; s++) {
            minutes[s] = Math.max(MINIMUM_MINUTES, backgroundMinutes > 0 ? backgroundMinutes
                    : totalMinutes - replay.minutesOf[s]);
        }
        List<DetectionCalibration.SoundThreshold> thresholds = choose(replay, labels, background, kinds, minutes,
                LOWEST_PERCENT);
        String method = String.format(Locale.ROOT, "per sound, the lowest threshold whose false alarms stay within"
                + " %s per minute of %s, the detector's decisions (%s rule for short sounds, smoothed over %d windows"
                + " with a start and a keep threshold for held sounds) replayed over cross-validated probabilities of"
                + " held-out windows", trim(target), backgroundMinutes > 0 ? "background audio" : "the other sounds'"
                + " audio", rule.rule().name().toLowerCase(Locale.ROOT).replace('_', ' '), rule.smoothingWindows());
        return new DetectionCalibration(method, target, round(backgroundMinutes > 0 ? backgroundMinutes : totalMinutes),
                rule.rule().name(), rule.minimumLevelDbfs(), rule.onsetRiseDb(), rule.onsetWindows(),
                rule.smoothingWindows(), thresholds);
    }

    /**
     * Every threshold from 100% down for all sounds at once, each sound's lowest whose false alarms stay within the
     * target per its minutes, and what the detector then does: one more replay with the thresholds chosen.
     */
    List<DetectionCalibration.SoundThreshold> choose(Replay replay, List<String> labels, Set<String> background,
            Map<String, SoundKinds.Choice> kinds, double[] minutes, int lowestPercent) {
        return choose(replay, labels, background, kinds, minutes, lowestPercent, false);
    }

    /**
     * As {@link #choose(Replay, List, Set, Map, double[], int)}; with {@code shared}, the target is the detector's in
     * all rather than each sound's: the thresholds are lowered step by step where a step finds the most onsets per
     * false alarm it adds, for as long as the false alarms of all sounds together stay within the target per minute.
     * A user hears the detector, not a sound at a time: thirteen sounds at one false alarm a minute each are a false
     * alarm every five seconds.
     */
    List<DetectionCalibration.SoundThreshold> choose(Replay replay, List<String> labels, Set<String> background,
            Map<String, SoundKinds.Choice> kinds, double[] minutes, int lowestPercent, boolean shared) {
        DetectionSettings.Builder kinded = rule.toBuilder().mute(background);
        kinds.forEach((sound, choice) -> kinded.sound(sound, s -> s.withKind(choice.kind())));
        DetectionSettings base = kinded.build();

        // Every threshold for all sounds at once: the curves, and each sound's lowest threshold within the target.
        int sounds = labels.size();
        List<List<DetectionCalibration.CurvePoint>> curves = new ArrayList<>();
        double[] chosen = new double[sounds];
        for (int s = 0; s < sounds; s++) {
            curves.add(new ArrayList<>());
            chosen[s] = 1.0;
        }
        int steps = 100 - lowestPercent + 1;
        double[][] hitsAt = new double[sounds][steps];
        long[][] alarmsAt = new long[sounds][steps];
        for (int percent = 100; percent >= lowestPercent; percent--) {
            double threshold = percent / 100.0;
            Figures f = replay.run(base.toBuilder().confidence(threshold).build(), labels);
            for (int s = 0; s < sounds; s++) {
                // A held sound gains by its coverage too: a lower threshold that starts it no more often can still
                // report it over more of its length, sooner after its start.
                hitsAt[s][100 - percent] = f.hits[s] + (base.kindOf(labels.get(s)) == SoundKind.HELD
                        ? f.coverage(s) * f.own(s) : 0);
                alarmsAt[s][100 - percent] = f.falseAlarms(s);
                // False alarms only grow as the threshold falls; without any threshold within the target, the
                // strictest.
                if (f.falseAlarms(s) / minutes[s] <= target) {
                    chosen[s] = threshold;
                }
                if (percent % CURVE_STEP_PERCENT == 0) {
                    curves.get(s).add(0, point(threshold, f, s, minutes[s], base.kindOf(labels.get(s))));
                }
            }
        }

        if (shared) {
            int[] limit = new int[sounds];
            for (int s = 0; s < sounds; s++) {
                limit[s] = base.kindOf(labels.get(s)) == SoundKind.HELD
                        ? Math.min(steps, 100 - Math.max(lowestPercent, HELD_LOWEST_PERCENT_ON_STREAMS) + 1) : steps;
            }
            int[] at = allocate(hitsAt, alarmsAt, limit, labels, background,
                    HEADROOM_ON_STREAMS * target * minutes[0]);
            for (int s = 0; s < sounds; s++) {
                chosen[s] = (100 - at[s]) / 100.0;
            }
        }

        DetectionSettings.Builder calibrated = base.toBuilder();
        for (int s = 0; s < sounds; s++) {
            double threshold = chosen[s];
            calibrated.sound(labels.get(s), x -> x.withConfidence(threshold));
        }
        Figures expected = replay.run(calibrated.build(), labels);

        List<DetectionCalibration.SoundThreshold> thresholds = new ArrayList<>();
        for (int s = 0; s < sounds; s++) {
            String sound = labels.get(s);
            if (background.contains(sound)) {
                continue;
            }
            SoundKind kind = base.kindOf(sound);
            SoundKinds.Choice choice = kinds.get(sound);
            boolean held = kind == SoundKind.HELD;
            thresholds.add(new DetectionCalibration.SoundThreshold(sound, kind.id(),
                    choice == null ? null : choice.reason(), chosen[s],
                    held ? DetectionSettings.keepFor(chosen[s]) : null, round(expected.recall(s)),
                    held ? round(expected.coverage(s)) : null, round(expected.falseAlarms(s) / minutes[s]),
                    expected.own(s), curves.get(s)));
        }
        return thresholds;
    }

    /**
     * Each sound's step of the sweep (0 for 100%), lowered greedily: each move takes one sound to the step that finds
     * the most more onsets (a held sound: starts, and the share of its takes' length it covers) per false alarm it adds
     * (a free gain first, the smaller move of two alike), no lower than the sound's {@code limit}, while the false
     * alarms of all sounds stay within {@code budget}.
     */
    private static int[] allocate(double[][] hitsAt, long[][] alarmsAt, int[] limit, List<String> labels,
            Set<String> background, double budget) {
        int sounds = hitsAt.length;
        int[] at = new int[sounds];
        double used = 0;
        for (int s = 0; s < sounds; s++) {
            used += alarmsAt[s][0];
        }
        while (true) {
            int bestSound = -1;
            int bestStep = -1;
            double bestRatio = 0;
            for (int s = 0; s < sounds; s++) {
                if (background.contains(labels.get(s))) {
                    continue;
                }
                for (int k = at[s] + 1; k < limit[s]; k++) {
                    double gained = hitsAt[s][k] - hitsAt[s][at[s]];
                    long added = alarmsAt[s][k] - alarmsAt[s][at[s]];
                    if (gained <= 1e-9 || used + added > budget + 1e-9) {
                        continue;
                    }
                    double ratio = gained / Math.max(0.1, added);
                    if (ratio > bestRatio + 1e-12) {
                        bestRatio = ratio;
                        bestSound = s;
                        bestStep = k;
                    }
                }
            }
            if (bestSound < 0) {
                return at;
            }
            used += alarmsAt[bestSound][bestStep] - alarmsAt[bestSound][at[bestSound]];
            at[bestSound] = bestStep;
        }
    }

    /**
     * Thresholds measured on simulated streams: the folds' streams replayed through the detector their models make.
     *
     * @param replay the folds' streams with what their models said of them
     * @param labels the model's labels
     * @param background labels that are never reported
     * @param kinds each sound's kind and why
     * @param streams what the streams were, for the JSON
     */
    public DetectionCalibration calibrate(StreamReplay replay, List<String> labels, Set<String> background,
            Map<String, SoundKinds.Choice> kinds, DetectionCalibration.Streams streams) {
        double[] minutes = new double[labels.size()];
        Arrays.fill(minutes, Math.max(MINIMUM_MINUTES, streams.backgroundMinutes()));
        // Without the user's background in the streams, no false alarm a low threshold gives can show.
        List<DetectionCalibration.SoundThreshold> thresholds = choose(replay, labels, background, kinds, minutes,
                streams.realBackground() ? LOWEST_PERCENT_ON_STREAMS : LOWEST_PERCENT, true);
        String method = String.format(Locale.ROOT, "per sound, thresholds lowered where they find the most onsets per"
                + " false alarm while the false alarms of all sounds together stay within %s per minute of background,"
                + " %s of the target of %s (the streams hold only the user's own background; other voices set off"
                + " more), reports outside the sounds and repeats counting (a report of another sound at a sound is a"
                + " miss), the detector's decisions (%s for short sounds, smoothed over %d windows with a start and a"
                + " keep threshold for held sounds) replayed over %d simulated streams: each cross-validation fold's"
                + " held-out recordings at random live levels and gaps between stretches of %s, judged by the fold's"
                + " models", trim(Math.round(HEADROOM_ON_STREAMS * target * 100) / 100.0), trim(HEADROOM_ON_STREAMS),
                trim(target), streams.onsetMilliseconds() > 0
                        ? "the onset model on the first " + streams.onsetMilliseconds() + " ms from each onset"
                        : "the onset rule", rule.smoothingWindows(), streams.count(),
                streams.realBackground() ? "its held-out background recordings" : "quiet room");
        return new DetectionCalibration(method, target, round(streams.backgroundMinutes()), rule.rule().name(),
                rule.minimumLevelDbfs(), rule.onsetRiseDb(), rule.onsetWindows(), rule.smoothingWindows(), thresholds,
                streams.withFalseAlarmShare(HEADROOM_ON_STREAMS));
    }

    /** What a replay gave per sound. */
    static final class Figures {
        final int[] hits;
        final int[] ownRecordings;
        final long[] alarms;
        final long[] covered;
        final long[] ownWindows;

        Figures(int labels) {
            hits = new int[labels];
            ownRecordings = new int[labels];
            alarms = new long[labels];
            covered = new long[labels];
            ownWindows = new long[labels];
        }

        double recall(int s) {
            return ownRecordings[s] == 0 ? 0 : hits[s] / (double) ownRecordings[s];
        }

        double coverage(int s) {
            return ownWindows[s] == 0 ? 0 : covered[s] / (double) ownWindows[s];
        }

        long falseAlarms(int s) {
            return alarms[s];
        }

        int own(int s) {
            return ownRecordings[s];
        }
    }

    /** Follows which held sounds are going on, and passes on each report that begins something. */
    abstract static class Reports implements SoundListener {
        private final List<String> labels;
        /** Per label, whether it is a held sound going on. */
        final boolean[] active;

        Reports(List<String> labels) {
            this.labels = labels;
            this.active = new boolean[labels.size()];
        }

        /** A short sound's report, or a held sound's start, of label {@code sound}. */
        abstract void begun(int sound, SoundEvent event);

        @Override
        public void soundRecognised(SoundEvent event) {
            int s = labels.indexOf(event.sound());
            if (event.phase() == SoundEvent.Phase.START) {
                active[s] = true;
            }
            if (event.begins()) {
                begun(s, event);
            }
        }

        @Override
        public void soundStopped(SoundEvent event) {
            active[labels.indexOf(event.sound())] = false;
        }
    }

    /** The detector's decisions replayed over some audio, with what they gave per sound. */
    abstract static class Replay {
        abstract Figures run(DetectionSettings settings, List<String> labels);
    }

    private static DetectionCalibration.CurvePoint point(double threshold, Figures f, int sound, double minutes,
            SoundKind kind) {
        return new DetectionCalibration.CurvePoint(threshold, round(f.recall(sound)),
                round(f.falseAlarms(sound) / minutes),
                kind == SoundKind.HELD ? round(f.coverage(sound)) : null);
    }

    /** The data set's recordings, each a stream of its own, replayed through the decider. */
    private static final class RecordingReplay extends Replay {
        private final List<RecordingFeatures> recordings;
        private final HeldOutProbabilities heldOut;
        private final int level;
        private final double hop;
        private final int[] labelOf;
        final double[] minutesOf;

        RecordingReplay(SoundDataset dataset, HeldOutProbabilities heldOut, int level, double hopSeconds) {
            this.recordings = dataset.recordings();
            this.heldOut = heldOut;
            this.level = level;
            this.hop = hopSeconds;
            List<String> labels = dataset.sounds();
            this.labelOf = new int[recordings.size()];
            this.minutesOf = new double[labels.size()];
            for (int r = 0; r < recordings.size(); r++) {
                labelOf[r] = labels.indexOf(recordings.get(r).sound());
                minutesOf[labelOf[r]] += recordings.get(r).windows().length * hopSeconds / 60;
            }
        }

        /** What the detector with these settings reports over every recording. */
        @Override
        Figures run(DetectionSettings settings, List<String> labels) {
            int n = labels.size();
            Figures f = new Figures(n);
            double[] p = new double[n];
            for (int r = 0; r < recordings.size(); r++) {
                int own = labelOf[r];
                float[][] windows = recordings.get(r).windows();
                float[][] probabilities = heldOut.of(r);
                boolean[] reported = new boolean[n];
                Reports listener = new Reports(labels) {
                    @Override
                    void begun(int s, SoundEvent event) {
                        if (s == own) {
                            reported[s] = true;
                        } else {
                            f.alarms[s]++;
                        }
                    }
                };
                boolean[] active = listener.active;
                EventDecider decider = new EventDecider(settings, labels, hop);
                for (int w = 0; w < windows.length; w++) {
                    float[] row = probabilities[w];
                    decider.next(w * hop, windows[w][level], () -> {
                        for (int i = 0; i < n; i++) {
                            p[i] = row[i];
                        }
                        return p;
                    }, listener);
                    if (active[own]) {
                        f.covered[own]++;
                    }
                }
                decider.finish(windows.length * hop, listener);
                f.ownRecordings[own]++;
                f.ownWindows[own] += windows.length;
                if (reported[own]) {
                    f.hits[own]++;
                }
            }
            return f;
        }

    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
