package dev.parrot.classify;

import dev.parrot.audio.WavWriter;
import dev.parrot.model.EventEvaluation;
import dev.parrot.model.UnseenEvaluation;
import dev.parrot.runtime.TestSounds;
import dev.parrot.segments.Segment;
import dev.parrot.segments.SrtFormat;
import dev.parrot.testing.CollectingLog;
import dev.parrot.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.parrot.runtime.TestSounds.RATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LongRecordingEventsTest {

    /** A recording of {@code hits} sounds, one a second from 0.5 s, 0.3 s each, quiet between. */
    private record Performance(float[] samples, List<Segment> hits) {

        static Performance of(int hits, long seed) {
            List<float[]> parts = new ArrayList<>();
            List<Segment> truth = new ArrayList<>();
            parts.add(TestSounds.quiet(0.5, RATE, seed));
            for (int i = 0; i < hits; i++) {
                String sound = TestSounds.SOUNDS[i % TestSounds.SOUNDS.length];
                double at = 0.5 + i;
                parts.add(TestSounds.sound(sound, 0.3, RATE, seed + 10L * i + 1));
                parts.add(TestSounds.quiet(0.7, RATE, seed + 10L * i + 2));
                truth.add(new Segment(at, at + 0.3, sound, 0));
            }
            return new Performance(Signals.concat(parts.toArray(float[][]::new)), truth);
        }
    }

    @Test
    void aLongRecordingGetsTheDetectorsEventsAsSrtAndCsvAndIsMeasuredAgainstItsTruth(@TempDir Path dir)
            throws Exception {
        Path input = dir.resolve("unseen");
        Performance p = Performance.of(12, 40);
        WavWriter.writePcm16(input.resolve("session.wav"), p.samples(), RATE);
        // The truth leaves out the last hit: the detector's event there is a false alarm in the background.
        List<Segment> truth = p.hits().subList(0, p.hits().size() - 1);
        Files.writeString(input.resolve("session.MANUAL.srt"), SrtFormat.format(truth));
        // An older segmentation beside it loses to the manual one.
        Files.writeString(input.resolve("session.v3.srt"), SrtFormat.format(List.of(new Segment(1, 2, "low", 0))));
        WavWriter.writePcm16(input.resolve("low/clip.wav"), TestSounds.take("low", RATE, 3), RATE);
        CollectingLog log = new CollectingLog();
        Path reports = dir.resolve("reports");
        Path events = dir.resolve("events");

        ClassifyResult result = new BatchClassifier().classify(
                new ClassifyRequest(input, TestSounds.modelFile(), reports, 1, log, events));

        assertEquals(1, result.events().size(), "only the long recording: " + result.events());
        LongRecordingEvents.Result r = result.events().get(0);
        assertEquals(input.resolve("session.MANUAL.srt"), r.truth());
        List<Segment> marks = SrtFormat.parse("events", Files.readString(events.resolve("session.srt")));
        assertEquals(p.hits().stream().map(Segment::label).toList(), marks.stream().map(Segment::label).toList(),
                "one event per hit, of its sound: " + marks);
        for (int i = 0; i < marks.size(); i++) {
            // A held sound starts once its probability, averaged over four windows, reaches its threshold.
            double early = marks.get(i).label().equals("rush") ? 0.2 : 0.06;
            assertEquals(p.hits().get(i).startSeconds(), marks.get(i).startSeconds(), early, marks.toString());
            if (marks.get(i).label().equals("rush")) {
                // The held sound is marked from its start to its stop, as Parrot.py's segments mark it.
                assertEquals(p.hits().get(i).endSeconds(), marks.get(i).endSeconds(), 0.15, marks.toString());
            } else {
                assertEquals(LongRecordingEvents.MARK_SECONDS, marks.get(i).endSeconds() - marks.get(i).startSeconds(),
                        0.001, marks.toString());
            }
        }
        List<String> csv = Files.readAllLines(events.resolve("session.csv"));
        assertEquals("time_seconds,sound,confidence,level_dbfs,event", csv.get(0));
        // Each short hit once; each held one from its start through its continuations to its stop.
        assertEquals(p.hits().size(), csv.stream().filter(l -> l.endsWith(",once") || l.endsWith(",start")).count(),
                String.join("\n", csv));
        assertEquals(p.hits().stream().filter(h -> h.label().equals("rush")).count(),
                csv.stream().filter(l -> l.endsWith(",stop")).count(), String.join("\n", csv));
        assertTrue(csv.get(1).matches("0\\.[45]\\d\\d,low,[01]\\.\\d{4},-\\d+\\.\\d,once"), csv.get(1));

        EventEvaluation.Figures f = UnseenEvaluation.read(reports.resolve("plain-unseen.json")).events().overall();
        assertEquals(11, f.onsets());
        assertEquals(11, f.found());
        assertEquals(1, f.falseAlarms());
        assertEquals(1, f.backgroundFalseAlarms());
        assertEquals(p.samples().length / (double) RATE - 11 * 0.3, f.backgroundSeconds(), 0.01);
        assertEquals(60 / f.backgroundSeconds(), f.falseAlarmsPerMinute(), 0.01);
        assertTrue(f.medianDelayMillis() >= 0 && f.medianDelayMillis() <= 60, f.toString());
        assertEquals(1, f.errors().stream().filter(e -> e.kind().equals("full false positive")).findFirst()
                .orElseThrow().count(), f.errors().toString());
        assertTrue(log.infos().stream().anyMatch(l -> l.startsWith("Live detection on 1 recording with a truth SRT:"
                + " recall of onsets 1.000 (11 of 11), ")), log.infos().toString());
        // "rush" is held: the truth has 3 of its 11 hits (0.3 s each), its spans run from start to stop.
        assertEquals(3, f.heldSounds());
        assertTrue(f.heldCoverage() > 0.6 && f.heldCoverage() <= 1, f.toString());
        assertTrue(f.medianStopDelayMillis() >= -30 && f.medianStopDelayMillis() <= 150, f.toString());
        // The clip in low/ is still classified and measured as a whole.
        assertEquals(1, result.unseen().recordings());
    }

    @Test
    void inASoundsFolderTheTruthIsThatSoundAndWithoutTruthTheEventsAreWrittenButNotMeasured(@TempDir Path dir)
            throws Exception {
        Path input = dir.resolve("unseen");
        float[] lows = Signals.concat(TestSounds.quiet(0.5, RATE, 1), TestSounds.sound("low", 0.3, RATE, 2),
                TestSounds.quiet(1.2, RATE, 3), TestSounds.sound("low", 0.3, RATE, 4), TestSounds.quiet(0.7, RATE, 5));
        // Parrot.py's layout: the recording in source/, its segments in segments/, labelled as the user liked.
        WavWriter.writePcm16(input.resolve("low/source/short.wav"), lows, RATE);
        Files.createDirectories(input.resolve("low/segments"));
        Files.writeString(input.resolve("low/segments/short.v2.srt"), SrtFormat.format(List.of(
                new Segment(0.5, 0.8, "hum", 0), new Segment(2.0, 2.3, "low", 0))));
        WavWriter.writePcm16(input.resolve("high/plain.wav"), Signals.concat(TestSounds.quiet(5, RATE, 6),
                TestSounds.sound("high", 0.3, RATE, 7), TestSounds.quiet(5, RATE, 8)), RATE);
        CollectingLog log = new CollectingLog();
        Path events = dir.resolve("events");

        ClassifyResult result = new BatchClassifier().classify(
                new ClassifyRequest(input, TestSounds.modelFile(), dir.resolve("reports"), 2, log, events));

        assertEquals(List.of("high/plain.wav", "low/source/short.wav"),
                result.events().stream().map(LongRecordingEvents.Result::file).toList());
        LongRecordingEvents.Result plain = result.events().get(0);
        assertNull(plain.score(), "no truth beside it");
        assertEquals(List.of("high"), SrtFormat.parse("e", Files.readString(events.resolve("high/plain.srt")))
                .stream().map(Segment::label).toList());
        LongRecordingEvents.Result source = result.events().get(1);
        assertNotNull(source.score());
        assertEquals(2, source.score().found(), "'hum' is read as the folder's sound, as training reads it");
        assertTrue(log.warnings().stream().anyMatch(w -> w.contains("short.v2.srt") && w.contains("'hum'")),
                log.warnings().toString());
        assertTrue(Files.isRegularFile(events.resolve("low/source/short.csv")));
        EventEvaluation json = result.unseen().events();
        assertEquals(2, json.recordings().size());
        assertNull(json.recordings().get(0).figures());
        assertEquals(1.0, json.overall().recall());
    }

    @Test
    void anEvaluationWrittenBeforeEventsStillReads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("old-unseen.json");
        Files.writeString(file, """
                {"formatVersion":1,"model":"noises","modelCreatedAt":"2026-01-01T00:00:00Z","input":"/x",
                 "trainingData":false,"createdAt":"2026-01-02T00:00:00Z","accuracy":1.0,"recordings":1,"correct":1,
                 "labels":["a","b"],"confusionMatrix":{"labels":["a","b"],"counts":[[1,0],[0,0]]},
                 "perSound":[],"misclassified":[],"skipped":[]}""");
        UnseenEvaluation old = UnseenEvaluation.read(file);
        assertNull(old.events());
        assertEquals(1, old.correct());
        // And one with events reads back whole.
        UnseenEvaluation withEvents = old.withEvents(new EventEvaluation(List.of(), null));
        withEvents.write(file);
        assertEquals(withEvents.events(), UnseenEvaluation.read(file).events());
    }
}
