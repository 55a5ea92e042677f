package dev.parrot.training;

import com.fasterxml.jackson.databind.JsonNode;
import dev.parrot.ParrotException;
import dev.parrot.audio.WavWriter;
import dev.parrot.dataset.DatasetException;
import dev.parrot.features.FeatureExtractor;
import dev.parrot.features.FeatureSettings;
import dev.parrot.features.SoundWindows;
import dev.parrot.model.AugmentationSettings;
import dev.parrot.model.LoadedClassifier;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.ModelFiles;
import dev.parrot.model.ModelHistory;
import dev.parrot.model.ModelInput;
import dev.parrot.model.ModelJson;
import dev.parrot.testing.CollectingLog;
import dev.parrot.testing.SyntheticRecordings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.classifiers.Classifier;
import weka.core.Instances;
import weka.core.SerializationHelper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trains on small generated recordings, twice with the same seed, and checks what lands on disk. */
class SoundModelTrainerTest {

    /** Sorted as the folders are discovered; low and mid overlap in pitch, so the evaluation is not trivially perfect. */
    private static final List<String> LABELS = List.of("high", "low", "mid", "rush");

    @TempDir
    static Path dir;

    static Path recordings;
    static SoundModelTrainer.TrainingResult first;
    static SoundModelTrainer.TrainingResult second;
    static SoundModelTrainer.TrainingResult otherSeed;
    /** What the training of {@link #first} logged, and nothing else: each training a test reads logs on its own. */
    static final CollectingLog firstLog = new CollectingLog();

    /** A request that logs nowhere; a test that checks the log gives the training a log of its own. */
    static TrainingRequest request(Path output, String name) {
        return request(output, name, 42);
    }

    static TrainingRequest request(Path output, String name, long seed) {
        return TrainingRequest.builder(recordings, output, name).classifier("random-forest", "-I 10").seed(seed)
                .folds(4).threads(2).build();
    }

    @BeforeAll
    static void trainTwice() throws Exception {
        recordings = SyntheticRecordings.write(dir.resolve("recordings"), 4, 0.3, "low", "mid", "high", "rush");
        Files.write(recordings.resolve("rush/broken.wav"), new byte[] {'R', 'I', 'F', 'F'});
        // A long take makes high undersampled and the others oversampled, so balancing draws at random.
        WavWriter.writePcm16(recordings.resolve("high/long.wav"), SyntheticRecordings.take("high", 10, 1.2),
                SyntheticRecordings.RATE);
        SoundModelTrainer trainer = new SoundModelTrainer();
        first = trainer.train(request(dir.resolve("out-1"), "noises").withLog(firstLog));
        second = trainer.train(request(dir.resolve("out-2"), "noises"));
        otherSeed = trainer.train(request(dir.resolve("out-3"), "noises", 7));
    }

    private static Object[] loadWithWeka(ModelFiles files) throws Exception {
        return SerializationHelper.readAll(files.classifierFile().toString());
    }

    /** Features of the windows with sound of a take the model has not heard. */
    private static List<float[]> unseenWindows(String sound) {
        float[] samples = SyntheticRecordings.take(sound, 99, 0.3);
        FeatureExtractor extractor = new FeatureExtractor(FeatureSettings.defaults());
        List<float[]> windows = new ArrayList<>();
        for (int start : SoundWindows.soundStarts(samples, FeatureSettings.defaults())) {
            windows.add(extractor.extract(samples, start));
        }
        return windows;
    }

    @Test
    void writesBothFiles() throws Exception {
        ModelFiles files = first.files();
        assertEquals(dir.resolve("out-1/noises.model"), files.classifierFile());
        assertTrue(Files.size(files.classifierFile()) > 0);
        assertTrue(Files.size(files.descriptorFile()) > 0);
        try (var listing = Files.list(dir.resolve("out-1"))) {
            assertEquals(4, listing.count(), "the model, its onset model, its JSON and its history; no temporary file"
                    + " left behind");
        }
    }

