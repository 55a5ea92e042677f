package dev.parrot.evaluation.events;

import dev.parrot.segments.Segment;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * How a detector followed held sounds (a hiss, a hum) against a reference: for how much of each true held sound it
 * reported that sound as going on, and how soon after the sound's end it said it stopped.
 *
 * <p>A held sound's report is a span, from its start to its stop. The coverage of a true segment is the time within
 * it that spans of its sound overlap; its stop delay is from the segment's end to the end of the span that overlaps
 * the segment's end or, failing that, the last span that overlaps the segment (negative when it stopped early).
 *
 * @param segments true segments of held sounds
 * @param trueSeconds their length in all
 * @param coveredSeconds the part of it reported
 * @param stopDelaysSeconds per segment reported at all, in reference order
 */
public record HeldScore(int segments, double trueSeconds, double coveredSeconds, List<Double> stopDelaysSeconds) {

    public HeldScore {
        stopDelaysSeconds = List.copyOf(stopDelaysSeconds);
    }

    /**
     * @param reference the true segments of held sounds only
     * @param spans what the detector reported of held sounds, each from its start to its stop
     */
    public static HeldScore of(List<Segment> reference, List<Segment> spans) {
        double trueSeconds = 0;
        double covered = 0;
        List<Double> delays = new ArrayList<>();
        for (Segment truth : reference) {
            trueSeconds += truth.endSeconds() - truth.startSeconds();
            Segment last = null;
            for (Segment span : spans) {
                if (!span.label().equals(truth.label())) {
                    continue;
                }
                double overlap = Math.min(span.endSeconds(), truth.endSeconds())
                        - Math.max(span.startSeconds(), truth.startSeconds());
                if (overlap > 0) {
                    covered += overlap;
                    last = span;
                }
            }
            if (last != null) {
                delays.add(last.endSeconds() - truth.endSeconds());
            }
        }
        return new HeldScore(reference.size(), trueSeconds, covered, delays);
    }

    /** The scores of several recordings as one. */
    public static HeldScore pooled(List<HeldScore> scores) {
        int segments = 0;
        double trueSeconds = 0;
        double covered = 0;
        List<Double> delays = new ArrayList<>();
        for (HeldScore s : scores) {
            segments += s.segments;
            trueSeconds += s.trueSeconds;
            covered += s.coveredSeconds;
            delays.addAll(s.stopDelaysSeconds);
        }
        return new HeldScore(segments, trueSeconds, covered, delays);
    }

    /** The share of the held sounds' length reported, 0..1; NaN without held sounds. */
    public double coverage() {
        return trueSeconds > 0 ? coveredSeconds / trueSeconds : Double.NaN;
    }

    /** The median stop delay in ms; NaN when no held sound was reported. */
    public double medianStopDelayMillis() {
        if (stopDelaysSeconds.isEmpty()) {
            return Double.NaN;
        }
        double[] d = stopDelaysSeconds.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        double median = d.length % 2 == 1 ? d[d.length / 2] : (d[d.length / 2 - 1] + d[d.length / 2]) / 2;
        return median * 1000;
    }

    /** Whether the reference held any held sound. */
    public boolean measured() {
        return segments > 0;
    }

    @Override
    public String toString() {
        return "HeldScore" + Arrays.asList(segments, trueSeconds, coveredSeconds, stopDelaysSeconds);
    }
}
