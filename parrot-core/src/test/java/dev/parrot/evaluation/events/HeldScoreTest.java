package dev.parrot.evaluation.events;

import dev.parrot.segments.Segment;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeldScoreTest {

    @Test
    void coverageIsTheOverlapOfTheSoundsSpansWithItsSegmentsAndTheStopIsMeasuredFromTheSegmentsEnd() {
        List<Segment> truth = List.of(new Segment(1.0, 3.0, "hiss", 0), new Segment(5.0, 6.0, "hiss", 0),
                new Segment(8.0, 9.0, "hum", 0));
        // The first hiss from 1.1 to 2.0, a gap, 2.2 to 3.08; the second never; the hum from 8.05, reported as hiss
        // (no coverage) and as hum from 8.5 to 8.9.
        List<Segment> spans = List.of(new Segment(1.1, 2.0, "hiss", 0), new Segment(2.2, 3.08, "hiss", 0),
                new Segment(8.05, 8.4, "hiss", 0), new Segment(8.5, 8.9, "hum", 0));

        HeldScore s = HeldScore.of(truth, spans);

        assertEquals(3, s.segments());
        assertEquals(4.0, s.trueSeconds(), 1e-9);
        // 0.9 + 0.8 of the first, none of the second, 0.4 of the hum.
        assertEquals(2.1, s.coveredSeconds(), 1e-9);
        assertEquals(2.1 / 4, s.coverage(), 1e-9);
        assertEquals(List.of(0.08, -0.1), s.stopDelaysSeconds().stream().map(d -> Math.round(d * 1000) / 1000.0)
                .toList());
        // The median of 80 and -100 ms.
        assertEquals(-10, s.medianStopDelayMillis(), 1e-6);
    }

    @Test
    void pooledScoresAddUp() {
        HeldScore a = HeldScore.of(List.of(new Segment(0, 1, "hiss", 0)), List.of(new Segment(0, 1.1, "hiss", 0)));
        HeldScore b = HeldScore.of(List.of(new Segment(0, 1, "hiss", 0)), List.of());
        HeldScore both = HeldScore.pooled(List.of(a, b));
        assertEquals(0.5, both.coverage(), 1e-9);
        assertEquals(100, both.medianStopDelayMillis(), 1e-6);
        assertTrue(Double.isNaN(HeldScore.of(List.of(), List.of()).coverage()));
    }
}
