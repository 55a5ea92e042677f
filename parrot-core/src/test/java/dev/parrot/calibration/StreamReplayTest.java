package dev.parrot.calibration;

import dev.parrot.model.DetectionCalibration;
import dev.parrot.runtime.DetectionSettings;
import dev.parrot.runtime.SoundKind;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamReplayTest {

    private static final int RATE = 16_000;
    private static final int HOP = 240;
    private static final List<String> LABELS = List.of("kick", "snare", "speech");

    /**
     * Room at -60 dBFS with a rise at each of the given windows; the onset model hears {@code heard[i]} at onset i
     * (index into kick, snare, speech, no sound) with 0.9.
     */
    private static StreamReplay.Stream stream(int[] rises, int[] heard, List<SimulatedStream.Truth> truth) {
        double[] levels = new double[rises[rises.length - 1] + 40];
        java.util.Arrays.fill(levels, -60);
        Map<Long, double[]> onsets = new HashMap<>();
        // The stream's first window is an onset too: silence before it.
        onsets.put(0L, new double[] {0, 0, 0, 1});
        for (int i = 0; i < rises.length; i++) {
            levels[rises[i]] = -30;
            levels[rises[i] + 1] = -28;
            for (int w = rises[i] + 2; w < rises[i] + 8; w++) {
                levels[w] = -40;
            }
            double[] p = new double[4];
            p[heard[i]] = 0.9;
            p[(heard[i] + 1) % 4] = 0.1;
            onsets.put((long) rises[i] * HOP, p);
        }
        return new StreamReplay.Stream(levels, new float[levels.length][], onsets, truth, 60);
    }

    @Test
    void aHeldSoundStartsNoLowerThanItsFloorThoughLowerCostsNoFalseAlarmHere() {
        double hop = HOP / (double) RATE;
        List<String> labels = List.of("kick", "hiss", "speech");
        // A hiss from window 100 to 160 that the window model hears at 30%: the most probable, never a majority.
        double[] levels = new double[400];
        java.util.Arrays.fill(levels, -60);
        float[][] rows = new float[levels.length][];
        for (int w = 0; w < levels.length; w++) {
            rows[w] = new float[] {0.05f, 0.05f, 0.9f};
        }
        for (int w = 100; w < 160; w++) {
            levels[w] = -30;
            rows[w] = new float[] {0.25f, 0.30f, 0.25f};
        }
        Map<Long, double[]> onsets = new HashMap<>();
        onsets.put(0L, new double[] {0, 0, 0, 1});
        onsets.put(100L * HOP, new double[] {0.2, 0.3, 0.3, 0.2});
        StreamReplay replay = new StreamReplay(RATE, HOP, 480, 0.075);
        replay.add(new StreamReplay.Stream(levels, rows, onsets, List.of(new SimulatedStream.Truth(100 * hop,
                160 * hop, 1)), 60));
        Map<String, SoundKinds.Choice> kinds = Map.of("kick", new SoundKinds.Choice(SoundKind.SHORT, "set", 0.05),
                "hiss", new SoundKinds.Choice(SoundKind.HELD, "set", 1.0));

        DetectionCalibration c = new ThresholdCalibration(DetectionSettings.onsets(), 1.0).calibrate(replay, labels,
                Set.of("speech"), kinds, new DetectionCalibration.Streams(1, 400 * hop / 60, 1, List.of("speech"), 75));

        DetectionCalibration.SoundThreshold hiss = c.sounds().stream().filter(t -> t.sound().equals("hiss"))
                .findFirst().orElseThrow();
        assertTrue(hiss.threshold() >= ThresholdCalibration.HELD_LOWEST_PERCENT_ON_STREAMS / 100.0,
                "at 30% it would start with no false alarm in these streams, and another voice would start it too: "
                        + hiss);
        assertEquals(0.0, hiss.expectedRecall(), 1e-9);
        assertEquals(0.35, c.streams().falseAlarmShare(), 1e-9);
    }

    @Test
    void aReportAtItsSoundIsAHitElsewhereAFalseAlarmAndOfAnotherSoundAMiss() {
        double hop = HOP / (double) RATE;
        // Onsets at windows 100 (a kick, heard as kick), 200 (a snare, heard as kick), 300 (speech, heard as kick),
        // 400 (a kick, heard as "no sound").
        List<SimulatedStream.Truth> truth = List.of(new SimulatedStream.Truth(100 * hop + 0.01, 100 * hop + 0.2, 0),
                new SimulatedStream.Truth(200 * hop + 0.01, 200 * hop + 0.2, 1),
                new SimulatedStream.Truth(400 * hop + 0.01, 400 * hop + 0.2, 0));
        StreamReplay replay = new StreamReplay(RATE, HOP, 480, 0.075);
        replay.add(stream(new int[] {100, 200, 300, 400}, new int[] {0, 0, 2, 3}, truth));

        DetectionSettings settings = DetectionSettings.onsets().toBuilder().confidence(0.5).mute(Set.of("speech"))
                .build();
        ThresholdCalibration.Figures f = replay.run(settings, LABELS);

        assertEquals(2, f.ownRecordings[0]);
        assertEquals(1, f.hits[0], "the first kick found, the second heard as no sound");
        assertEquals(0, f.hits[1], "the snare heard as a kick is missed");
        assertEquals(0, f.alarms[0], "a kick at a snare is no false alarm; speech is muted");
        assertEquals(0.5, f.recall(0), 1e-9);

        // Speech heard as a kick: a kick in the background.
        replay = new StreamReplay(RATE, HOP, 480, 0.075);
        replay.add(stream(new int[] {100, 200, 300, 400}, new int[] {0, 0, 0, 3}, truth));
        f = replay.run(settings, LABELS);
        assertEquals(1, f.alarms[0]);
        // Above every probability, nothing is reported.
        f = replay.run(settings.toBuilder().confidence(0.95).build(), LABELS);
        assertEquals(0, f.alarms[0] + f.hits[0]);
        assertEquals(1, replay.count());
        assertEquals(1.0, replay.backgroundSeconds() / 60, 1e-9);
    }
}
