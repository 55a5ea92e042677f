package dev.parrot.evaluation.events;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TimelineComparisonTest {

    private static final double FRAME = 0.01;

    private static TimelineComparison compare(List<Segment> heard) {
        List<Segment> truth = List.of(new Segment(1.0, 2.0, "hiss"), new Segment(4.0, 4.5, "pop"));
        return TimelineComparison.of(truth, heard, 6.0, FRAME);
    }

    @Test
    void aPerfectDetectorMakesNoErrors() {
        TimelineComparison c = compare(List.of(new Segment(1.0, 2.0, "hiss"), new Segment(4.0, 4.5, "pop")));
        for (TimelineError kind : TimelineError.values()) {
            assertEquals(0, c.count(kind), kind.label());
        }
    }

    @Test
    void lateStartEarlyEndAndAGapInsideASoundAreLagCutOffAndStutter() {
        TimelineComparison c = compare(List.of(new Segment(1.1, 1.4, "hiss"), new Segment(1.5, 1.8, "hiss"),
                new Segment(4.0, 4.5, "pop")));
        assertEquals(1, c.count(TimelineError.LAG));
        assertEquals(100, c.averageMillis(TimelineError.LAG), 1e-6);
        assertEquals(1, c.count(TimelineError.STUTTER));
        assertEquals(100, c.averageMillis(TimelineError.STUTTER), 1e-6);
        assertEquals(1, c.count(TimelineError.CUT_OFF));
        assertEquals(200, c.averageMillis(TimelineError.CUT_OFF), 1e-6);
        assertEquals(0, c.count(TimelineError.FULL_MISS));
    }

    @Test
    void aSoundNeverHeardOrHeardAsAnotherIsAFullMiss() {
        TimelineComparison c = compare(List.of(new Segment(1.0, 2.0, "pop")));
        assertEquals(2, c.count(TimelineError.FULL_MISS));
        assertEquals(750, c.averageMillis(TimelineError.FULL_MISS), 1e-6);
    }

    @Test
    void soundsHeardInTheBackgroundAreEarlyStartsLateStopsOrFullFalsePositives() {
        TimelineComparison c = compare(List.of(new Segment(0.8, 2.0, "hiss"), new Segment(2.5, 2.6, "pop"),
                new Segment(4.0, 4.7, "pop")));
        assertEquals(1, c.count(TimelineError.EARLY_START));
        assertEquals(200, c.averageMillis(TimelineError.EARLY_START), 1e-6);
        assertEquals(1, c.count(TimelineError.FULL_FALSE_POSITIVE));
        assertEquals(100, c.averageMillis(TimelineError.FULL_FALSE_POSITIVE), 1e-6);
        assertEquals(1, c.count(TimelineError.LATE_STOP));
        assertEquals(200, c.averageMillis(TimelineError.LATE_STOP), 1e-6);
    }

    @Test
    void aSoundHeardAcrossAWholeGapIsAMissedDip() {
        List<Segment> truth = List.of(new Segment(1.0, 1.5, "hiss"), new Segment(1.7, 2.0, "hiss"));
        TimelineComparison c = TimelineComparison.of(truth, List.of(new Segment(1.0, 2.0, "hiss")), 3.0, FRAME);
        assertEquals(1, c.count(TimelineError.MISSED_DIP));
        assertEquals(200, c.averageMillis(TimelineError.MISSED_DIP), 1e-6);
    }
}