    @Test
    void eachTrainingAppendsItsFiguresToTheHistoryBesideTheModel() throws Exception {
        Path out = dir.resolve("out-history");
        SoundModelTrainer.TrainingResult once = new SoundModelTrainer().train(request(out, "noises"));
        ModelHistory history = ModelHistory.read(ModelHistory.file(once.files()), "noises");
        assertEquals(1, history.builds().size());
        Files.writeString(out.resolve("noises.json"), "a user's edit the next training replaces");
        SoundModelTrainer.TrainingResult twice = new SoundModelTrainer().train(request(out, "noises", 7));

        history = ModelHistory.read(out.resolve("noises-history.json"), "noises");
        assertEquals(2, history.builds().size());
        ModelHistory.Build last = history.builds().get(1);
        assertEquals(twice.descriptor().evaluation().accuracy(), last.accuracy());
        assertEquals(twice.descriptor().createdAt(), last.createdAt());
        assertEquals(LABELS, List.copyOf(last.recall().keySet()));
        assertEquals(once.descriptor().evaluation().accuracy(), history.builds().get(0).accuracy());
    }

    @Test
    void historyLinesAppendedAtOnceAreAllKept() throws Exception {
        Path out = dir.resolve("out-history-concurrent");
        SoundModelTrainer.TrainingResult once = new SoundModelTrainer().train(request(out, "noises"));
        int writers = 8;
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
            List<java.util.concurrent.Future<ModelHistory>> appends = new java.util.ArrayList<>();
            for (int i = 0; i < writers; i++) {
                appends.add(pool.submit(() -> {
                    start.await();
                    return ModelHistory.append(once.files(), once.descriptor(), dev.parrot.ProgressLog.SILENT);
                }));
            }
            start.countDown();
            for (java.util.concurrent.Future<ModelHistory> append : appends) {
                append.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1 + writers, ModelHistory.read(ModelHistory.file(once.files()), "noises").builds().size(),
                "each append read the history the one before it wrote");
    }

    @Test
    void anUnreadableHistoryIsMovedAsideAndANewOneBegins() throws Exception {
        Path out = dir.resolve("out-broken-history");
        Files.createDirectories(out);
        Files.writeString(out.resolve("noises-history.json"), "{ not json");
        CollectingLog warnings = new CollectingLog();
        new SoundModelTrainer().train(request(out, "noises").withLog(warnings));
        assertEquals(1, ModelHistory.read(out.resolve("noises-history.json"), "noises").builds().size());
        assertEquals("{ not json", Files.readString(out.resolve("noises-history.json.unreadable")));
        assertTrue(warnings.warnings().stream().anyMatch(w -> w.contains("noises-history.json is not a model history")
                && w.contains("moved to")), warnings.warnings().toString());
    }

    @Test
    void theRecordingsCrossValidationGotWrongAreNamedWithWhatTheyWereHeardAs() throws Exception {
        ModelDescriptor.Evaluation e = first.descriptor().evaluation();
        // low and mid overlap in pitch, so some windows are always heard wrongly.
        assertTrue(e.accuracy() < 1, "the fixture should not be perfectly separable");
        assertTrue(!e.mistakes().isEmpty());
        assertTrue(e.mistakes().size() <= ModelDescriptor.Evaluation.MISTAKES_KEPT);
        for (ModelDescriptor.Mistake m : e.mistakes()) {
            assertTrue(Files.isRegularFile(recordings.resolve(m.file())), m.file());
            assertTrue(m.file().startsWith(m.sound() + "/"), m.toString());
            assertTrue(LABELS.contains(m.heardAs()) && !m.heardAs().equals(m.sound()), m.toString());
            assertTrue(m.recordingWrong() || m.windowsWrong() > 0, m.toString());
            assertTrue(m.windowsWrong() <= m.windows(), m.toString());
        }
        // Worst first: recordings heard wrongly as a whole, then by the share of wrong windows.
        for (int i = 1; i < e.mistakes().size(); i++) {
            ModelDescriptor.Mistake a = e.mistakes().get(i - 1);
            ModelDescriptor.Mistake b = e.mistakes().get(i);
            assertTrue(a.recordingWrong() && !b.recordingWrong() || a.recordingWrong() == b.recordingWrong()
                    && a.windowsWrong() * (long) b.windows() >= b.windowsWrong() * (long) a.windows(), a + " / " + b);
        }
        JsonNode json = ModelJson.mapper().readTree(first.files().descriptorFile().toFile());
        assertEquals(e.mistakes().get(0).file(), json.at("/evaluation/mistakes/0/file").asText());
    }

