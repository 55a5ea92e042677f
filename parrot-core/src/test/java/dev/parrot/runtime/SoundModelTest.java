package dev.parrot.runtime;

import dev.parrot.ParrotException;
import dev.parrot.features.FeatureExtractor;
import dev.parrot.features.FeatureSettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoundModelTest {

    @Test
    void loadsFromEitherFileOfTheModel() throws Exception {
        Path json = TestSounds.modelFile();
        Path model = json.resolveSibling("plain.model");

        SoundModel fromJson = SoundModel.load(json);
        SoundModel fromModel = SoundModel.load(model);

        assertEquals(List.of(TestSounds.SOUNDS).stream().sorted().toList(), fromJson.labels());
        assertEquals(fromJson.labels(), fromModel.labels());
        assertEquals("plain", fromModel.name());
        float[] features = new FeatureExtractor(fromJson.settings())
                .extract(TestSounds.take("high", TestSounds.RATE, 5), 2400);
        assertArrayEquals(fromJson.probabilities(features), fromModel.probabilities(features), 1e-12);
    }

    @Test
    void loadsFromTheClassPath(@TempDir Path dir) throws Exception {
        Path json = TestSounds.modelFile();
        Path models = Files.createDirectories(dir.resolve("models"));
        Files.copy(json, models.resolve("noises.json"));
        Files.copy(json.resolveSibling("plain.model"), models.resolve("noises.model"));
        Files.copy(json.resolveSibling("plain.onsets.model"), models.resolve("noises.onsets.model"));

        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            SoundModel model = SoundModel.fromClasspath(loader, "/models/noises");

            assertEquals(TestSounds.model().labels(), model.labels());
            assertEquals("high", model.newClassifier()
                    .classify(new dev.parrot.audio.Recording(null, TestSounds.take("high", 16_000, 9), 16_000))
                    .overall().label());
        }
    }

    @Test
    void aMissingClassPathResourceIsNamed(@TempDir Path dir) throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.toUri().toURL()}, null)) {
            ParrotException e = assertThrows(ParrotException.class,
                    () -> SoundModel.fromClasspath(loader, "models/absent"));

            assertTrue(e.getMessage().contains("models/absent.json"), e.getMessage());
        }
    }

    @Test
    void aMissingModelIsNamed(@TempDir Path dir) {
        Path absent = dir.resolve("nothing.json");

        ParrotException e = assertThrows(ParrotException.class, () -> SoundModel.load(absent));

        assertTrue(e.getMessage().contains(absent.toString()), e.getMessage());
    }

    @Test
    void refusesFeaturesThisVersionCannotCompute(@TempDir Path dir) throws Exception {
        Path json = copyModel(dir, "future");
        Files.writeString(json, Files.readString(json).replace("\"" + FeatureSettings.CURRENT_VERSION + "\"",
                "\"parrot-features-9\""));

        ParrotException e = assertThrows(ParrotException.class, () -> SoundModel.load(json));

        assertTrue(e.getMessage().contains("parrot-features-9"), e.getMessage());
        assertTrue(e.getMessage().contains("Retrain"), e.getMessage());
    }

    @Test
    void refusesAModelWhoseFeatureCountDiffersFromTheExtractors(@TempDir Path dir) throws Exception {
        Path json = copyModel(dir, "fewer");
        // Valid settings, but 12 cepstral coefficients give other features than the 13 the classifier learnt on.
        String changed = Files.readString(json).replaceFirst("\"mfccs\"\\s*:\\s*13", "\"mfccs\" : 12");
        Files.writeString(json, changed);

        ParrotException e = assertThrows(ParrotException.class, () -> SoundModel.load(json));

        assertTrue(e.getMessage().contains("feature values"), e.getMessage());
        assertTrue(e.getMessage().contains(json.resolveSibling("fewer.model").toString()), e.getMessage());
    }

    @Test
    void aCopyClassifiesLikeTheOriginal() throws Exception {
        SoundModel model = TestSounds.model();
        float[] features = model.newFeatureExtractor().extract(TestSounds.take("low", TestSounds.RATE, 3), 2400);

        assertArrayEquals(model.probabilities(features), model.copy().probabilities(features), 1e-12);
    }

    /** The default learner's model is data: it loads from a file and the class path alike, and its copy agrees. */
    @Test
    void aForestModelLoadsWithoutNoteFromFileAndClassPathAndCopies(@TempDir Path dir) throws Exception {
        TestSounds.writeRecordings(dir.resolve("recordings"), 4, 1);
        Path models = dir.resolve("classes/models");
        new dev.parrot.training.SoundModelTrainer().train(dev.parrot.training.TrainingRequest.defaults(
                dir.resolve("recordings"), models, "noises").withClassifier("fast-forest", "-I 10")
                .withSeedAndFolds(42, 2));
        assertEquals("PARROTFF", new String(Files.readAllBytes(models.resolve("noises.model")), 0, 8,
                java.nio.charset.StandardCharsets.US_ASCII));

        SoundModel fromFile = SoundModel.load(models.resolve("noises.json"));
        assertEquals(java.util.Optional.empty(), fromFile.formatNote());
        float[] features = fromFile.newFeatureExtractor().extract(TestSounds.take("high", TestSounds.RATE, 5), 2400);
        double[] probabilities = fromFile.probabilities(features);
        assertEquals("high", fromFile.labels().get(argMax(probabilities)));
        assertArrayEquals(probabilities, fromFile.copy().probabilities(features), 0.0);
        try (URLClassLoader loader = new URLClassLoader(new URL[] {dir.resolve("classes").toUri().toURL()}, null)) {
            SoundModel fromClassPath = SoundModel.fromClasspath(loader, "models/noises");
            assertEquals(java.util.Optional.empty(), fromClassPath.formatNote());
            assertArrayEquals(probabilities, fromClassPath.probabilities(features), 0.0);
        }
    }

    private static int argMax(double[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) {
            if (values[i] > values[best]) {
                best = i;
            }
        }
        return best;
    }

    private static Path copyModel(Path dir, String name) throws Exception {
        Path json = TestSounds.modelFile();
        Files.copy(json, dir.resolve(name + ".json"));
        Files.copy(json.resolveSibling("plain.model"), dir.resolve(name + ".model"));
        Files.copy(json.resolveSibling("plain.onsets.model"), dir.resolve(name + ".onsets.model"));
        return dir.resolve(name + ".json");
    }
}
