package dev.parrot.calibration;

import dev.parrot.dataset.RecordingFeatures;
import dev.parrot.dataset.SoundDataset;
import dev.parrot.evaluation.HeldOutProbabilities;
import dev.parrot.model.DetectionCalibration;
import dev.parrot.runtime.DetectionSettings;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ThresholdCalibrationTest {

    private static final List<String> LABELS = List.of("kick", "snare", "speech");
    private static final double HOP = 0.015;

    /** Windows whose only feature is their level. */
    private static RecordingFeatures recording(String sound, double... levels) {
        float[][] windows = new float[levels.length][];
        for (int i = 0; i < levels.length; i++) {
            windows[i] = new float[] {(float) levels[i]};
        }
        return new RecordingFeatures(sound + levels.length, sound, levels.length * HOP, windows);
    }

    /**
     * Two kicks (the model is sure of one, unsure of the other), a snare, and a minute of speech with a burst every
     * second; the model takes two of the bursts for kicks at 0.75.
     */
    private static DetectionCalibration calibrate(double target) {
        double[] speechLevels = new double[4000];
        for (int i = 0; i < speechLevels.length; i++) {
            speechLevels[i] = i % 67 == 66 ? -25 : -60;
        }
        List<RecordingFeatures> recordings = List.of(recording("kick", -20, -25, -30),
                recording("kick", -20, -25, -30), recording("snare", -22, -28), recording("speech", speechLevels));
        SoundDataset dataset = new SoundDataset(LABELS, recordings, List.of(), List.of("level_dbfs"));
        HeldOutProbabilities heldOut = new HeldOutProbabilities(recordings, LABELS.size());
        fill(heldOut, 0, 3, 0.9, 0.05, 0.05);
        fill(heldOut, 1, 3, 0.6, 0.4, 0);
        fill(heldOut, 2, 2, 0.02, 0.95, 0.03);
        fill(heldOut, 3, 4000, 0.05, 0.05, 0.9);
        for (int burst : new int[] {66, 66 + 67 * 10}) {
            heldOut.of(3)[burst] = new float[] {0.75f, 0.05f, 0.2f};
        }
        return new ThresholdCalibration(DetectionSettings.onsets(), target).calibrate(dataset, heldOut,
                Set.of("speech"), HOP);
    }

    private static void fill(HeldOutProbabilities heldOut, int recording, int windows, double... p) {
        float[] row = {(float) p[0], (float) p[1], (float) p[2]};
        for (int w = 0; w < windows; w++) {
            heldOut.of(recording)[w] = row.clone();
        }
    }

    private static DetectionCalibration.SoundThreshold of(DetectionCalibration c, String sound) {
        return c.sounds().stream().filter(t -> t.sound().equals(sound)).findFirst().orElseThrow();
    }

    @Test
    void eachSoundGetsTheLowestThresholdWhoseFalseAlarmsStayWithinTheTarget() {
        DetectionCalibration c = calibrate(1.0);
        assertEquals(List.of("kick", "snare"), c.sounds().stream().map(DetectionCalibration.SoundThreshold::sound)
                .toList(), "background labels get no threshold");
        assertEquals(1.0, c.minutesJudged(), 1e-3);
        DetectionCalibration.SoundThreshold kick = of(c, "kick");
        // Two false alarms at 0.75 in a minute of speech: only above 0.75 is the kick within one per minute.
        assertEquals(0.76, kick.threshold(), 1e-9);
        assertEquals(0.5, kick.expectedRecall(), 1e-9);
        assertEquals(0, kick.expectedFalseAlarmsPerMinute(), 1e-9);
        assertEquals(2, kick.onsets());
        DetectionCalibration.SoundThreshold snare = of(c, "snare");
        assertEquals(0.5, snare.threshold(), 1e-9, "no lower than likelier than all others together");
        assertEquals(1.0, snare.expectedRecall(), 1e-9);
        assertEquals("ONSET", c.rule());
    }

    @Test
    void aLooserTargetBuysRecallWithFalseAlarms() {
        DetectionCalibration.SoundThreshold kick = of(calibrate(2.0), "kick");
        assertEquals(0.5, kick.threshold(), 1e-9);
        assertEquals(1.0, kick.expectedRecall(), 1e-9);
        assertEquals(2.0, kick.expectedFalseAlarmsPerMinute(), 1e-9);
    }

    @Test
    void theCurveRunsFromTheLowestThresholdToCertaintyWithFalseAlarmsFalling() {
        List<DetectionCalibration.CurvePoint> curve = of(calibrate(1.0), "kick").curve();
        assertEquals(0.5, curve.get(0).threshold(), 1e-9);
        assertEquals(1.0, curve.get(curve.size() - 1).threshold(), 1e-9);
        List<Double> alarms = new ArrayList<>(curve.stream().map(DetectionCalibration.CurvePoint::falseAlarmsPerMinute)
                .toList());
        List<Double> sorted = new ArrayList<>(alarms);
        sorted.sort((a, b) -> Double.compare(b, a));
        assertEquals(sorted, alarms);
        assertTrue(alarms.get(0) > 0);
    }

    @Test
    void lessThanAMinuteOfBackgroundCountsAsAMinute() {
        // Half a minute of speech with one burst the model takes for a kick.
        double[] speechLevels = new double[2000];
        for (int i = 0; i < speechLevels.length; i++) {
            speechLevels[i] = i % 67 == 66 ? -25 : -60;
        }
        List<RecordingFeatures> recordings = List.of(recording("kick", -20, -25, -30), recording("snare", -22, -28),
                recording("speech", speechLevels));
        SoundDataset dataset = new SoundDataset(LABELS, recordings, List.of(), List.of("level_dbfs"));
        HeldOutProbabilities heldOut = new HeldOutProbabilities(recordings, LABELS.size());
        fill(heldOut, 0, 3, 0.6, 0.4, 0);
        fill(heldOut, 1, 2, 0.02, 0.95, 0.03);
        fill(heldOut, 2, 2000, 0.05, 0.05, 0.9);
        heldOut.of(2)[66] = new float[] {0.75f, 0.05f, 0.2f};
        DetectionCalibration c = new ThresholdCalibration(DetectionSettings.onsets(), 1.0).calibrate(dataset, heldOut,
                Set.of("speech"), HOP);
        assertEquals(0.5, c.minutesJudged(), 1e-3);
        DetectionCalibration.SoundThreshold kick = of(c, "kick");
        assertEquals(0.5, kick.threshold(), 1e-9, "one alarm in half a minute is one per minute, not two");
        assertEquals(1.0, kick.expectedFalseAlarmsPerMinute(), 1e-9);
        assertEquals(1.0, kick.expectedRecall(), 1e-9);
    }

    @Test
    void aNegativeTargetIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new ThresholdCalibration(DetectionSettings.onsets(), -1));
    }
}
