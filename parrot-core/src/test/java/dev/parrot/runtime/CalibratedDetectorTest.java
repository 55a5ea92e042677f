package dev.parrot.runtime;

import dev.parrot.model.DetectionCalibration;
import dev.parrot.model.LoadedClassifier;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.ModelFiles;
import dev.parrot.testing.Signals;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.parrot.runtime.TestSounds.RATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CalibratedDetectorTest {

    @Test
    void trainingCalibratesAThresholdPerSoundAndTheModelsOwnDetectorUsesThem() throws Exception {
        SoundModel model = TestSounds.model();
        DetectionCalibration calibration = model.descriptor().calibration();
        assertNotNull(calibration, "the model JSON holds the calibration");
        assertEquals(model.labels(), calibration.sounds().stream()
                .map(DetectionCalibration.SoundThreshold::sound).toList());
        DetectionSettings live = model.detectionSettings();
        for (DetectionCalibration.SoundThreshold t : calibration.sounds()) {
            // Without background recordings to show false alarms, calibration never goes below "likelier than all
            // the others together".
            assertTrue(calibration.onStreams() && !calibration.streams().realBackground(), "calibrated on streams"
                    + " of quiet room: these sounds have no background label");
            assertTrue(t.threshold() >= 0.5 && t.threshold() <= 1, t.toString());
            assertTrue(t.expectedRecall() > 0.5, "three sounds this easy are found: " + t);
            assertEquals(t.threshold(), live.confidenceOf(t.sound()), 0.0);
            assertEquals(TestSounds.KINDS.get(t.sound()), live.kindOf(t.sound()), t.toString());
            assertEquals(TestSounds.KINDS.get(t.sound()), model.kindOf(t.sound()), t.toString());
        }
        DetectionCalibration.SoundThreshold rush = calibration.sounds().get(2);
        assertTrue(rush.held());
        // The keep threshold is 0.3 below the start, and at least 0.2.
        assertEquals(Math.max(0.2, rush.threshold() - 0.3), rush.keepThreshold(), 1e-9);
        assertEquals(rush.keepThreshold(), live.keepConfidenceOf("rush"), 1e-9);
        assertTrue(rush.expectedCoverage() > 0.5, "a steady noise is reported over most of its takes: " + rush);
        assertNull(calibration.sounds().get(0).expectedCoverage(), "a short sound has no coverage");
        assertEquals(DecisionRule.ONSET, live.rule());
    }

    /** Quiet, each sound for 0.6 s from 0.5, 1.6 and 2.7 s, quiet between. */
    private static List<SoundEvent> hear(SoundModel model) {
        float[] performance = Signals.concat(TestSounds.quiet(0.5, RATE, 1), TestSounds.sound("low", 0.6, RATE, 2),
                TestSounds.quiet(0.5, RATE, 3), TestSounds.sound("high", 0.6, RATE, 4),
                TestSounds.quiet(0.5, RATE, 5), TestSounds.sound("rush", 0.6, RATE, 6),
                TestSounds.quiet(0.5, RATE, 7));
        List<SoundEvent> events = new ArrayList<>();
        SoundDetector detector = model.newDetector(SoundListener.all(events::add));
        // A hop at a time, as a microphone delivers it.
        for (int from = 0; from < performance.length; from += 240) {
            detector.accept(performance, from, Math.min(240, performance.length - from), RATE);
        }
        detector.finish();
        return events;
    }

    @Test
    void shortSoundsAreReportedOnceSoonAfterTheyStart() throws Exception {
        SoundModel model = TestSounds.model();
        List<SoundEvent> events = hear(model).stream().filter(e -> !e.sound().equals("rush")).toList();

        assertEquals(List.of("low", "high"), events.stream().map(SoundEvent::sound).toList(), events.toString());
        double window = model.settings().windowSamples() / (double) RATE;
        double[] starts = {0.5, 1.6};
        for (int i = 0; i < starts.length; i++) {
            assertEquals(SoundEvent.Phase.ONCE, events.get(i).phase());
            // Decided on one of the onset's first four windows: at most 3 hops + a window after the onset.
            double delay = events.get(i).timeSeconds() + window - starts[i];
            assertTrue(delay >= 0 && delay <= 0.075 + 1e-9, "decided " + delay * 1000 + " ms after the onset");
        }
    }

    @Test
    void aHeldSoundIsReportedFromItsStartToItsStop() throws Exception {
        SoundModel model = TestSounds.model();
        List<SoundEvent> rush = hear(model).stream().filter(e -> e.sound().equals("rush")).toList();

        assertEquals(SoundEvent.Phase.START, rush.get(0).phase(), rush.toString());
        assertEquals(SoundEvent.Phase.STOP, rush.get(rush.size() - 1).phase(), rush.toString());
        assertTrue(rush.subList(1, rush.size() - 1).stream().allMatch(e -> e.phase() == SoundEvent.Phase.CONTINUING),
                rush.toString());
        double start = 2.7;
        double end = 3.3;
        // Started within 150 ms of the sound's start, stopped within 150 ms of its end.
        assertTrue(rush.get(0).timeSeconds() >= start - 0.03 && rush.get(0).timeSeconds() <= start + 0.15,
                rush.toString());
        double stop = rush.get(rush.size() - 1).timeSeconds();
        assertTrue(stop >= end - 0.03 && stop <= end + 0.15, "stopped at " + stop + ": " + rush);
        // Reported every 100 ms while it lasts: 0.6 s of sound less the start's delay gives at least 4 continuations,
        // and never two within 100 ms.
        assertTrue(rush.size() - 2 >= 4, rush.toString());
        for (int i = 1; i < rush.size() - 1; i++) {
            assertTrue(rush.get(i).timeSeconds() - rush.get(i - 1).timeSeconds() >= 0.1 - 1e-9, rush.toString());
        }
    }

    @Test
    void aModelTrainedBeforeCalibrationGetsTheDefaults() throws Exception {
        SoundModel calibrated = TestSounds.model();
        ModelDescriptor d = calibrated.descriptor();
        ModelDescriptor old = new ModelDescriptor(d.formatVersion(), d.name(), d.createdAt(), d.parrotVersion(),
                d.labels(), d.features(), d.training(), d.classifier(), d.evaluation());
        LoadedClassifier loaded = ModelFiles.of(TestSounds.modelFile()).readClassifier();
        SoundModel model = SoundModel.of(old, loaded, "an older model");
        assertEquals(DetectionSettings.defaults(), model.detectionSettings());
    }
}
