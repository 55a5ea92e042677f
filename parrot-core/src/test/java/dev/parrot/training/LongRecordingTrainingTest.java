package dev.parrot.training;

import dev.parrot.audio.WavWriter;
import dev.parrot.model.DetectionCalibration;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.runtime.TestSounds;
import dev.parrot.segments.Segment;
import dev.parrot.testing.LongRecordings;
import dev.parrot.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A sound recorded as Parrot.py's recorder records it, a long recording with its segments in an SRT, beside a sound
 * recorded as takes: the onset model learns both, and calibration's streams hold both, so the detector reports both.
 */
class LongRecordingTrainingTest {

    private static final int RATE = 16_000;

    @Test
    void aShortSoundRecordedOnlyInALongRecordingIsLearnedAndCalibratedOnStreams(@TempDir Path dir)
            throws Exception {
        Path recordings = dir.resolve("recordings");
        for (int t = 0; t < 8; t++) {
            WavWriter.writePcm16(recordings.resolve("low/low_" + t + ".wav"), Signals.concat(
                    TestSounds.quiet(0.1, RATE, t), TestSounds.sound("low", 0.08, RATE, 7 + t),
                    TestSounds.quiet(0.3, RATE, 20 + t)), RATE);
        }
        float[] audio = TestSounds.quiet(42, RATE, 3);
        List<Segment> truth = new ArrayList<>();
        for (int i = 0; i < 28; i++) {
            double at = 0.5 + 1.5 * i;
            float[] sound = TestSounds.sound("high", 0.08, RATE, 10 + i);
            System.arraycopy(sound, 0, audio, (int) (at * RATE), sound.length);
            truth.add(new Segment(at, at + 0.08, "high", 0));
        }
        LongRecordings.writeAsParrotPy(recordings.resolve("high"), "session", audio, RATE, truth);

        ModelDescriptor descriptor = new SoundModelTrainer().train(TrainingRequest.builder(recordings,
                dir.resolve("models"), "mixed").classifier("random-forest", "-I 10").seed(1).folds(4).threads(2)
                .build()).descriptor();
        // The same recordings, settings and seed give the same calibration and onset model, whatever the threads.
        ModelDescriptor again = new SoundModelTrainer().train(TrainingRequest.builder(recordings,
                dir.resolve("again"), "mixed").classifier("random-forest", "-I 10").seed(1).folds(4).threads(1)
                .build()).descriptor();
        assertEquals(descriptor.calibration(), again.calibration());
        assertEquals(descriptor.onsets().examples(), again.onsets().examples());

        ModelDescriptor.OnsetModel onsets = descriptor.onsets();
        assertNotNull(onsets, "an onset model for the short sounds");
        int high = onsets.examples().get(onsets.classes().indexOf("high"));
        assertTrue(high >= 28, "the long recording's segment starts are its examples: " + onsets.examples());
        DetectionCalibration calibration = descriptor.calibration();
        assertTrue(calibration.onStreams(), calibration.method());
        DetectionCalibration.SoundThreshold threshold = calibration.sounds().stream()
                .filter(t -> t.sound().equals("high")).findFirst().orElseThrow();
        assertTrue(threshold.onsets() >= 20, "the segments were placed in the folds' streams: " + threshold);
        assertTrue(threshold.threshold() < 1 && threshold.expectedRecall() >= 0.8,
                "a sound the detector reports: " + threshold);
    }
}
