package dev.parrot.evaluation.events;

import dev.parrot.segments.Segment;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimelineComparisonTest {

    private static final double FRAME = 0.01;

    private static TimelineComparison compare(List<Segment> heard) {
        List<Segment> truth = List.of(new Segment(1.0, 2.0, "hiss", 0), new Segment(4.0, 4.5, "pop", 0));
        return TimelineComparison.of(truth, heard, 6.0, FRAME);
    }

    private static void assertPieces(TimelineComparison c, TimelineError kind, int count, double averageMillis) {
        assertEquals(count, c.count(kind), kind.label());
        assertEquals(averageMillis, c.averageMillis(kind), 1e-6, kind.label());
    }

    @Test
    void aPerfectDetectorMakesNoErrors() {
        TimelineComparison c = compare(List.of(new Segment(1.0, 2.0, "hiss", 0), new Segment(4.0, 4.5, "pop", 0)));
        for (TimelineError kind : TimelineError.values()) {
            assertEquals(0, c.count(kind), kind.label());
        }
    }

    @Test
    void lateStartEarlyEndAndAGapInsideASoundAreLagCutOffAndStutter() {
        TimelineComparison c = compare(List.of(new Segment(1.1, 1.4, "hiss", 0), new Segment(1.5, 1.8, "hiss", 0),
                new Segment(4.0, 4.5, "pop", 0)));
        assertPieces(c, TimelineError.LAG, 1, 100);
        assertPieces(c, TimelineError.STUTTER, 1, 100);
        assertPieces(c, TimelineError.CUT_OFF, 1, 200);
        assertEquals(0, c.count(TimelineError.FULL_MISS));
    }

    @Test
    void aSoundNeverHeardOrHeardAsAnotherIsAFullMiss() {
        TimelineComparison c = compare(List.of(new Segment(1.0, 2.0, "pop", 0)));
        assertPieces(c, TimelineError.FULL_MISS, 2, 750);
    }

    @Test
    void soundsHeardInTheBackgroundAreEarlyStartsLateStopsOrFullFalsePositives() {
        TimelineComparison c = compare(List.of(new Segment(0.8, 2.0, "hiss", 0), new Segment(2.5, 2.6, "pop", 0),
                new Segment(4.0, 4.7, "pop", 0)));
        assertPieces(c, TimelineError.EARLY_START, 1, 200);
        assertPieces(c, TimelineError.FULL_FALSE_POSITIVE, 1, 100);
        assertPieces(c, TimelineError.LATE_STOP, 1, 200);
    }

    @Test
    void aSoundHeardAcrossAWholeGapIsAMissedDip() {
        List<Segment> truth = List.of(new Segment(1.0, 1.5, "hiss", 0), new Segment(1.7, 2.0, "hiss", 0));
        TimelineComparison c = TimelineComparison.of(truth, List.of(new Segment(1.0, 2.0, "hiss", 0)), 3.0, FRAME);
        assertPieces(c, TimelineError.MISSED_DIP, 1, 200);
    }
}
