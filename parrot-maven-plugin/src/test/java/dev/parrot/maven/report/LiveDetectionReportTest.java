package dev.parrot.maven.report;

import dev.parrot.model.DetectionCalibration;
import dev.parrot.model.EventEvaluation;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.UnseenEvaluation;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LiveDetectionReportTest {

    /** The drums fixture with thresholds for two of its sounds, calibrated on recordings one by one. */
    static ModelDescriptor calibrated() throws Exception {
        return calibrated("drums", null);
    }

    /** The drums fixture, under another name, with thresholds for two of its sounds measured on these streams. */
    static ModelDescriptor calibrated(String name, DetectionCalibration.Streams streams) throws Exception {
        ModelDescriptor d = ParrotReportRendererTest.fixture("drums.json");
        List<DetectionCalibration.CurvePoint> curve = List.of(new DetectionCalibration.CurvePoint(0.2, 0.95, 6.0),
                new DetectionCalibration.CurvePoint(0.5, 0.9, 2.0), new DetectionCalibration.CurvePoint(0.7, 0.8, 0.5),
                new DetectionCalibration.CurvePoint(1.0, 0.1, 0));
        DetectionCalibration calibration = new DetectionCalibration("per sound", 1.0, 12.5, "ONSET", -70, 10, 3, 0,
                List.of(new DetectionCalibration.SoundThreshold("kick", 0.62, 0.85, 0.8, 40, curve),
                        new DetectionCalibration.SoundThreshold("snare", "held", "its recordings stay within 10 dB of"
                                + " their loudest for 0.62 s (median of 30); held from 0.25 s", 0.71, 0.41, 0.5, 0.9,
                                0.25, 30, curve)), streams);
        return new ModelDescriptor(d.formatVersion(), name, d.createdAt(), d.parrotVersion(), d.labels(),
                d.features(), d.training(), d.classifier(), d.evaluation(), List.of(), null, null, calibration);
    }

    @Test
    void aCalibratedModelShowsEachSoundsThresholdWhatItIsExpectedToGiveAndItsCurve() throws Exception {
        String page = ParrotReportRendererTest.render(List.of(calibrated()), Locale.ENGLISH);
        assertTrue(page.contains("id=\"model-drums-live\""), "live section anchor");
        assertTrue(page.contains("within 1 per minute"), page);
        assertTrue(page.contains("over 12.5 min of audio"));
        assertTrue(page.contains("The first 3 windows of each onset (a rise of 10 dB"));
        assertTrue(page.contains("<td class=\"parrot-sound\">kick</td>\n      <td>short</td>\n"
                + "      <td class=\"parrot-num\">62.0%</td>\n      <td class=\"parrot-num\">85.0%</td>\n"
                + "      <td class=\"parrot-num\">\u2013</td>\n      <td class=\"parrot-num\">0.8</td>"), page);
        // A held sound: its kind and why, its start and keep thresholds, its coverage.
        assertTrue(page.contains("<td class=\"parrot-sound\">snare</td>\n      <td title=\"its recordings stay within"
                + " 10 dB of their loudest for 0.62 s (median of 30); held from 0.25 s\">held</td>\n"
                + "      <td class=\"parrot-num\">71.0% (kept to 41.0%)</td>\n      <td class=\"parrot-num\">50.0%</td>\n"
                + "      <td class=\"parrot-num\">90.0%</td>\n      <td class=\"parrot-num\">0.25</td>"), page);
        assertTrue(page.contains("averaged over the last 4 windows"), "how held sounds are decided");
        assertEquals(2, page.split("<svg class=\"parrot-curve\"", -1).length - 1, "one plot per sound");
        // x: 34 + FA/3 * 158 (clipped at 3 per minute), y: 98 - recall * 92.
        assertTrue(page.contains("points=\"192.0,10.6 139.3,15.2 60.3,24.4 34.0,88.8\""), page);
        assertTrue(page.contains("<circle cx=\"76.1\" cy=\"19.8\""), "the chosen point of kick");
        assertTrue(page.contains("aria-label=\"kick: recall 85.0% with 0.8 false alarms per minute at threshold"
                + " 62.0%\""));
    }

    @Test
    void streamsBetweenTheUsersBackgroundAreNamedWithTheOnsetSegment() throws Exception {
        String page = ParrotReportRendererTest.render(List.of(calibrated("drums", new DetectionCalibration.Streams(5,
                12.34, 8.12, List.of("speech", "typing"), 120))), Locale.ENGLISH);
        assertTrue(page.contains("<p class=\"parrot-note\">Measured on 5 simulated streams (12.3 min): held-out"
                + " recordings at live levels between 8.1 min of your background recordings (speech, typing). Short"
                + " sounds are decided on the first 120 ms from their onset.</p>"), page);
        assertFalse(page.contains("parrot-caution\""), "real background is no reason for caution");
        assertFalse(page.contains("recordings one by one"), page);
    }

    @Test
    void aShareOfTheTargetIsSaidWithWhy() throws Exception {
        String page = ParrotReportRendererTest.render(List.of(calibrated("drums", new DetectionCalibration.Streams(5,
                12.34, 8.12, List.of("speech"), 75).withFalseAlarmShare(0.35))), Locale.ENGLISH);
        assertTrue(page.contains("stay within 0.35 per minute of background, short of the 1 allowed: the streams hold"
                + " only your own background, and other voices set off more"), page);
        String before = ParrotReportRendererTest.render(List.of(calibrated("drums", new DetectionCalibration.Streams(5,
                12.34, 8.12, List.of("speech"), 75))), Locale.ENGLISH);
        assertTrue(before.contains("stay within 1 per minute of background (a report"), "a file without the share: "
                + before);
    }

    @Test
    void streamsBetweenNoiseSayPlainlyThatTheFiguresAreNoisesAndHowToMakeThemTrustworthy() throws Exception {
        String page = ParrotReportRendererTest.render(List.of(calibrated("drums", new DetectionCalibration.Streams(1,
                2.5, 1.5, null, 0))), Locale.ENGLISH);
        String withOnsets = ParrotReportRendererTest.render(List.of(calibrated("drums",
                new DetectionCalibration.Streams(3, 6, 4, List.of(), 120))), Locale.ENGLISH);
        // The caution ends the note, after how the figures were measured; an empty list is no background either.
        assertTrue(withOnsets.contains("<p class=\"parrot-note parrot-caution\">Measured on 3 simulated streams (6"
                + " min) of held-out recordings at live levels. Short sounds are decided on the first 120 ms from their"
                + " onset. The model has no background label,"), withOnsets);
        assertTrue(page.contains("<p class=\"parrot-note parrot-caution\">Measured on one simulated stream (2.5 min)"
                + " of held-out recordings at live levels. The model has no background label, so its thresholds and"
                + " false alarms come from streams of quiet room, not from a room and voices like yours:"
                + " recording a background folder (talking, typing, the room) makes these figures trustworthy.</p>"),
                page);
        assertFalse(page.contains("decided on the first"), "onsetMilliseconds 0: the window rule, nothing to say");
    }

    @Test
    void aCalibrationBeforeStreamsSaysItWasMeasuredOnRecordingsOneByOne() throws Exception {
        String page = ParrotReportRendererTest.render(List.of(calibrated()), Locale.ENGLISH);
        assertTrue(page.contains("<p class=\"parrot-note\">These figures come from the recordings one by one, not"
                + " from a stream as a microphone hears it; training the model again measures them on simulated"
                + " streams.</p>"), page);
        assertFalse(page.contains("simulated streams ("), page);
    }

    @Test
    void backgroundNamesAreEscaped() throws Exception {
        String page = ParrotReportRendererTest.render(List.of(calibrated("drums", new DetectionCalibration.Streams(2,
                3, 2, List.of("<b>talk</b> & type"), 100))), Locale.ENGLISH);
        assertTrue(page.contains("your background recordings (&lt;b&gt;talk&lt;/b&gt; &amp; type)."), page);
    }

    /** The three ways of measuring side by side, for a look in a browser: target/live-streams.html. */
    @Test
    void thePageWithEachWayOfMeasuringIsWrittenForALook() throws Exception {
        String page = ParrotReportRendererTest.render(List.of(
                calibrated("drums", new DetectionCalibration.Streams(5, 12.34, 8.12, List.of("speech"), 120)),
                calibrated("drums-noise", new DetectionCalibration.Streams(5, 11.9, 7.6, null, 120)),
                calibrated("drums-old", null)), Locale.ENGLISH);
        assertEquals(3, page.split("id=\"model-drums[a-z-]*-live\"", -1).length - 1, page);
        Files.writeString(Path.of("target", "live-streams.html"), "<!DOCTYPE html><html lang=\"en\"><head><meta"
                + " charset=\"UTF-8\"><title>Parrot</title></head><body style=\"font-family:sans-serif;margin:32px\">"
                + page + "</body></html>");
    }

    @Test
    void aModelTrainedWithoutCalibrationHasNoLiveSection() throws Exception {
        String page = ParrotReportRendererTest.render(List.of(ParrotReportRendererTest.fixture("drums.json")),
                Locale.ENGLISH);
        assertFalse(page.contains("-live\""));
        assertFalse(page.contains("parrot-curve"));
    }

    /** Figures as classify writes them: recall found/onsets, false alarms in so much background, a median delay. */
    private static EventEvaluation.Figures figures(int found, int onsets, int falseAlarms, double backgroundSeconds,
            Double delay) {
        return new EventEvaluation.Figures(onsets, found, found / (double) onsets, falseAlarms, falseAlarms, 0, 0,
                backgroundSeconds, falseAlarms / (backgroundSeconds / 60), delay, delay,
                List.of(new EventEvaluation.ErrorKind("early start", true, 2, 12),
                        new EventEvaluation.ErrorKind("full miss", false, 3, 180)));
    }

    /** classify's drums evaluation with events on two recordings with truth and one without. */
    static UnseenEvaluation withEvents(UnseenEvaluation u) {
        return u.withEvents(new EventEvaluation(List.of(
                new EventEvaluation.Recording("session-1.wav", 60, 31, "e/session-1.srt", "e/session-1.csv",
                        "session-1.MANUAL.srt", figures(28, 30, 1, 54, 27.0)),
                new EventEvaluation.Recording("kick/source/take.wav", 30, 12, "e/k.srt", "e/k.csv",
                        "kick/segments/take.v2.srt", figures(10, 12, 2, 27, 41.0)),
                new EventEvaluation.Recording("loose.wav", 20, 4, "e/loose.srt", "e/loose.csv", null, null)),
                figures(38, 42, 3, 81, 30.0)));
    }

    @Test
    void classifysEventsOnLongRecordingsAreShownPerRecordingAndPooled() throws Exception {
        ReportLabels labels = ReportLabels.forLocale(Locale.ENGLISH);
        String page = ParrotReportRendererTest.render(List.of(ModelView.of(calibrated(),
                Optional.of(withEvents(ParrotReportRendererTest.unseenFixture())), labels)), labels);
        assertTrue(page.contains("<caption>On long recordings, by parrot:classify</caption>"), page);
        assertTrue(page.contains("<td><code>session-1.wav</code></td>\n"
                + "      <td class=\"parrot-num\" data-label=\"Sounds found\">28 of 30</td>\n"
                + "      <td class=\"parrot-num\" data-label=\"Recall of onsets\">93.3%</td>\n"
                + "      <td class=\"parrot-num\" data-label=\"False alarms per minute\">1.11 (1)</td>\n"
                + "      <td class=\"parrot-num\" data-label=\"Median delay\">27 ms</td>"), page);
        assertTrue(page.contains("<tr class=\"parrot-total\">\n      <td>All</td>"), page);
        assertTrue(page.contains("fed 2 long recordings in "), page);
        assertTrue(page.contains("; one more had no truth SRT and its events were only written."), page);
        assertTrue(page.contains("early start 2×, 12 ms on average; full miss 3×, 180 ms on average."), page);
        assertFalse(page.contains("loose.wav"), "a recording without truth has no figures to show");
        // Beside the thresholds, and the accuracy on whole recordings as before.
        assertTrue(page.contains("parrot-curve"));
        assertTrue(page.contains("On recordings it never saw"));
        Path html = Path.of("target", "live-events.html");
        Files.writeString(html, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Parrot"
                + "</title></head><body style=\"font-family:sans-serif;margin:32px\">" + page + "</body></html>");
    }

    @Test
    void eventsWithoutWholeRecordingsOrCalibrationShowOnlyTheEvents() throws Exception {
        ReportLabels labels = ReportLabels.forLocale(Locale.ENGLISH);
        UnseenEvaluation u = ParrotReportRendererTest.unseenFixture();
        UnseenEvaluation eventsOnly = withEvents(new UnseenEvaluation(u.formatVersion(), u.model(),
                u.modelCreatedAt(), u.input(), false, u.createdAt(), 0, 0, 0, u.labels(), u.confusionMatrix(),
                List.of(), List.of(), List.of()));
        String page = ParrotReportRendererTest.render(List.of(ModelView.of(
                ParrotReportRendererTest.fixture("drums.json"), Optional.of(eventsOnly), labels)), labels);
        assertTrue(page.contains("id=\"model-drums-live\""), page);
        assertTrue(page.contains("<td><code>kick/source/take.wav</code></td>"), page);
        assertFalse(page.contains("parrot-curve"), "no thresholds without calibration");
        assertFalse(page.contains("On recordings it never saw"), "no accuracy of 0 recordings");
    }
}
