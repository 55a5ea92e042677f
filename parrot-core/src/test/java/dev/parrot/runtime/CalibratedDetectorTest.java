package dev.parrot.runtime;

import be.tarsos.dsp.AudioDispatcher;
import be.tarsos.dsp.io.jvm.AudioDispatcherFactory;
import dev.parrot.model.DetectionCalibration;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.ModelFiles;
import dev.parrot.runtime.tarsos.TarsosDetector;
import dev.parrot.testing.Signals;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.parrot.runtime.TestSounds.RATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibratedDetectorTest {

    @Test
    void trainingCalibratesAThresholdPerSoundAndTheModelsOwnDetectorUsesThem() throws Exception {
        SoundModel model = TestSounds.model();
        DetectionCalibration calibration = model.descriptor().calibration();
        assertNotNull(calibration, "the model JSON holds the calibration");
        assertEquals(model.labels(), calibration.sounds().stream()
                .map(DetectionCalibration.SoundThreshold::sound).toList());
        for (DetectionCalibration.SoundThreshold t : calibration.sounds()) {
            assertTrue(t.threshold() >= 0.2 && t.threshold() <= 1, t.toString());
            assertTrue(t.expectedFalseAlarmsPerMinute() <= calibration.targetFalseAlarmsPerMinute(), t.toString());
            assertTrue(t.expectedRecall() > 0.5, "three sounds this easy are found: " + t);
            assertEquals(t.threshold(), model.detectionSettings().confidenceOf(t.sound()), 0.0);
        }
        assertEquals(DecisionRule.ONSET, model.detectionSettings().rule());
    }

    @Test
    void theCalibratedDetectorReportsEachSoundOnceSoonAfterItStarts() throws Exception {
        // Quiet, each sound for 0.3 s from 0.5, 1.3 and 2.1 s, quiet between.
        float[] performance = Signals.concat(TestSounds.quiet(0.5, RATE, 1), TestSounds.sound("low", 0.3, RATE, 2),
                TestSounds.quiet(0.5, RATE, 3), TestSounds.sound("high", 0.3, RATE, 4),
                TestSounds.quiet(0.5, RATE, 5), TestSounds.sound(TestSounds.SOUNDS[2], 0.3, RATE, 6),
                TestSounds.quiet(0.5, RATE, 7));
        AudioDispatcher dispatcher = AudioDispatcherFactory.fromFloatArray(performance, RATE, 1024, 0);
        List<SoundEvent> events = new ArrayList<>();
        TarsosDetector.attach(TestSounds.model().newDetector(events::add), dispatcher);
        dispatcher.run();

        assertEquals(Arrays.asList(TestSounds.SOUNDS), events.stream().map(SoundEvent::sound).toList(),
                events.toString());
        double[] starts = {0.5, 1.3, 2.1};
        double window = TestSounds.model().settings().windowSamples() / (double) RATE;
        for (int i = 0; i < starts.length; i++) {
            double delay = events.get(i).timeSeconds() + window - starts[i];
            assertTrue(delay >= 0 && delay <= 0.06, "decided " + delay * 1000 + " ms after the onset: " + events);
        }
    }

    @Test
    void aModelTrainedBeforeCalibrationGetsTheDefaults() throws Exception {
        SoundModel calibrated = TestSounds.model();
        ModelDescriptor d = calibrated.descriptor();
        ModelDescriptor old = new ModelDescriptor(d.formatVersion(), d.name(), d.createdAt(), d.parrotVersion(),
                d.labels(), d.features(), d.training(), d.classifier(), d.evaluation());
        ModelFiles.LoadedClassifier loaded = ModelFiles.of(TestSounds.modelFile()).readClassifier();
        SoundModel model = SoundModel.of(old, loaded, "an older model");
        assertEquals(DetectionSettings.defaults(), model.detectionSettings());
    }
}
