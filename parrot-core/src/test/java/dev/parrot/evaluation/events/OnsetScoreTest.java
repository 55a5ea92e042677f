package dev.parrot.evaluation.events;

import dev.parrot.segments.Segment;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnsetScoreTest {

    private static final List<Segment> TRUTH = List.of(new Segment(1.0, 1.1, "kick", 0), new Segment(3.0, 3.6, "snare", 0),
            new Segment(5.0, 5.05, "kick", 0));

    @Test
    void firstReportOfTheRightSoundFindsASegmentAndItsDelayIsFromTheOnset() {
        OnsetScore s = OnsetScore.of(TRUTH, List.of(new Detection("kick", 1.04), new Detection("snare", 3.06),
                new Detection("kick", 5.2)), 60);
        assertEquals(3, s.found());
        assertEquals(1.0, s.recall());
        assertEquals(0, s.falseAlarms());
        assertEquals(List.of(0.04, 0.06, 0.2), s.delaysSeconds().stream().map(d -> Math.round(d * 1000) / 1000.0)
                .toList());
        assertEquals(60, s.medianDelayMillis(), 1e-6);
        assertEquals(200, s.p90DelayMillis(), 1e-6);
    }

    @Test
    void repeatsWrongSoundsAndBackgroundReportsAreFalseAlarmsPerMinuteOfBackground() {
        OnsetScore s = OnsetScore.of(TRUTH, List.of(new Detection("kick", 1.03), new Detection("kick", 1.08),
                new Detection("kick", 3.1), new Detection("snare", 10), new Detection("snare", 2.0)), 60.75);
        assertEquals(1, s.found());
        assertEquals(1, s.repeats());
        assertEquals(1, s.wrongSound());
        assertEquals(2, s.backgroundFalseAlarms());
        // 60.75 s minus the 0.75 s of segments: one minute of background.
        assertEquals(4.0, s.falseAlarmsPerMinute(), 1e-9);
        assertEquals(1 / 3.0, s.recall(), 1e-9);
    }

    @Test
    void reportsTooEarlyOrTooLateDoNotFindTheSound() {
        OnsetScore s = OnsetScore.of(TRUTH, List.of(new Detection("kick", 0.95), new Detection("kick", 5.26)), 60);
        assertEquals(0, s.found());
        assertEquals(2, s.backgroundFalseAlarms());
        assertTrue(Double.isNaN(s.medianDelayMillis()));
        // Within the early tolerance and within the minimum span of a short segment.
        OnsetScore near = OnsetScore.of(TRUTH, List.of(new Detection("kick", 0.98), new Detection("kick", 5.24)), 60);
        assertEquals(2, near.found());
    }

    @Test
    void pooledScoresAddCountsAndBackgroundTime() {
        OnsetScore a = OnsetScore.of(TRUTH, List.of(new Detection("kick", 1.05), new Detection("tom", 20)), 30.75);
        OnsetScore b = OnsetScore.of(TRUTH, List.of(new Detection("snare", 3.1)), 30.75);
        OnsetScore both = OnsetScore.pooled(List.of(a, b));
        assertEquals(6, both.onsets());
        assertEquals(2, both.found());
        assertEquals(1.0, both.falseAlarmsPerMinute(), 1e-9);
        assertEquals(2, both.delaysSeconds().size());
    }
}
