package dev.parrot.calibration;

import dev.parrot.Probabilities;
import dev.parrot.dataset.RecordingFeatures;
import dev.parrot.dataset.SoundDataset;
import dev.parrot.evaluation.HeldOutProbabilities;
import dev.parrot.model.DetectionCalibration;
import dev.parrot.runtime.DetectionSettings;
import dev.parrot.runtime.EventDecider;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Chooses each sound's confidence threshold for the detector. Every recording is replayed through the detector's own
 * decisions ({@link EventDecider}, with the rule of {@link DetectionSettings#onsets()}), over the
 * probabilities that cross-validation's models gave its windows without having learnt from them, and its onsets are
 * kept with the confidence at which each sound would have been reported there. For a sound, an onset in one of its
 * recordings is a hit at every threshold up to that confidence; an onset anywhere else (background, other sounds) is a
 * false alarm at every threshold up to it. The threshold chosen is the lowest, that is the one with the best recall,
 * whose false alarms stay within the target per minute of background audio (of the other sounds' audio when the model
 * has no background label; a minute when there is less), and at least {@value #LOWEST_PERCENT}%.
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

    /**
     * @param dataset the recordings, whose features hold each window's level
     * @param heldOut cross-validation's probabilities of every window of every recording
     * @param background labels that are never reported
     * @param hopSeconds the time between windows
     */
    public DetectionCalibration calibrate(SoundDataset dataset, HeldOutProbabilities heldOut, Set<String> background,
            double hopSeconds) {
        List<String> labels = dataset.sounds();
        int level = dataset.featureNames().indexOf("level_dbfs");
        if (level < 0) {
            throw new IllegalStateException("the features hold no window level (level_dbfs)");
        }
        List<RecordingFeatures> recordings = dataset.recordings();
        // best[r] : per onset of recording r, per label, the confidence at which that label would be reported.
        List<List<double[]>> onsets = new ArrayList<>();
        double[] minutesOf = new double[labels.size()];
        for (int r = 0; r < recordings.size(); r++) {
            RecordingFeatures recording = recordings.get(r);
            onsets.add(onsets(recording, heldOut.of(r), labels, background, level, hopSeconds));
            minutesOf[labels.indexOf(recording.sound())] += recording.windows().length * hopSeconds / 60;
        }
        double backgroundMinutes = 0;
        for (int i = 0; i < labels.size(); i++) {
            backgroundMinutes += background.contains(labels.get(i)) ? minutesOf[i] : 0;
        }
        double totalMinutes = Arrays.stream(minutesOf).sum();

        List<DetectionCalibration.SoundThreshold> thresholds = new ArrayList<>();
        for (int s = 0; s < labels.size(); s++) {
            if (background.contains(labels.get(s))) {
                continue;
            }
            List<Double> hits = new ArrayList<>();
            List<Double> alarms = new ArrayList<>();
            for (int r = 0; r < recordings.size(); r++) {
                boolean own = recordings.get(r).sound().equals(labels.get(s));
                double bestOnset = 0;
                for (double[] onset : onsets.get(r)) {
                    if (own) {
                        bestOnset = Math.max(bestOnset, onset[s]);
                    } else if (onset[s] > 0) {
                        alarms.add(onset[s]);
                    }
                }
                if (own) {
                    hits.add(bestOnset);
                }
            }
            double minutes = backgroundMinutes > 0 ? backgroundMinutes : totalMinutes - minutesOf[s];
            thresholds.add(choose(labels.get(s), hits, alarms, Math.max(MINIMUM_MINUTES, minutes)));
        }
        String method = String.format(Locale.ROOT, "per sound, the lowest threshold whose false alarms stay within"
                + " %s per minute of %s, on cross-validated probabilities of held-out windows replayed through the"
                + " %s decision rule", trim(target), backgroundMinutes > 0 ? "background audio" : "the other sounds'"
                + " audio", rule.rule().name().toLowerCase(Locale.ROOT).replace('_', ' '));
        return new DetectionCalibration(method, target, round(backgroundMinutes > 0 ? backgroundMinutes : totalMinutes),
                rule.rule().name(), rule.minimumLevelDbfs(), rule.onsetRiseDb(), rule.onsetWindows(), thresholds);
    }

    /** The onsets of one recording: per onset, per label, the confidence at which it would have been reported. */
    private List<double[]> onsets(RecordingFeatures recording, float[][] probabilities, List<String> labels,
            Set<String> background, int level, double hopSeconds) {
        // Everything muted: the decider only says which windows it judges; the confidences are read here.
        EventDecider decider = new EventDecider(rule.withMuted(new HashSet<>(labels)), labels, hopSeconds);
        List<double[]> onsets = new ArrayList<>();
        double[] window = new double[labels.size()];
        double[] current = null;
        float[][] windows = recording.windows();
        for (int w = 0; w < windows.length; w++) {
            double seconds = w * hopSeconds;
            if (!decider.wants(seconds, windows[w][level])) {
                continue;
            }
            if (decider.atOnset()) {
                current = new double[labels.size()];
                onsets.add(current);
            }
            for (int i = 0; i < window.length; i++) {
                window[i] = probabilities[w][i];
            }
            int best = Probabilities.mostProbable(window);
            if (!background.contains(labels.get(best))) {
                current[best] = Math.max(current[best], window[best]);
            }
            decider.decide(seconds, windows[w][level], window);
        }
        return onsets;
    }

    private DetectionCalibration.SoundThreshold choose(String sound, List<Double> hits, List<Double> alarms,
            double minutes) {
        List<DetectionCalibration.CurvePoint> curve = new ArrayList<>();
        DetectionCalibration.CurvePoint chosen = null;
        for (int percent = 100; percent >= LOWEST_PERCENT; percent--) {
            DetectionCalibration.CurvePoint p = point(percent / 100.0, hits, alarms, minutes);
            // False alarms only grow as the threshold falls; without any threshold within the target, the strictest.
            if (percent == 100 || p.falseAlarmsPerMinute() <= target) {
                chosen = p;
            }
            if (percent % CURVE_STEP_PERCENT == 0) {
                curve.add(0, p);
            }
        }
        return new DetectionCalibration.SoundThreshold(sound, chosen.threshold(), round(chosen.recall()),
                round(chosen.falseAlarmsPerMinute()), hits.size(), curve);
    }

    private static DetectionCalibration.CurvePoint point(double threshold, List<Double> hits, List<Double> alarms,
            double minutes) {
        long found = hits.stream().filter(c -> c >= threshold).count();
        long falseAlarms = alarms.stream().filter(c -> c >= threshold).count();
        double recall = hits.isEmpty() ? 0 : found / (double) hits.size();
        double rate = minutes > 0 ? falseAlarms / minutes : (falseAlarms == 0 ? 0 : Double.MAX_VALUE);
        return new DetectionCalibration.CurvePoint(threshold, round(recall), round(rate));
    }

    private static double round(double v) {
        return Math.round(v * 10000) / 10000.0;
    }

    private static String trim(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : Double.toString(v);
    }
}
