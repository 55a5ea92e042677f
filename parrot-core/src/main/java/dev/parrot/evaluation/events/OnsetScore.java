package dev.parrot.evaluation.events;

import dev.parrot.segments.Segment;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * How a detector did on a recording with a reference of its sounds, counted per onset as a user feels it: each true
 * sound should give one report of that sound soon after it starts, and nothing else should give any.
 *
 * <p>A detection <em>finds</em> a sound when it names it and is decided from {@link #EARLY_SECONDS} before the
 * sound's start up to the later of its end and {@link #MINIMUM_SPAN_SECONDS} after its start; only the first such
 * detection counts, and its delay is the time from the start to the decision. Every other detection is a false
 * alarm: one in the background (outside every reference segment), one naming another sound than the segment it falls
 * in, or a repeat of a sound already found.
 *
 * @param onsets reference segments
 * @param found segments found
 * @param backgroundFalseAlarms detections outside every segment
 * @param wrongSound detections naming another sound than the segment they fall in
 * @param repeats further detections of a segment already found
 * @param backgroundSeconds the recording's length outside every segment
 * @param delaysSeconds the delay of each found segment, in the order of the reference
 */
public record OnsetScore(int onsets, int found, int backgroundFalseAlarms, int wrongSound, int repeats,
        double backgroundSeconds, List<Double> delaysSeconds) {

    /** Reference marks are not sample-exact: a decision this early is still on time. */
    public static final double EARLY_SECONDS = 0.03;

    /** A click's segment is a few ms long; a report within this time of its start still finds it. */
    public static final double MINIMUM_SPAN_SECONDS = 0.25;

    public OnsetScore {
        delaysSeconds = List.copyOf(delaysSeconds);
    }

    /**
     * Scores detections against a reference.
     *
     * @param reference where the sounds are, in any order, not overlapping
     * @param detections what was reported, in any order
     * @param durationSeconds the length of the recording
     */
    public static OnsetScore of(List<Segment> reference, List<Detection> detections, double durationSeconds) {
        List<Segment> truth = new ArrayList<>(reference);
        truth.sort(Comparator.comparingDouble(Segment::startSeconds));
        List<Detection> reports = new ArrayList<>(detections);
        reports.sort(Comparator.comparingDouble(Detection::decidedSeconds));
        double[] delay = new double[truth.size()];
        boolean[] isFound = new boolean[truth.size()];
        int background = 0;
        int wrong = 0;
        int repeats = 0;
        for (Detection d : reports) {
            int match = -1;
            boolean inAnother = false;
            for (int i = 0; i < truth.size(); i++) {
                Segment s = truth.get(i);
                boolean near = d.decidedSeconds() >= s.startSeconds() - EARLY_SECONDS
                        && d.decidedSeconds() < Math.max(s.endSeconds(), s.startSeconds() + MINIMUM_SPAN_SECONDS);
                if (!near) {
                    continue;
                }
                if (s.label().equals(d.label())) {
                    match = i;
                    if (!isFound[i]) {
                        break;
                    }
                } else {
                    inAnother = true;
                }
            }
            if (match >= 0 && !isFound[match]) {
                isFound[match] = true;
                delay[match] = d.decidedSeconds() - truth.get(match).startSeconds();
            } else if (match >= 0) {
                repeats++;
            } else if (inAnother) {
                wrong++;
            } else {
                background++;
            }
        }
        List<Double> delays = new ArrayList<>();
        for (int i = 0; i < truth.size(); i++) {
            if (isFound[i]) {
                delays.add(delay[i]);
            }
        }
        double covered = truth.stream().mapToDouble(Segment::seconds).sum();
        return new OnsetScore(truth.size(), delays.size(), background, wrong, repeats,
                Math.max(0, durationSeconds - covered), delays);
    }

    /** Found segments out of all, 0..1; 0 without segments. */
    public double recall() {
        return onsets == 0 ? 0 : found / (double) onsets;
    }

    /** Every detection that is not the first of a segment's sound. */
    public int falseAlarms() {
        return backgroundFalseAlarms + wrongSound + repeats;
    }

    /** False alarms per minute of background audio; infinite when there is none and something misfired. */
    public double falseAlarmsPerMinute() {
        if (backgroundSeconds <= 0) {
            return falseAlarms() == 0 ? 0 : Double.POSITIVE_INFINITY;
        }
        return falseAlarms() / (backgroundSeconds / 60);
    }

    /** The median delay from onset to report in ms; NaN when nothing was found. */
    public double medianDelayMillis() {
        return delayQuantileMillis(0.5);
    }

    /** The delay 90% of found sounds do not exceed, in ms; NaN when nothing was found. */
    public double p90DelayMillis() {
        return delayQuantileMillis(0.9);
    }

    /** The nearest-rank quantile of the delays, in ms. */
    public double delayQuantileMillis(double q) {
        if (delaysSeconds.isEmpty()) {
            return Double.NaN;
        }
        List<Double> sorted = delaysSeconds.stream().sorted().toList();
        int rank = (int) Math.ceil(q * sorted.size());
        return 1000 * sorted.get(Math.max(0, Math.min(sorted.size() - 1, rank - 1)));
    }

    /** The scores of several recordings as one: counts and seconds add up, delays are pooled. */
    public static OnsetScore pooled(List<OnsetScore> scores) {
        List<Double> delays = new ArrayList<>();
        int onsets = 0;
        int found = 0;
        int background = 0;
        int wrong = 0;
        int repeats = 0;
        double seconds = 0;
        for (OnsetScore s : scores) {
            onsets += s.onsets;
            found += s.found;
            background += s.backgroundFalseAlarms;
            wrong += s.wrongSound;
            repeats += s.repeats;
            seconds += s.backgroundSeconds;
            delays.addAll(s.delaysSeconds);
        }
        return new OnsetScore(onsets, found, background, wrong, repeats, seconds, delays);
    }
}