    @Test
    void wekaLoadsTheModelAndItRecognisesUnseenTakes() throws Exception {
        Object[] objects = loadWithWeka(first.files());
        Classifier classifier = assertInstanceOf(weka.classifiers.trees.RandomForest.class, objects[0]);
        Instances header = assertInstanceOf(Instances.class, objects[1]);
        assertEquals(0, header.numInstances());
        assertEquals("sound", header.classAttribute().name());
        for (int c = 0; c < LABELS.size(); c++) {
            assertEquals(LABELS.get(c), header.classAttribute().value(c));
        }
        for (String sound : LABELS) {
            // Low and mid may be taken for each other, but never for high or rush.
            List<String> acceptable = sound.equals("low") || sound.equals("mid") ? List.of("low", "mid")
                    : List.of(sound);
            int right = 0;
            List<float[]> windows = unseenWindows(sound);
            for (float[] window : windows) {
                double predicted = classifier.classifyInstance(ModelInput.instance(header, window));
                if (acceptable.contains(header.classAttribute().value((int) predicted))) {
                    right++;
                }
            }
            assertTrue(right > windows.size() * 0.8, sound + ": " + right + " of " + windows.size() + " windows");
        }
    }

    @Test
    void descriptorDescribesTrainingAndEvaluation() throws Exception {
        JsonNode json = ModelJson.mapper().readTree(first.files().descriptorFile().toFile());
        assertEquals(ModelDescriptor.FORMAT_VERSION, json.get("formatVersion").asInt());
        assertEquals("noises", json.get("name").asText());
        assertEquals(LABELS, List.of(ModelJson.mapper().treeToValue(json.get("labels"), String[].class)));
        assertEquals(FeatureSettings.CURRENT_VERSION, json.at("/features/settings/version").asText());
        assertEquals(new FeatureExtractor(FeatureSettings.defaults()).dimension(),
                json.at("/features/dimension").asInt());
        assertEquals("random-forest", json.at("/classifier/name").asText());
        assertEquals("weka.classifiers.trees.RandomForest", json.at("/classifier/wekaClass").asText());
        assertTrue(json.at("/classifier/options").asText().contains("-I 10"), json.at("/classifier/options").asText());

        JsonNode skipped = json.at("/training/skipped");
        assertEquals(1, skipped.size());
        assertEquals("rush/broken.wav", skipped.get(0).get("file").asText());
        assertTrue(skipped.get(0).get("reason").asText().contains("only 4 bytes"));

        long windows = 0;
        for (JsonNode sound : json.at("/training/sounds")) {
            boolean high = sound.get("sound").asText().equals("high");
            assertEquals(high ? 5 : 4, sound.get("recordings").asInt(), sound.toString());
            assertEquals(high ? "undersampled" : "oversampled", sound.get("balancing").asText(), sound.toString());
            windows += sound.get("windows").asLong();
        }

        JsonNode evaluation = json.get("evaluation");
        double accuracy = evaluation.get("accuracy").asDouble();
        assertTrue(accuracy >= 0 && accuracy <= 1, "accuracy " + accuracy);
        assertTrue(accuracy > 0.7, "high and rush at least are easy: " + accuracy);
        assertEquals(4, evaluation.get("folds").asInt());
        assertEquals(4, evaluation.get("foldAccuracies").size());
        assertEquals(17, evaluation.get("recordings").asInt());
        assertEquals(windows, evaluation.get("windows").asLong(), "every window tested once");

        JsonNode matrix = evaluation.get("confusionMatrix");
        assertEquals(json.get("labels"), matrix.get("labels"));
        long total = 0;
        long diagonal = 0;
        for (int actual = 0; actual < LABELS.size(); actual++) {
            long row = 0;
            for (int predicted = 0; predicted < LABELS.size(); predicted++) {
                long n = matrix.get("counts").get(actual).get(predicted).asLong();
                row += n;
                if (actual == predicted) {
                    diagonal += n;
                }
            }
            JsonNode metrics = evaluation.get("perSound").get(actual);
            assertEquals(LABELS.get(actual), metrics.get("sound").asText());
            assertEquals(row, metrics.get("support").asLong(), "support is the row of the matrix");
            assertEquals(json.at("/training/sounds").get(actual).get("windows").asLong(), row);
            total += row;
        }
        assertEquals(evaluation.get("windows").asLong(), total);
        assertEquals(accuracy, diagonal / (double) total, 1e-9);
    }

