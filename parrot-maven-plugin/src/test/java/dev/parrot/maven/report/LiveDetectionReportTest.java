package dev.parrot.maven.report;

import dev.parrot.model.DetectionCalibration;
import dev.parrot.model.ModelDescriptor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveDetectionReportTest {

    /** The drums fixture with thresholds for two of its sounds. */
    static ModelDescriptor calibrated() throws Exception {
        ModelDescriptor d = ParrotReportRendererTest.fixture("drums.json");
        List<DetectionCalibration.CurvePoint> curve = List.of(new DetectionCalibration.CurvePoint(0.2, 0.95, 6.0),
                new DetectionCalibration.CurvePoint(0.5, 0.9, 2.0), new DetectionCalibration.CurvePoint(0.7, 0.8, 0.5),
                new DetectionCalibration.CurvePoint(1.0, 0.1, 0));
        DetectionCalibration calibration = new DetectionCalibration("per sound", 1.0, 12.5, "ONSET", -70, 10, 3,
                List.of(new DetectionCalibration.SoundThreshold("kick", 0.62, 0.85, 0.8, 40, curve),
                        new DetectionCalibration.SoundThreshold("snare", 0.71, 0.5, 0.25, 30, curve)));
        return new ModelDescriptor(d.formatVersion(), d.name(), d.createdAt(), d.parrotVersion(), d.labels(),
                d.features(), d.training(), d.classifier(), d.evaluation(), List.of(), null, null, calibration);
    }

    @Test
    void aCalibratedModelShowsEachSoundsThresholdWhatItIsExpectedToGiveAndItsCurve() throws Exception {
        String page = ParrotReportRendererTest.render(List.of(calibrated()), Locale.ENGLISH);
        assertTrue(page.contains("id=\"model-drums-live\""), "live section anchor");
        assertTrue(page.contains("within 1 per minute"), page);
        assertTrue(page.contains("over 12.5 min of audio"));
        assertTrue(page.contains("The first 3 windows of each onset (a rise of 10 dB"));
        assertTrue(page.contains("<td class=\"parrot-sound\">kick</td>\n      <td class=\"parrot-num\">62.0%</td>\n"
                + "      <td class=\"parrot-num\">85.0%</td>\n      <td class=\"parrot-num\">0.8</td>"), page);
        assertEquals(2, page.split("<svg class=\"parrot-curve\"", -1).length - 1, "one plot per sound");
        // x: 34 + FA/3 * 158 (clipped at 3 per minute), y: 98 - recall * 92.
        assertTrue(page.contains("points=\"192.0,10.6 139.3,15.2 60.3,24.4 34.0,88.8\""), page);
        assertTrue(page.contains("<circle cx=\"76.1\" cy=\"19.8\""), "the chosen point of kick");
        assertTrue(page.contains("aria-label=\"kick: recall 85.0% with 0.8 false alarms per minute at threshold"
                + " 62.0%\""));
    }

    @Test
    void aModelTrainedWithoutCalibrationHasNoLiveSection() throws Exception {
        String page = ParrotReportRendererTest.render(List.of(ParrotReportRendererTest.fixture("drums.json")),
                Locale.ENGLISH);
        assertFalse(page.contains("-live\""));
        assertFalse(page.contains("parrot-curve"));
    }
}
