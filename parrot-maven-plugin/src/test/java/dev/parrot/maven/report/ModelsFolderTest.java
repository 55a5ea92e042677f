package dev.parrot.maven.report;

import dev.parrot.ProgressLog;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.UnseenEvaluation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelsFolderTest {

    private final List<String> warnings = new ArrayList<>();
    private final List<String> debug = new ArrayList<>();
    private final ProgressLog log = new ProgressLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
            warnings.add(message);
        }

        @Override
        public void debug(String message) {
            debug.add(message);
        }
    };

    @Test
    void aMissingFolderHoldsNoModels(@TempDir Path dir) throws Exception {
        assertTrue(ModelsFolder.scan(dir.resolve("models"), log).isEmpty());
        assertTrue(warnings.isEmpty());
    }

    @Test
    void everyDescriptorIsFoundByNameAndOtherJsonIsPassedOverQuietly(@TempDir Path dir) throws Exception {
        copyFixture(dir.resolve("drums.json"));
        copyFixture(dir.resolve("beats.json"));
        // What another goal might leave beside the models: JSON, but no model descriptor.
        Files.writeString(dir.resolve("drums-unseen.json"), "{\"accuracy\": 0.9}");
        Files.writeString(dir.resolve("notes.txt"), "not JSON at all");

        List<ModelsFolder.FoundModel> found = ModelsFolder.scan(dir, log);

        assertEquals(List.of("beats.json", "drums.json"),
                found.stream().map(f -> f.file().getFileName().toString()).toList());
        assertEquals("drums", found.get(1).descriptor().name());
        assertTrue(warnings.isEmpty(), warnings.toString());
        assertEquals(1, debug.size());
        assertTrue(debug.get(0).contains("drums-unseen.json"), debug.toString());
    }

    @Test
    void aBrokenDescriptorBesideItsModelIsWarnedAboutByName(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("kick.json"), "{\"formatVersion\": 1, \"labels\": [");
        Files.writeString(dir.resolve("kick.model"), "weka");
        Files.writeString(dir.resolve("tom.json"), "{\"formatVersion\": 1, \"name\": \"tom\", \"labels\": [\"tom\"],"
                + " \"features\": {\"dimension\": 3}}");
        Files.writeString(dir.resolve("tom.model"), "weka");

        assertTrue(ModelsFolder.scan(dir, log).isEmpty());

        assertEquals(2, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("kick.json is not a Parrot model descriptor"), warnings.get(0));
        assertTrue(warnings.get(1).contains("tom.json is left out of the report: it has no evaluation"),
                warnings.get(1));
    }

    @Test
    void classifysEvaluationOfAModelIsReadAndABrokenOneIsWarnedAbout(@TempDir Path dir) throws Exception {
        copyFixture(dir.resolve("drums.json"));
        ModelDescriptor drums = ModelsFolder.scan(dir, log).get(0).descriptor();
        Path classifications = dir.resolve("parrot");
        assertTrue(ModelsFolder.unseen(classifications, drums, log).isEmpty(), "nothing classified yet");

        Files.createDirectories(classifications);
        try (InputStream in = ModelsFolderTest.class.getResourceAsStream("/parrot/drums-unseen.json")) {
            Files.copy(in, classifications.resolve("drums-unseen.json"));
        }
        Optional<UnseenEvaluation> unseen = ModelsFolder.unseen(classifications, drums, log);
        assertEquals(12, unseen.orElseThrow().recordings());

        Files.writeString(classifications.resolve("drums-unseen.json"), "{\"model\": \"drums\"}");
        assertTrue(ModelsFolder.unseen(classifications, drums, log).isEmpty());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).contains("drums-unseen.json is not an evaluation written by parrot:classify"),
                warnings.get(0));
    }

    private static void copyFixture(Path target) throws Exception {
        try (InputStream in = ModelsFolderTest.class.getResourceAsStream("/models/drums.json")) {
            Files.copy(in, target);
        }
    }
}