    @Test
    void aLearnerParrotDoesNotOfferTrainsWithAWarningThatItsModelWillNotLoad() throws Exception {
        CollectingLog own = new CollectingLog();
        SoundModelTrainer.TrainingResult zeroR = new SoundModelTrainer().train(TrainingRequest.builder(recordings,
                dir.resolve("out-zeror"), "zero").classifier("weka.classifiers.rules.ZeroR", "").folds(2).threads(1)
                .log(own).build());
        assertTrue(own.warnings().stream().anyMatch(w -> w.startsWith("Models of weka.classifiers.rules.ZeroR are"
                + " written in Weka's serialisation") && w.contains("this model will not load there")),
                own.warnings().toString());
        ParrotException e = assertThrows(ParrotException.class, () -> zeroR.files().readClassifier());
        assertTrue(e.getMessage().contains("it holds a weka.classifiers.rules.ZeroR"), e.getMessage());
        assertTrue(firstLog.warnings().stream().noneMatch(w -> w.startsWith("Models of ")), "random-forest loads");
    }

    @Test
    void descriptorAndClassifierReadBack() throws Exception {
        ModelDescriptor read = first.files().readDescriptor();
        assertEquals(first.descriptor().labels(), read.labels());
        assertEquals(first.descriptor().features(), read.features());
        LoadedClassifier loaded = first.files().readClassifier();
        assertEquals(read.features().dimension() + 1, loaded.header().numAttributes());
    }

    @Test
    void sameSeedSameEvaluationAndSamePredictions() throws Exception {
        JsonNode a = ModelJson.mapper().readTree(first.files().descriptorFile().toFile());
        JsonNode b = ModelJson.mapper().readTree(second.files().descriptorFile().toFile());
        assertEquals(a.get("evaluation"), b.get("evaluation"));
        assertEquals(a.at("/training/sounds"), b.at("/training/sounds"));
        assertEquals(a.get("calibration"), b.get("calibration"));

        Classifier one = (Classifier) loadWithWeka(first.files())[0];
        Classifier two = (Classifier) loadWithWeka(second.files())[0];
        Instances header = (Instances) loadWithWeka(first.files())[1];
        int compared = 0;
        for (String sound : LABELS) {
            for (float[] window : unseenWindows(sound)) {
                assertArrayEquals(one.distributionForInstance(ModelInput.instance(header, window)),
                        two.distributionForInstance(ModelInput.instance(header, window)), 0.0);
                compared++;
            }
        }
        assertTrue(compared > 20);
    }

