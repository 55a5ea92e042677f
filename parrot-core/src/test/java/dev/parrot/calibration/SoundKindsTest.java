package dev.parrot.calibration;

import dev.parrot.dataset.RecordingFeatures;
import dev.parrot.dataset.SoundDataset;
import dev.parrot.runtime.SoundKind;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoundKindsTest {

    private static final double HOP = 0.015;

    /** A recording whose windows' only feature is their level. */
    private static RecordingFeatures recording(String sound, String part, double... levels) {
        float[][] windows = new float[levels.length][];
        for (int i = 0; i < levels.length; i++) {
            windows[i] = new float[] {(float) levels[i]};
        }
        return new RecordingFeatures(sound + levels.length, sound, levels.length * HOP, windows, part);
    }

    /** An attack and an exponential decay of {@code dbPerWindow}: within 10 dB for 10 / dbPerWindow windows. */
    private static double[] decaying(int windows, double dbPerWindow) {
        double[] levels = new double[windows];
        for (int i = 0; i < windows; i++) {
            levels[i] = -6 - i * dbPerWindow;
        }
        return levels;
    }

    /** Steady at -20 dBFS give or take 3 dB. */
    private static double[] steady(int windows) {
        double[] levels = new double[windows];
        for (int i = 0; i < windows; i++) {
            levels[i] = -20 + 3 * Math.sin(i);
        }
        return levels;
    }

    @Test
    void aSoundThatStaysNearItsLoudestIsHeldAndOneThatDecaysIsShort() {
        SoundDataset dataset = new SoundDataset(List.of("click", "hiss", "speech"), List.of(
                // 3 dB a window: 4 windows (0, 3, 6, 9 dB down) within 10 dB = 60 ms.
                recording("click", "", decaying(20, 3)), recording("click", "", decaying(20, 3)),
                recording("click", "", decaying(20, 2.6)),
                // 30 windows steady = 450 ms.
                recording("hiss", "", steady(30)), recording("hiss", "", steady(40)), recording("hiss", "", steady(10)),
                recording("speech", "", steady(400))), List.of(), List.of("level_dbfs"), List.of("speech"));

        Map<String, SoundKinds.Choice> kinds = SoundKinds.choose(dataset, HOP, Map.of(), "set");

        assertEquals(List.of("click", "hiss"), List.copyOf(kinds.keySet()), "background labels have no kind");
        assertEquals(SoundKind.SHORT, kinds.get("click").kind());
        assertEquals(0.06, kinds.get("click").sustainSeconds(), 1e-9);
        assertEquals(SoundKind.HELD, kinds.get("hiss").kind());
        // The median of 150, 450 and 600 ms; one short take does not make a hiss short.
        assertEquals(0.45, kinds.get("hiss").sustainSeconds(), 1e-9);
        assertTrue(kinds.get("hiss").reason().startsWith("it lasts 0.45 s (median of 3: "), kinds.get("hiss").reason());
    }

    @Test
    void aKindTheUserSetWins() {
        SoundDataset dataset = new SoundDataset(List.of("click", "hiss"), List.of(
                recording("click", "", decaying(20, 3)), recording("hiss", "", steady(30))),
                List.of(), List.of("level_dbfs"));

        Map<String, SoundKinds.Choice> kinds = SoundKinds.choose(dataset, HOP, Map.of("hiss", SoundKind.SHORT),
                "set in the POM");

        assertEquals(SoundKind.SHORT, kinds.get("hiss").kind());
        assertEquals("set in the POM", kinds.get("hiss").reason());
        assertEquals(SoundKind.SHORT, kinds.get("click").kind());
    }

    @Test
    void aLongRecordingCountsEachSegmentByItsLengthNotItsWindowsSideBySide() {
        // Eight pops of 60-120 ms in one recording: its windows, side by side, stay near the loudest for 0.6 s, which
        // would make a take held; its segments say short.
        double[] windows = new double[40];
        java.util.Arrays.fill(windows, -12);
        SoundDataset dataset = new SoundDataset(List.of("pop", "silence"), List.of(
                recording("pop", "0:00-0:08", windows)), List.of(), List.of("level_dbfs"), List.of("silence"),
                Map.of("pop", List.of(0.06, 0.08, 0.1, 0.12, 0.07, 0.09, 0.11, 0.1)));

        SoundKinds.Choice pop = SoundKinds.choose(dataset, HOP, Map.of(), "set").get("pop");

        assertEquals(SoundKind.SHORT, pop.kind());
        assertEquals(0.095, pop.sustainSeconds(), 1e-9);
        // A held sound's segments, the same way.
        SoundDataset hums = new SoundDataset(List.of("hum", "silence"), List.of(recording("hum", "0:00-0:08",
                windows)), List.of(), List.of("level_dbfs"), List.of("silence"), Map.of("hum", List.of(0.9, 1.4)));
        assertEquals(SoundKind.HELD, SoundKinds.choose(hums, HOP, Map.of(), "set").get("hum").kind());
    }
}
