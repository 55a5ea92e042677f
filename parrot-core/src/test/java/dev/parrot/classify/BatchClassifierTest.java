package dev.parrot.classify;

import dev.parrot.ParrotException;
import dev.parrot.ProgressLog;
import dev.parrot.audio.WavWriter;
import dev.parrot.model.UnseenEvaluation;
import dev.parrot.runtime.TestSounds;
import dev.parrot.testing.CollectingLog;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static dev.parrot.runtime.TestSounds.RATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BatchClassifierTest {

    @Test
    void aSoundWithoutRecordingsInTheInputHasNoFiguresRatherThanZeros(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("unseen");
        WavWriter.writePcm16(input.resolve("low/one.wav"), TestSounds.take("low", RATE, 11), RATE);
        CollectingLog log = new CollectingLog();

        new BatchClassifier().classify(new ClassifyRequest(input, TestSounds.modelFile(), dir.resolve("r"), 1, log));

        List<String> lines = log.infos();
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s+high\\s+n/a\\s+n/a\\s+n/a\\s+0")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.matches("\\s+low\\s+1\\.000\\s+1\\.000\\s+1\\.000\\s+1")),
                lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Classifying 1 recording from ")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("1 recording (")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("Accuracy on 1 recording the model never saw")),
                lines.toString());
        assertTrue(lines.stream().noneMatch(l -> l.matches("(.*\\s)?1 recordings.*")), lines.toString());
        // The test model is a random-forest, in Weka's serialisation: the log says where it must come from.
        assertTrue(lines.contains(TestSounds.modelFile().toAbsolutePath().toString().replace(".json", ".model")
                + " is a random-forest model in Weka's serialisation, which runs code while it is read: load it only"
                + " from a trusted source (Parrot reads only the classes a random-forest model is made of)."),
                lines.toString());
    }

    @Test
    void classifiesAFolderAndMeasuresAccuracyWhereFoldersNameTheSounds(@TempDir Path dir) throws Exception {
        Path input = dir.resolve("unseen");
        TestSounds.writeRecordings(input, 2, 900);
        // Recorded as "high" but holding "low": the one recording the model must get wrong.
        WavWriter.writePcm16(input.resolve("high/mislabelled.wav"), TestSounds.take("low", RATE, 5), RATE);
        WavWriter.writePcm16(input.resolve("other/a, \"quoted\" name.wav"), TestSounds.take("rush", RATE, 6), RATE);
        WavWriter.writePcm16(input.resolve("low/silent.wav"), TestSounds.quiet(0.4, RATE, 7), RATE);
        Files.write(input.resolve("rush/broken.wav"), new byte[] {1, 2, 3});
        CollectingLog log = new CollectingLog();
        Path reports = dir.resolve("reports");

        ClassifyResult result = new BatchClassifier()
                .classify(new ClassifyRequest(input, TestSounds.modelFile(), reports, 2, log));

        List<String> csv = Files.readAllLines(reports.resolve("classifications.csv"));
        assertEquals("file,label,confidence,runner_up,runner_up_confidence,windows,sound_windows,duration_seconds,"
                + "expected", csv.get(0));
        assertEquals(10, csv.size(), String.join("\n", csv));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("high/mislabelled.wav,low,") && l.endsWith(",high")),
                String.join("\n", csv));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("\"other/a, \"\"quoted\"\" name.wav\",rush,")
                && l.endsWith(",")), String.join("\n", csv));
        assertTrue(csv.contains("low/silent.wav,silence,1.0000,,,25,0,0.400,low"), String.join("\n", csv));
        for (String sound : TestSounds.SOUNDS) {
            for (int t = 0; t < 2; t++) {
                String prefix = sound + "/" + sound + "_" + t + ".wav," + sound + ",";
                assertTrue(csv.stream().anyMatch(l -> l.startsWith(prefix) && l.endsWith("," + sound)), prefix);
            }
        }

        assertEquals(List.of("rush/broken.wav"), result.skipped().stream().map(s -> s.file()).toList());
        assertTrue(log.warnings().stream().anyMatch(w -> w.contains("rush/broken.wav") && w.contains("not a WAV")),
                log.warnings().toString());
        assertTrue(log.infos().stream().anyMatch(l -> l.contains("high/mislabelled.wav") && l.contains("WRONG")));

        UnseenEvaluation unseen = UnseenEvaluation.read(reports.resolve("plain-unseen.json"));
        assertEquals(8, unseen.recordings(), "the recording in other/ has no truth");
        assertFalse(unseen.trainingData());
        assertEquals(6, unseen.correct());
        assertEquals(0.75, unseen.accuracy(), 1e-9);
        assertEquals(List.of("high", "low", "rush", "silence"), unseen.confusionMatrix().labels());
        long[][] counts = unseen.confusionMatrix().counts();
        assertEquals(List.of(2L, 1L, 0L, 0L), row(counts[0]), "high: two right, one heard as low");
        assertEquals(List.of(0L, 2L, 0L, 1L), row(counts[1]), "low: two right, one silent");
        assertEquals(List.of(0L, 0L, 2L, 0L), row(counts[2]));
        assertEquals(List.of(0L, 0L, 0L, 0L), row(counts[3]));
        assertEquals(3, unseen.perSound().get(0).support());
        assertEquals(2 / 3.0, unseen.perSound().get(0).recall(), 1e-9);
        assertEquals(2 / 3.0, unseen.perSound().get(1).precision(), 1e-9);
        assertEquals(2, unseen.misclassified().size());
        assertEquals("rush/broken.wav", unseen.skipped().get(0).file());
        assertEquals(result.unseen().misclassified(), unseen.misclassified());
        assertTrue(result.audioSeconds() > 3 && result.realTimeFactor() > 1);
    }

    @Test
    void theRecordingsTheModelWasTrainedOnAreNotCalledUnseen(@TempDir Path dir) throws Exception {
        Path training = TestSounds.modelFile().getParent().resolveSibling("recordings");
        CollectingLog log = new CollectingLog();

        ClassifyResult result = new BatchClassifier()
                .classify(new ClassifyRequest(training, TestSounds.modelFile(), dir, 1, log));

        assertTrue(result.unseen().trainingData());
        assertTrue(log.warnings().stream().anyMatch(w -> w.contains("trained on")), log.warnings().toString());
        assertTrue(log.infos().stream().noneMatch(l -> l.contains("never saw")), log.infos().toString());
    }

    @Test
    void aSingleFileIsClassifiedWithoutTruth(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("one.wav");
        WavWriter.writePcm16(file, TestSounds.take("rush", RATE, 42), RATE);

        ClassifyResult result = new BatchClassifier()
                .classify(new ClassifyRequest(file, TestSounds.modelFile(), dir.resolve("r"), 1, ProgressLog.SILENT));

        assertEquals("rush", result.recordings().get(0).result().overall().label());
        assertEquals("one.wav", result.recordings().get(0).file());
        assertNull(result.unseen());
        assertTrue(Files.notExists(dir.resolve("r/plain-unseen.json")));
        assertEquals(2, Files.readAllLines(dir.resolve("r/classifications.csv")).size());
    }

    @Test
    void aMissingInputOrModelIsNamed(@TempDir Path dir) throws Exception {
        Path absent = dir.resolve("no-such-folder");
        ParrotException input = assertThrows(ParrotException.class, () -> new BatchClassifier()
                .classify(new ClassifyRequest(absent, TestSounds.modelFile(), dir, 1, ProgressLog.SILENT)));
        assertTrue(input.getMessage().contains(absent.toString()), input.getMessage());

        Path noModel = dir.resolve("models/none.json");
        ParrotException model = assertThrows(ParrotException.class, () -> new BatchClassifier()
                .classify(new ClassifyRequest(dir, noModel, dir, 1, ProgressLog.SILENT)));
        assertTrue(model.getMessage().contains(noModel.toString()), model.getMessage());
    }

    @Test
    void aFolderWithoutRecordingsSaysSo(@TempDir Path dir) throws Exception {
        Files.createDirectories(dir.resolve("empty/low"));

        ParrotException e = assertThrows(ParrotException.class, () -> new BatchClassifier().classify(
                new ClassifyRequest(dir.resolve("empty"), TestSounds.modelFile(), dir, 1, ProgressLog.SILENT)));

        assertTrue(e.getMessage().contains("no .wav file"), e.getMessage());
    }

    @Test
    void csvFieldsAreQuotedOnlyWhenTheyMustBe() {
        assertEquals("plain/name.wav", Csv.field("plain/name.wav"));
        assertEquals("\"a,b\"", Csv.field("a,b"));
        assertEquals("\"say \"\"hi\"\"\"", Csv.field("say \"hi\""));
    }

    private static List<Long> row(long[] counts) {
        return Arrays.stream(counts).boxed().toList();
    }
}