    @Test
    void anotherSeedGivesAnotherEvaluation() throws Exception {
        // Shows the comparison above can fail: the estimate depends on how recordings fall into folds.
        JsonNode a = ModelJson.mapper().readTree(first.files().descriptorFile().toFile());
        JsonNode c = ModelJson.mapper().readTree(otherSeed.files().descriptorFile().toFile());
        assertTrue(!a.at("/evaluation/foldAccuracies").equals(c.at("/evaluation/foldAccuracies")),
                a.at("/evaluation/foldAccuracies") + " vs " + c.at("/evaluation/foldAccuracies"));
    }

    @Test
    void logsBalancingFoldsAndTheSummary() {
        List<String> infos = firstLog.infos();
        assertTrue(infos.stream().anyMatch(m -> m.startsWith("Accuracy: ")), infos.toString());
        assertTrue(infos.stream().anyMatch(m -> m.contains("fold 4/4")), infos.toString());
        assertTrue(infos.stream()
                .anyMatch(m -> m.matches("  (high|low|mid|rush): (kept|oversampled|undersampled).*")),
                infos.toString());
        assertTrue(firstLog.warnings().stream().anyMatch(w -> w.contains("broken.wav")),
                firstLog.warnings().toString());
        assertTrue(infos.stream().noneMatch(m -> m.startsWith("Augmentation: ")), "trained without copies: " + infos);
    }

    @Test
    void withoutBalancingEveryWindowIsUsed() throws Exception {
        ModelDescriptor d = new SoundModelTrainer()
                .train(request(dir.resolve("out-unbalanced"), "plain").withBalance(false)).descriptor();
        assertTrue(!d.training().balanced());
        for (ModelDescriptor.SoundSummary sound : d.training().sounds()) {
            assertEquals(sound.windows(), sound.windowsUsed(), sound.toString());
            assertEquals("kept", sound.balancing());
        }
        assertTrue(!d.evaluation().method().contains("balanced"), d.evaluation().method());
        assertEquals(first.descriptor().evaluation().windows(), d.evaluation().windows(),
                "test folds are evaluated as recorded either way");
    }

    @Test
    void augmentationIsSeededDescribedAndTrainsOnlyOnCopiesOfTrainingRecordings() throws Exception {
        AugmentationSettings one = AugmentationSettings.standard(1);
        CollectingLog log = new CollectingLog();
        ModelDescriptor a = new SoundModelTrainer()
                .train(request(dir.resolve("out-aug-1"), "aug").withAugmentation(one).withLog(log)).descriptor();
        ModelDescriptor b = new SoundModelTrainer()
                .train(request(dir.resolve("out-aug-2"), "aug").withAugmentation(one)).descriptor();
        assertEquals(ModelJson.mapper().valueToTree(a.evaluation()), ModelJson.mapper().valueToTree(b.evaluation()),
                "same recordings and seed, same copies and model");
        assertEquals(one, a.training().augmentation());
        assertEquals(AugmentationSettings.off(), first.descriptor().training().augmentation());
        JsonNode json = ModelJson.mapper().readTree(dir.resolve("out-aug-1/aug.json").toFile());
        assertEquals(1, json.at("/training/augmentation/copies").asInt());
        // Copies train, never test: the folds evaluate the same windows as without augmentation.
        assertEquals(first.descriptor().evaluation().windows(), a.evaluation().windows());
        long recorded = first.descriptor().training().sounds().stream()
                .mapToLong(ModelDescriptor.SoundSummary::windows).sum();
        long withCopies = a.training().sounds().stream().mapToLong(ModelDescriptor.SoundSummary::windows).sum();
        assertTrue(withCopies > recorded * 1.5, withCopies + " windows with copies, " + recorded + " without");
        assertTrue(log.infos().stream().anyMatch(m -> m.startsWith("Augmentation: 1 varied copies")
                && !m.contains("in context")), log.infos().toString());
    }

