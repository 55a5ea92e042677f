package dev.parrot.evaluation.events;

import dev.parrot.segments.Segment;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Compares what a detector heard with the reference frame by frame, as Parrot.py compares its detections with an SRT:
 * every frame has an expected label (a segment's, or none for background) and a heard one; each stretch of frames
 * where they differ is cut at the edges of the reference's stretches (segments and the background between them), and
 * each piece is a {@link TimelineError} by where it lies in its stretch. Measured in frames, reported in ms.
 *
 * @param frameSeconds the length of a frame
 * @param errors the length in ms of each piece, by kind
 */
public record TimelineComparison(double frameSeconds, Map<TimelineError, List<Double>> errors) {

    /** Parrot.py's frame: one hop of its windows. */
    public static final double DEFAULT_FRAME_SECONDS = 0.015;

    public TimelineComparison {
        Map<TimelineError, List<Double>> copy = new EnumMap<>(TimelineError.class);
        for (TimelineError kind : TimelineError.values()) {
            copy.put(kind, List.copyOf(errors.getOrDefault(kind, List.of())));
        }
        errors = Collections.unmodifiableMap(copy);
    }

    /**
     * Compares two timelines of the same recording.
     *
     * @param reference where the sounds are, not overlapping
     * @param heard what the detector took for sounds, not overlapping (a later segment wins where they do)
     * @param durationSeconds the recording's length
     * @param frameSeconds the resolution
     */
    public static TimelineComparison of(List<Segment> reference, List<Segment> heard, double durationSeconds,
            double frameSeconds) {
        int frames = (int) Math.ceil(durationSeconds / frameSeconds);
        String[] expected = labels(reference, frames, frameSeconds);
        String[] actual = labels(heard, frames, frameSeconds);
        // Stretch index per frame: segments and the background between them each make one stretch.
        int[] stretch = new int[frames];
        for (int f = 1; f < frames; f++) {
            boolean boundary = !same(expected[f], expected[f - 1]) || startsSegment(reference, f, frameSeconds);
            stretch[f] = stretch[f - 1] + (boundary ? 1 : 0);
        }
        Map<TimelineError, List<Double>> errors = new EnumMap<>(TimelineError.class);
        int f = 0;
        while (f < frames) {
            if (same(expected[f], actual[f])) {
                f++;
                continue;
            }
            int from = f;
            while (f < frames && !same(expected[f], actual[f]) && stretch[f] == stretch[from]) {
                f++;
            }
            boolean atStart = from == 0 || stretch[from - 1] != stretch[from];
            boolean atEnd = f == frames || stretch[f] != stretch[from];
            TimelineError kind = TimelineError.of(expected[from] != null, atStart, atEnd);
            errors.computeIfAbsent(kind, k -> new ArrayList<>()).add((f - from) * frameSeconds * 1000);
        }
        return new TimelineComparison(frameSeconds, errors);
    }

    /** How many pieces of this kind there were. */
    public int count(TimelineError kind) {
        return errors.get(kind).size();
    }

    /** Their mean length in ms; 0 when there were none. */
    public double averageMillis(TimelineError kind) {
        return errors.get(kind).stream().mapToDouble(Double::doubleValue).average().orElse(0);
    }

    /** Several recordings' comparisons as one: the pieces pooled. */
    public static TimelineComparison pooled(List<TimelineComparison> comparisons, double frameSeconds) {
        Map<TimelineError, List<Double>> errors = new EnumMap<>(TimelineError.class);
        for (TimelineComparison c : comparisons) {
            c.errors.forEach((kind, list) -> errors.computeIfAbsent(kind, k -> new ArrayList<>()).addAll(list));
        }
        return new TimelineComparison(frameSeconds, errors);
    }

    private static String[] labels(List<Segment> segments, int frames, double frameSeconds) {
        String[] labels = new String[frames];
        List<Segment> sorted = new ArrayList<>(segments);
        sorted.sort(Comparator.comparingDouble(Segment::startSeconds));
        for (Segment s : sorted) {
            int from = (int) Math.round(s.startSeconds() / frameSeconds);
            int to = Math.min(frames, (int) Math.round(s.endSeconds() / frameSeconds));
            for (int f = Math.max(0, from); f < to; f++) {
                labels[f] = s.label();
            }
        }
        return labels;
    }

    /** Two segments of one sound that touch are still two stretches. */
    private static boolean startsSegment(List<Segment> reference, int frame, double frameSeconds) {
        for (Segment s : reference) {
            if ((int) Math.round(s.startSeconds() / frameSeconds) == frame) {
                return true;
            }
        }
        return false;
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }
}
