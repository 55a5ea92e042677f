package dev.parrot.runtime;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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
            int window = w;
            decider.next(w * HOP, levels[w], () -> {
                if (window >= ROOM) {
                    classified.add(window);
                }
                return probabilities[window];
            }, SoundListener.all(events::add));
        }
        return events;
    }

    /** 1 s of room at -60 dBFS, then the given levels. */
    static double[] room(double... then) {
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

    static final int ROOM = 67;

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

    // Held sounds: "snare" stands for a hiss here. Smoothed over 4 windows, start at 0.8, kept down to 0.5.
    private static final double[] SNARE = {0.05, 0.9, 0.05};
    private static final double[] DIP = {0.3, 0.4, 0.3};

    private static final DetectionSettings HELD = ONSETS.toBuilder().sound("snare", s -> s.withKind(SoundKind.HELD))
            .build();

    /** Every event, of every phase, with the stream ended after the last window when {@code finish}. */
    private static List<SoundEvent> hear(double[] levels, double[][] p, boolean finish, List<Integer> classified) {
        List<SoundEvent> events = new ArrayList<>();
        EventDecider decider = new EventDecider(HELD, LABELS, HOP);
        for (int w = 0; w < levels.length; w++) {
            int window = w;
            decider.next(w * HOP, levels[w], () -> {
                classified.add(window);
                return p[window];
            }, SoundListener.all(events::add));
        }
        if (finish) {
            decider.finish(levels.length * HOP, SoundListener.all(events::add));
        }
        return events;
    }

    private static String phases(List<SoundEvent> events) {
        StringBuilder b = new StringBuilder();
        for (SoundEvent e : events) {
            b.append(e.sound()).append(' ').append(e.phase()).append(' ')
                    .append(Math.round(e.timeSeconds() / HOP) - ROOM).append("; ");
        }
        return b.toString();
    }

    @Test
    void aHeldSoundStartsOnceSmoothedRepeatsEveryThrottleAndStopsWhenItFades() {
        // 20 windows of hiss (300 ms), then 10 of room.
        double[] levels = room(-30, -30, -30, -30, -30, -30, -30, -30, -30, -30, -30, -30, -30, -30, -30, -30, -30,
                -30, -30, -30, -60, -60, -60, -60, -60, -60, -60, -60, -60, -60);
        double[][] p = all(levels.length, SNARE);
        for (int w = ROOM + 20; w < levels.length; w++) {
            p[w] = SPEECH;
        }
        List<SoundEvent> events = hear(levels, p, false, new ArrayList<>());
        // The mean of the last 4 windows reaches 0.8 at the 4th snare window (3 give (0.05 + 3 x 0.9) / 4 = 0.69).
        // Then every 100 ms (7 hops: 105 ms), and the stop at the 1st room window, 30 dB below the hiss: its level
        // falls before its mean probability does (that would fall under 0.5 only at the 2nd room window).
        assertEquals("snare START 3; snare CONTINUING 10; snare CONTINUING 17; snare STOP 20; ", phases(events));
    }

    @Test
    void theQuietAfterAHeldSoundDoesNotStartItAgainEvenWhenItLooksLikeIt() {
        // 10 windows of hiss, then 20 of room that the model still takes for the hiss (no quiet room learnt).
        double[] levels = room(-30, -30, -30, -30, -30, -30, -30, -30, -30, -30, -60, -60, -60, -60, -60, -60, -60,
                -60, -60, -60, -60, -60, -60, -60, -60, -60, -60, -60, -60, -60);
        double[][] p = all(levels.length, SNARE);
        List<SoundEvent> events = new ArrayList<>();
        EventDecider decider = new EventDecider(HELD, LABELS, HOP);
        for (int w = 0; w < levels.length; w++) {
            int window = w;
            decider.next(w * HOP, levels[w], () -> p[window], SoundListener.all(events::add));
        }
        // Stopped by the fall in level at the 1st room window; the second after it is no place for a new start.
        assertEquals("snare START 3; snare STOP 10; ", phases(events));
    }

    @Test
    void aSyllableDoesNotStartAHeldSoundAndADipDoesNotStopIt() {
        double[] levels = room(-30, -30, -60, -60, -60, -60, -30, -30, -30, -30, -30, -30, -30, -30, -30, -30);
        double[][] p = all(levels.length, SNARE);
        // A syllable that sounds like the snare for two windows (0 and 1): their mean with the room before stays at
        // (2 x 0.05 + 2 x 0.9) / 4 = 0.475, under 0.8. Then speech.
        p[ROOM + 2] = SPEECH;
        p[ROOM + 3] = SPEECH;
        p[ROOM + 4] = SPEECH;
        p[ROOM + 5] = SPEECH;
        // A held snare from window 6, started at the 4th (9); one window dips to 0.4 at window 12 (mean 0.775, above
        // the keep threshold 0.5).
        p[ROOM + 12] = DIP;
        List<SoundEvent> events = hear(levels, p, true, new ArrayList<>());
        assertEquals("snare START 9; snare STOP 16; ", phases(events), "one start, kept through the dip, stopped at"
                + " the end of the stream");
    }

    @Test
    void aWindowTooQuietToClassifyStopsAHeldSoundAtOnce() {
        double[] levels = room(-30, -30, -30, -30, -30, -80, -80);
        List<Integer> classified = new ArrayList<>();
        List<SoundEvent> events = hear(levels, all(levels.length, SNARE), false, classified);
        assertEquals("snare START 3; snare STOP 5; ", phases(events));
        assertTrue(events.get(1).probabilities().isEmpty(), "the stop's window was not classified");
        assertFalse(classified.contains(ROOM + 5), "a window below the minimum level is never classified");
    }

    @Test
    void shortAndHeldSoundsAreDecidedSideBySide() {
        // A kick at the onset, then the snare held: the kick once, the snare from its start.
        double[] levels = room(-30, -30, -30, -30, -30, -30, -30, -30, -30, -30);
        double[][] p = all(levels.length, SNARE);
        p[ROOM] = KICK;
        assertEquals("kick ONCE 0; snare START 4; ", phases(hear(levels, p, false, new ArrayList<>())));
    }

    @Test
    void theDefaultListenerHearsNoStops() {
        double[] levels = room(-30, -30, -30, -30, -30, -80);
        List<SoundEvent> recognised = new ArrayList<>();
        EventDecider decider = new EventDecider(HELD, LABELS, HOP);
        double[][] p = all(levels.length, SNARE);
        for (int w = 0; w < levels.length; w++) {
            int window = w;
            // A lambda, as programs written before held sounds pass one.
            decider.next(w * HOP, levels[w], () -> p[window], recognised::add);
        }
        assertEquals("snare START 3; ", phases(recognised));
    }
}
