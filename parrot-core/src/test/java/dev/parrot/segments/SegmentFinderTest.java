package dev.parrot.segments;

import dev.parrot.testing.LongRecordings;
import dev.parrot.testing.Signals;
import dev.parrot.testing.SyntheticRecordings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SegmentFinderTest {

    private static final int RATE = SyntheticRecordings.RATE;

    @Test
    void burstsInNoiseAreFoundWithin20Milliseconds() {
        for (String sound : List.of("low", "high", "rush")) {
            for (long seed = 1; seed <= 3; seed++) {
                LongRecordings recording = LongRecordings.of(sound, 20, seed);
                List<Segment> found = SegmentFinder.find(recording.samples(), RATE, sound).segments();
                assertEquals(recording.truth().size(), found.size(), sound + " " + seed + ": " + found);
                for (int i = 0; i < found.size(); i++) {
                    Segment truth = recording.truth().get(i);
                    Segment seen = found.get(i);
                    assertEquals(truth.startSeconds(), seen.startSeconds(), 0.02, sound + " start " + i);
                    assertEquals(truth.endSeconds(), seen.endSeconds(), 0.02, sound + " end " + i);
                    assertEquals(sound, seen.label());
                }
            }
        }
    }

    @Test
    void nothingIsFoundInPureNoiseAtAnyLevel() {
        for (double level : new double[] {0.0005, 0.003, 0.05, 0.3}) {
            SegmentFinder.Found found = SegmentFinder.find(Signals.noise(level, 30 * RATE, 11), RATE, "x");
            assertEquals(List.of(), found.segments(), "noise at " + level);
        }
        assertEquals(List.of(), SegmentFinder.find(new float[10 * RATE], RATE, "x").segments(), "digital silence");
        assertEquals(List.of(), SegmentFinder.find(new float[3], RATE, "x").segments(), "shorter than a frame");
    }

    @Test
    void aSoundThatDipsForAMomentIsOneSound() {
        float[] room = LongRecordings.room(2, 3);
        float[] tone = Signals.sine(400, 0.3, RATE, RATE / 5);
        // 200 ms of tone, a 30 ms gap, 200 ms of tone: one segment. Then 300 ms later another: a second one.
        int a = RATE / 2;
        int b = a + tone.length + (int) (0.03 * RATE);
        int c = b + tone.length + (int) (0.3 * RATE);
        for (int start : new int[] {a, b, c}) {
            for (int i = 0; i < tone.length; i++) {
                room[start + i] += tone[i];
            }
        }
        List<Segment> found = SegmentFinder.find(room, RATE, "x").segments();
        assertEquals(2, found.size(), found.toString());
        assertEquals(0.5, found.get(0).startSeconds(), 0.01);
        assertEquals((b + tone.length) / (double) RATE, found.get(0).endSeconds(), 0.01);
    }

    @Test
    void theFloorIsTheRoomAndSoundSecondsAddUp() {
        LongRecordings recording = LongRecordings.of("high", 10, 5);
        SegmentFinder.Found found = SegmentFinder.find(recording.samples(), RATE, "high");
        float[] quiet = LongRecordings.room(10, 5);
        double room = 20 * Math.log10(Signals.rms(quiet, 0, quiet.length));
        assertEquals(room, found.noiseFloorDbfs(), 2.0);
        double truth = recording.truth().stream().mapToDouble(Segment::seconds).sum();
        assertEquals(truth, found.soundSeconds(), 0.02 * recording.truth().size());
        assertTrue(found.soundSeconds() > 0);
    }
}
