package dev.parrot.training.incremental;

import dev.parrot.ParrotException;
import dev.parrot.model.ClassifierFormat;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.ModelFiles;
import dev.parrot.model.ModelLocks;
import dev.parrot.model.ModelInput;
import dev.parrot.model.ModelJson;
import dev.parrot.testing.CollectingLog;
import dev.parrot.testing.SyntheticRecordings;
import dev.parrot.training.BinnedForest;
import dev.parrot.training.SoundModelTrainer;
import dev.parrot.training.TrainingRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.core.DenseInstance;
import weka.core.Instances;
import weka.core.SerializationHelper;


import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The trainer keeps an up-to-date model on disk untouched, retrains on a change, and two trainings of one model at
 * once leave both files from the same one.
 */
class IncrementalTrainingTest {

    @TempDir
    Path dir;

    Path recordings;
    final CollectingLog log = new CollectingLog();
    final SoundModelTrainer trainer = new SoundModelTrainer();

    @BeforeEach
    void recordings() throws Exception {
        recordings = SyntheticRecordings.write(dir.resolve("recordings"), 3, 0.3, "low", "high");
    }

    private TrainingRequest request(long seed) {
        return TrainingRequest.builder(recordings, dir.resolve("models"), "tones").classifier("random-forest", "-I 5")
                .seed(seed).folds(2).threads(1).log(log).build();
    }

    private record Snapshot(byte[] model, byte[] json, FileTime modelTime, FileTime jsonTime) {
        static Snapshot of(ModelFiles files) throws Exception {
            return new Snapshot(Files.readAllBytes(files.classifierFile()), Files.readAllBytes(files.descriptorFile()),
                    Files.getLastModifiedTime(files.classifierFile()),
                    Files.getLastModifiedTime(files.descriptorFile()));
        }

        void assertUnchanged(ModelFiles files) throws Exception {
            Snapshot now = of(files);
            assertArrayEquals(model, now.model);
            assertArrayEquals(json, now.json);
            assertEquals(modelTime, now.modelTime);
            assertEquals(jsonTime, now.jsonTime);
        }
    }

    @Test
    void anUnchangedModelIsKeptAndAChangeRetrains() throws Exception {
        SoundModelTrainer.TrainingResult first = trainer.trainIfChanged(request(42));
        assertTrue(first.trained());
        assertTrue(log.infos().contains("Training model tones: there is no model yet"), log.infos().toString());
        ModelDescriptor written = first.files().readDescriptor();
        assertNotNull(written.fingerprint().classifierSha256());
        assertEquals(6, written.fingerprint().recordingCount());
        Snapshot snapshot = Snapshot.of(first.files());

        SoundModelTrainer.TrainingResult second = trainer.trainIfChanged(request(42));
        assertFalse(second.trained());
        assertEquals(written.fingerprint(), second.descriptor().fingerprint());
        assertEquals(written.createdAt(), second.descriptor().createdAt());
        snapshot.assertUnchanged(first.files());

        Path take = recordings.resolve("low/take-0.wav");
        Files.setLastModifiedTime(take, FileTime.fromMillis(Files.getLastModifiedTime(take).toMillis() + 2000));
        assertTrue(trainer.trainIfChanged(request(42)).trained(), "a changed recording retrains");
        assertTrue(log.infos().stream().anyMatch(l -> l.startsWith("Training model tones: recordings were")));
        assertFalse(trainer.trainIfChanged(request(42)).trained());

        assertTrue(trainer.trainIfChanged(request(7)).trained(), "a changed setting retrains");
        assertTrue(log.infos().contains("Training model tones: the settings or the Parrot version changed"));
        assertTrue(trainer.train(request(7)).trained(), "train() always trains, as parrot.force does");
    }

    @Test
    void aPairOfFilesFromTwoTrainingsIsNeitherKeptNorLoaded() throws Exception {
        ModelFiles files = trainer.trainIfChanged(request(42)).files();
        Path other = dir.resolve("other.model");
        Files.copy(files.classifierFile(), other);
        trainer.train(request(7));
        // As a build killed between its two moves leaves them: the classifier of one training, the JSON of another.
        Files.copy(other, files.classifierFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);

        ParrotException e = assertThrows(ParrotException.class, files::readBoth);
        assertTrue(e.getMessage().contains("is not the classifier"), e.getMessage());
        assertTrue(trainer.trainIfChanged(request(7)).trained());
        assertTrue(log.infos().contains("Training model tones: the model on disk is incomplete or its two files are"
                + " not from one training"));
        files.readBoth();
    }

