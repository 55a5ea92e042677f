package dev.parrot.runtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class EventDeciderTest {

    private static final List<String> LABELS = List.of("kick", "snare", "speech");
    private static final double HOP = 0.015;
    private static final double[] KICK = {0.9, 0.05, 0.05};
    private static final double[] SPEECH = {0.05, 0.05, 0.9};

    /** Feeds the levels in order; returns the events, and in {@code classified} the windows after the room it classified. */
    private static List<SoundEvent> run(DetectionSettings settings, double[] levels, double[][] probabilities,
            List<Integer> classified) {
        EventDecider decider = new EventDecider(settings, LABELS, HOP);
        List<SoundEvent> events = new ArrayList<>();
        for (int w = 0; w < levels.length; w++) {
            if (decider.wants(w * HOP, levels[w])) {
                if (w >= ROOM) {
                    classified.add(w);
                }
                SoundEvent e = decider.decide(w * HOP, levels[w], probabilities[w]);
                if (e != null) {
                    events.add(e);
                }
            }
        }
        return events;
    }

    /** 1 s of room at -60 dBFS, then the given levels. */
    private static double[] room(double... then) {
        double[] levels = new double[ROOM + then.length];
        java.util.Arrays.fill(levels, -60);
        System.arraycopy(then, 0, levels, ROOM, then.length);
        return levels;
    }

    /** The model hears the room as background (a stream's first window is an onset too), then {@code p}. */
    private static double[][] all(int n, double[] p) {
        double[][] out = new double[n][];
        java.util.Arrays.fill(out, p);
        java.util.Arrays.fill(out, 0, ROOM, SPEECH);
        return out;
    }

    private static final int ROOM = 67;

    private static final DetectionSettings ONSETS = DetectionSettings.defaults().withMinimumLevelDbfs(-70)
            .withOnsets(10, 3).withMuted(Set.of("speech"));

    @Test
    void aHitAboveTheRoomIsReportedOnceAtItsFirstConfidentWindow() {
        double[] levels = room(-35, -30, -33, -38, -45, -52, -58, -60, -60);
        List<Integer> classified = new ArrayList<>();
        List<SoundEvent> events = run(ONSETS, levels, all(levels.length, KICK), classified);
        assertEquals(1, events.size(), events.toString());
        assertEquals("kick", events.get(0).sound());
        assertEquals(67 * HOP, events.get(0).timeSeconds(), 1e-9);
        assertEquals(List.of(67), classified, "nothing is classified after the decision");
    }

    @Test
    void aQuietHitInAQuietRoomCountsAsMuchAsALoudOne() {
        double[] levels = room(-48, -49, -52, -58);
        assertEquals(1, run(ONSETS, levels, all(levels.length, KICK), new ArrayList<>()).size());
        // Parrot.py's rule does not hear it at all below -45 dBFS.
        assertEquals(0, run(DetectionSettings.defaults(), levels, all(levels.length, KICK), new ArrayList<>()).size());
    }

    @Test
    void theFirstOfTheOnsetsWindowsThatIsConfidentEnoughDecides() {
        double[] levels = room(-30, -30, -30, -30, -30);
        double[][] p = all(levels.length, KICK);
        p[67] = new double[] {0.05, 0.05, 0.9};
        p[68] = new double[] {0.6, 0.3, 0.1};
        p[69] = new double[] {0.1, 0.85, 0.05};
        List<Integer> classified = new ArrayList<>();
        List<SoundEvent> events = run(ONSETS, levels, p, classified);
        assertEquals(1, events.size());
        assertEquals("snare", events.get(0).sound());
        assertEquals(69 * HOP, events.get(0).timeSeconds(), 1e-9, "speech is muted, 0.6 is not confident enough");
        assertEquals(0.85, events.get(0).confidence(), 1e-9);
        assertEquals(List.of(67, 68, 69), classified);
    }

    @Test
    void anOnsetThatStaysUnsureIsDroppedAfterItsWindows() {
        double[] levels = room(-30, -30, -30, -30, -30, -30);
        List<Integer> classified = new ArrayList<>();
        List<SoundEvent> events = run(ONSETS, levels, all(levels.length, new double[] {0.5, 0.4, 0.1}), classified);
        assertTrue(events.isEmpty());
        assertEquals(List.of(67, 68, 69), classified);
    }

    @Test
    void aHeldSoundIsOneEventAndANewHitOnItsDecayIsAnother() {
        double[] levels = room(-30, -30, -30, -30, -30, -30, -30, -30, -42, -44, -30, -31, -40);
        List<SoundEvent> events = run(ONSETS, levels, all(levels.length, KICK), new ArrayList<>());
        assertEquals(2, events.size(), events.toString());
        assertEquals(77 * HOP, events.get(1).timeSeconds(), 1e-9);
    }

    @Test
    void backgroundLabelsAreNeverReported() {
        double[] levels = room(-30, -30, -30, -60, -60, -25, -25);
        assertTrue(run(ONSETS, levels, all(levels.length, SPEECH), new ArrayList<>()).isEmpty());
        assertTrue(run(DetectionSettings.defaults().withMuted(Set.of("speech")), levels, all(levels.length, SPEECH),
                new ArrayList<>()).isEmpty());
    }

    @Test
    void everyWindowIsParrotPysRuleWithItsThrottle() {
        double[] levels = room(-30, -30, -30, -30, -30, -30, -30, -30);
        List<Integer> classified = new ArrayList<>();
        List<SoundEvent> events = run(DetectionSettings.defaults(), levels, all(levels.length, KICK), classified);
        assertEquals(8, classified.size(), "every window from -45 dBFS is classified");
        // 8 windows 15 ms apart, one report per 100 ms: at 0, 105 ms.
        assertEquals(2, events.size(), events.toString());
    }
}
