package dev.parrot.runtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Short sounds decided once per onset on its whole segment, as a model with an onset model's detector does. */
class OnsetSegmentDecisionTest {

    private static final List<String> LABELS = List.of("kick", "snare", "speech");
    private static final double HOP = 0.015;
    private static final double WINDOW = 0.030;
    /** 75 ms from the onset's window: complete with the window three hops later (its end at 45 + 30 ms). */
    private static final double SEGMENT = 0.075;
    private static final int ROOM = EventDeciderTest.ROOM;
    private static final DetectionSettings ONSETS = DetectionSettings.onsets().withMuted(Set.of("speech"));
    private static final double[] WINDOW_SPEECH = {0.05, 0.05, 0.9};

    /** What the onset source was asked, at which window, and what it answered. */
    private record Asked(double onsetSeconds, int atWindow) {
    }

    private static List<SoundEvent> run(double[] levels, double[] segment, List<Asked> asked, boolean finish) {
        EventDecider decider = new EventDecider(ONSETS, LABELS, HOP, WINDOW, SEGMENT);
        List<SoundEvent> events = new ArrayList<>();
        int[] now = new int[1];
        for (int w = 0; w < levels.length; w++) {
            now[0] = w;
            decider.next(w * HOP, levels[w], () -> WINDOW_SPEECH, onset -> {
                asked.add(new Asked(onset, now[0]));
                return segment;
            }, SoundListener.all(events::add));
        }
        if (finish) {
            decider.finish(levels.length * HOP + WINDOW, SoundListener.all(events::add));
        }
        return events;
    }

    private static double[] room(double... then) {
        return EventDeciderTest.room(then);
    }

    @Test
    void anOnsetIsDecidedOnceItsSegmentIsCompleteAndReportedAtItsOnset() {
        List<Asked> asked = new ArrayList<>();
        // probabilities: kick, snare, speech, then "no sound"
        List<SoundEvent> events = run(room(-30, -28, -33, -40, -50, -58, -60, -60), new double[] {0.9, 0.05, 0.05, 0.0},
                asked, false);

        // The stream's first window is an onset too (silence before it): asked at window 3, then the hit at ROOM + 3.
        assertEquals(List.of(new Asked(0, 3), new Asked(ROOM * HOP, ROOM + 3)), asked);
        List<SoundEvent> kicks = events.stream().filter(e -> e.timeSeconds() > 0.5).toList();
        assertEquals(1, kicks.size(), events.toString());
        SoundEvent kick = kicks.get(0);
        assertEquals("kick", kick.sound());
        assertEquals(SoundEvent.Phase.ONCE, kick.phase());
        assertEquals(ROOM * HOP, kick.timeSeconds(), 1e-9, "reported with the onset's time");
        assertEquals((ROOM + 3) * HOP + WINDOW, kick.decidedSeconds(), 1e-9, "decided when the segment was complete");
        assertEquals(0.9, kick.confidence(), 1e-9);
        assertEquals(-28, kick.levelDbfs(), 1e-9, "the loudest of the onset's windows so far");
    }

    @Test
    void aSegmentMostProbablyNoSoundOrBackgroundOrBelowTheThresholdReportsNothing() {
        for (double[] p : List.of(new double[] {0.3, 0.1, 0.1, 0.5}, new double[] {0.3, 0.1, 0.6, 0.0},
                new double[] {0.5, 0.3, 0.1, 0.1})) {
            DetectionSettings strict = ONSETS.withConfidence(0.6);
            EventDecider decider = new EventDecider(strict, LABELS, HOP, WINDOW, SEGMENT);
            List<SoundEvent> events = new ArrayList<>();
            double[] levels = room(-30, -28, -33, -40, -50);
            for (int w = 0; w < levels.length; w++) {
                decider.next(w * HOP, levels[w], () -> WINDOW_SPEECH, onset -> p, SoundListener.all(events::add));
            }
            assertTrue(events.isEmpty(), java.util.Arrays.toString(p) + ": " + events);
        }
    }

    @Test
    void anOnsetWithinAnAwaitedSegmentBelongsToIt() {
        List<Asked> asked = new ArrayList<>();
        // A flam: a second rise 30 ms after the first, inside its segment.
        run(room(-40, -45, -28, -30, -40, -50, -58, -60, -60, -60), new double[] {0.9, 0.05, 0.05, 0.0}, asked, false);

        assertEquals(2, asked.size(), "the stream's start and the flam, once: " + asked);
    }

    @Test
    void theEndOfTheStreamDecidesAnOnsetStillAwaitingItsSegment() {
        List<Asked> asked = new ArrayList<>();
        List<SoundEvent> events = run(room(-30, -28), new double[] {0.9, 0.05, 0.05, 0.0}, asked, true);

        assertEquals(ROOM * HOP, asked.get(asked.size() - 1).onsetSeconds(), 1e-9);
        assertTrue(events.stream().anyMatch(e -> e.sound().equals("kick") && e.timeSeconds() > 0.5), events.toString());
    }

    @Test
    void shortSoundsDecidedBySegmentAskForNoWindowProbabilities() {
        EventDecider decider = new EventDecider(ONSETS, LABELS, HOP, WINDOW, SEGMENT);
        assertTrue(decider.bySegment());
        double[] levels = room(-30, -28, -33, -40);
        for (int w = 0; w < levels.length; w++) {
            boolean classified = decider.next(w * HOP, levels[w], () -> {
                throw new AssertionError("a window was classified");
            }, onset -> new double[] {0.1, 0.1, 0.1, 0.7}, SoundListener.all(e -> { }));
            assertFalse(classified);
        }
        assertFalse(new EventDecider(ONSETS, LABELS, HOP).bySegment());
    }
}