    @Test
    void copiesInContextAreSeededDescribedAndKeepTheSoundsWindows() throws Exception {
        AugmentationSettings inContext = AugmentationSettings.standard(1).withContext(1, 10, 30, 0.5);
        CollectingLog log = new CollectingLog();
        ModelDescriptor a = new SoundModelTrainer()
                .train(request(dir.resolve("out-ctx-1"), "ctx").withAugmentation(inContext).withLog(log))
                .descriptor();
        ModelDescriptor b = new SoundModelTrainer()
                .train(request(dir.resolve("out-ctx-2"), "ctx").withAugmentation(inContext)).descriptor();
        ModelDescriptor alone = new SoundModelTrainer().train(request(dir.resolve("out-ctx-alone"), "ctx")
                .withAugmentation(AugmentationSettings.standard(1))).descriptor();
        assertEquals(ModelJson.mapper().valueToTree(a.evaluation()), ModelJson.mapper().valueToTree(b.evaluation()),
                "same recordings and seed, same mixes and model");
        JsonNode json = ModelJson.mapper().readTree(dir.resolve("out-ctx-1/ctx.json").toFile());
        assertEquals(1.0, json.at("/training/augmentation/contextProbability").asDouble());
        assertEquals(30.0, json.at("/training/augmentation/maxContextSnrDb").asDouble());
        assertEquals(inContext, a.training().augmentation());
        try (java.io.InputStream in = Files.newInputStream(dir.resolve("out-ctx-1/ctx.json"))) {
            assertEquals(inContext, ModelJson.parseDescriptor(in, "ctx.json").training().augmentation(),
                    "read back with its context settings");
        }
        // The windows of a copy are chosen on the copy alone: the background under and before it adds none.
        for (int i = 0; i < a.training().sounds().size(); i++) {
            assertEquals(alone.training().sounds().get(i).windows(), a.training().sounds().get(i).windows());
        }
        assertTrue(log.infos().stream().anyMatch(m -> m.contains("100% in context")), log.infos().toString());
    }

    @Test
    void aLearnerThatCannotHandleSoundsIsAParrotException() {
        // Linear regression predicts numbers, not a nominal sound: Weka refuses the data.
        ParrotException e = assertThrows(ParrotException.class, () -> new SoundModelTrainer().train(
                request(dir.resolve("out-regression"), "regression")
                        .withClassifier("weka.classifiers.functions.LinearRegression", "")));
        assertTrue(e.getMessage().contains("Weka could not train weka.classifiers.functions.LinearRegression"),
                e.getMessage());
        assertTrue(Files.notExists(dir.resolve("out-regression/regression.model")));
    }

    @Test
    void badRequestsFailBeforeReadingAudio() {
        ParrotException name = assertThrows(ParrotException.class, () -> new SoundModelTrainer()
                .train(request(dir.resolve("never"), "../escape")));
        assertTrue(name.getMessage().contains("'../escape'"), name.getMessage());
        ParrotException folds = assertThrows(ParrotException.class, () -> new SoundModelTrainer()
                .train(request(dir.resolve("never"), "m").withSeedAndFolds(1, 1)));
        assertTrue(folds.getMessage().contains("at least 2 folds"), folds.getMessage());
        ParrotException classifier = assertThrows(ParrotException.class, () -> new SoundModelTrainer()
                .train(request(dir.resolve("never"), "m").withClassifier("random-jungle", "")));
        assertTrue(classifier.getMessage().contains("random-jungle"), classifier.getMessage());
        DatasetException sounds = assertThrows(DatasetException.class, () -> new SoundModelTrainer()
                .train(request(dir.resolve("never"), "m").withSounds(List.of("low", "whistle"))));
        assertTrue(sounds.getMessage().contains("whistle"), sounds.getMessage());
        assertTrue(Files.notExists(dir.resolve("never")), "nothing written");
    }
}