    @Test
    void aForestInJavaSerialisationIsRetrainedOnceIntoItsOwnFormat() throws Exception {
        TrainingRequest forest = TrainingRequest.builder(recordings, dir.resolve("models"), "tones")
                .classifier("fast-forest", "-I 5").seed(42).folds(2).threads(1).log(log).build();
        ModelFiles files = trainer.trainIfChanged(forest).files();
        assertEquals(java.util.Optional.of(ClassifierFormat.FOREST), files.classifierFormat());
        assertFalse(trainer.trainIfChanged(forest).trained());

        // What an older Parrot wrote: the forest in Java's serialisation, its hash in the descriptor.
        Instances header = ModelInput.header("tones", List.of("x"), "sound", List.of("high", "low"));
        header.add(new DenseInstance(1, new double[] {0, 0}));
        header.add(new DenseInstance(1, new double[] {1, 1}));
        BinnedForest old = new BinnedForest();
        old.buildClassifier(header);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerializationHelper.writeAll(bytes, new Object[] {old, new Instances(header, 0)});
        Files.write(files.classifierFile(), bytes.toByteArray());
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) ModelJson.mapper().valueToTree(
                files.readDescriptor());
        ((com.fasterxml.jackson.databind.node.ObjectNode) tree.get("fingerprint")).put("classifierSha256",
                files.classifierSha256());
        Files.write(files.descriptorFile(), ModelJson.mapper().writeValueAsBytes(tree));
        assertTrue(files.readWholeDescriptor().isPresent(), "a consistent pair, as an older Parrot left it");

        assertTrue(trainer.trainIfChanged(forest).trained());
        assertTrue(log.infos().contains("Training model tones: the model file is a fast-forest in Java's"
                + " serialisation, as an older Parrot wrote it; it is written as data now"), log.infos().toString());
        assertEquals(java.util.Optional.of(ClassifierFormat.FOREST), files.classifierFormat());
        assertFalse(trainer.trainIfChanged(forest).trained());
    }

    @Test
    void aModelFromBeforeFingerprintsIsRetrainedOnce() throws Exception {
        ModelFiles files = trainer.trainIfChanged(request(42)).files();
        ModelDescriptor old = files.readDescriptor();
        // What an older Parrot wrote: the same descriptor without the fingerprint.
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) ModelJson.mapper().valueToTree(old);
        tree.remove("fingerprint");
        Files.write(files.descriptorFile(), ModelJson.mapper().writeValueAsBytes(tree));
        assertEquals(null, files.readDescriptor().fingerprint());

        assertTrue(trainer.trainIfChanged(request(42)).trained());
        assertFalse(trainer.trainIfChanged(request(42)).trained());
    }

    @Test
    void twoTrainingsOfOneModelAtOnceLeaveAWholeModel() throws Exception {
        trainer.train(request(1));
        ModelFiles files = new ModelFiles(dir.resolve("models"), "tones");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<SoundModelTrainer.TrainingResult>> trainings = new ArrayList<>();
            for (long seed : new long[] {2, 3}) {
                trainings.add(pool.submit(() -> {
                    start.await();
                    return trainer.train(request(seed));
                }));
            }
            start.countDown();
            List<Long> seeds = new ArrayList<>();
            for (Future<SoundModelTrainer.TrainingResult> t : trainings) {
                seeds.add(t.get().descriptor().training().seed());
            }
            assertEquals(List.of(2L, 3L), seeds);
        } finally {
            pool.shutdownNow();
        }
        ModelFiles.Loaded whole = files.readBoth();
        assertTrue(List.of(2L, 3L).contains(whole.descriptor().training().seed()));
        try (var listing = Files.list(dir.resolve("models"))) {
            assertEquals(List.of("tones-history.json", "tones.json", "tones.model", "tones.onsets.model"),
                    listing.map(p -> p.getFileName().toString()).sorted().toList(), "no temporary file left");
        }
    }

    /**
     * A writer half-way, with the classifier of its training moved into place and the JSON of the one before still
     * there, holds the model's lock: a reader waits for it and then reads the writer's whole model. The half-way state
     * is set up by hand under the lock, so the test does not depend on a reader happening to run at that moment.
     */
    @Test
    void aReaderWaitsForAWriterBetweenItsTwoFilesAndThenReadsItsWholeModel() throws Exception {
        ModelFiles files = trainer.train(request(1)).files();
        byte[] newClassifier = Files.readAllBytes(files.classifierFile());
        byte[] newOnsets = Files.readAllBytes(files.onsetClassifierFile());
        byte[] newJson = Files.readAllBytes(files.descriptorFile());
        trainer.train(request(2));
        assertFalse(java.util.Arrays.equals(newClassifier, Files.readAllBytes(files.classifierFile())),
                "two trainings, two classifiers");

        FutureTask<ModelFiles.Loaded> read = new FutureTask<>(files::readBoth);
        Thread reader = new Thread(read, "reader");
        try (AutoCloseable writing = ModelLocks.holdForWriting(files.classifierFile().getParent(), "tones")) {
            // The writer's first moves, its classifiers: the model's files are torn now.
            Files.write(files.classifierFile(), newClassifier);
            Files.write(files.onsetClassifierFile(), newOnsets);
            reader.start();
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (!read.isDone() && !ModelLocks.waitsForTheLock(reader) && System.nanoTime() < deadline) {
                Thread.onSpinWait();
            }
            assertFalse(read.isDone(), "the reader did not wait for the writer: it read the torn pair");
            assertTrue(ModelLocks.waitsForTheLock(reader), "the reader is waiting for the model's lock");
            Files.write(files.descriptorFile(), newJson); // the writer's second move
        }
        ModelFiles.Loaded seen = read.get(60, TimeUnit.SECONDS);
        assertEquals(1L, seen.descriptor().training().seed(), "the writer's model, both files of it");
    }
}
