package dev.parrot.model;

import dev.parrot.ParrotException;
import dev.parrot.training.BinnedForest;
import dev.parrot.training.ClassifierType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import weka.classifiers.Classifier;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SerializationHelper;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFilesTest {

    private static final List<String> FEATURES = List.of("mfcc0", "mfcc1", "centroid", "flatness", "level");
    private static final List<String> SOUNDS = List.of("click", "hiss", "pop");

    @TempDir
    Path dir;

    static Instances data;

    /** Three sounds that overlap in every feature, so that the forest's leaves hold mixed frequencies. */
    @BeforeAll
    static void windows() {
        data = ModelInput.header("tones", FEATURES, "sound", SOUNDS);
        Random random = new Random(3);
        for (int i = 0; i < 600; i++) {
            double[] values = new double[FEATURES.size() + 1];
            int sound = i % SOUNDS.size();
            for (int f = 0; f < FEATURES.size(); f++) {
                values[f] = random.nextGaussian() + sound * (f % 2 == 0 ? 0.8 : -0.5);
            }
            values[FEATURES.size()] = sound;
            data.add(new DenseInstance(1, values));
        }
    }

    private static Classifier trainedForest(int seed) throws Exception {
        Classifier forest = ClassifierType.create("fast-forest", "-I 20", seed, 1);
        forest.buildClassifier(data);
        return forest;
    }

    private static ModelDescriptor descriptor() {
        return new ModelDescriptor(ModelDescriptor.FORMAT_VERSION, "tones", null, null, SOUNDS, null, null, null,
                null);
    }

    /** The windows trained on, and as many new ones, some far outside what was trained on. */
    private static List<Instance> windowsToCompare() {
        List<Instance> windows = new java.util.ArrayList<>(data);
        Random random = new Random(11);
        for (int i = 0; i < 600; i++) {
            double[] values = new double[FEATURES.size() + 1];
            for (int f = 0; f < FEATURES.size(); f++) {
                values[f] = random.nextGaussian() * (i % 3 == 0 ? 10 : 1);
            }
            values[FEATURES.size()] = weka.core.Utils.missingValue();
            Instance window = new DenseInstance(1, values);
            window.setDataset(data);
            windows.add(window);
        }
        return windows;
    }

    private static void assertSamePredictions(Classifier expected, Classifier actual) throws Exception {
        int mixed = 0;
        for (Instance window : windowsToCompare()) {
            double[] before = expected.distributionForInstance(window);
            assertArrayEquals(before, actual.distributionForInstance(window), 0.0);
            if (Arrays.stream(before).noneMatch(p -> p == 1.0)) {
                mixed++;
            }
        }
        assertTrue(mixed > 100, "too few windows with an uncertain answer to tell forests apart: " + mixed);
    }

    @Test
    void pathsOfTheTwoFiles() {
        ModelFiles files = new ModelFiles(dir, "noises");
        assertEquals(dir.resolve("noises.model"), files.classifierFile());
        assertEquals(dir.resolve("noises.json"), files.descriptorFile());
        ModelFiles fromJson = ModelFiles.of(dir.resolve("noises.json"));
        assertEquals("noises", fromJson.name());
        assertEquals(files.classifierFile().toAbsolutePath(), fromJson.classifierFile());
        assertEquals("my.model.v2", ModelFiles.of(dir.resolve("my.model.v2.model")).name());
    }

    @Test
    void missingFilesSayToTrainFirst() {
        ModelFiles files = new ModelFiles(dir, "noises");
        ParrotException json = assertThrows(ParrotException.class, files::readDescriptor);
        assertTrue(json.getMessage().contains(files.descriptorFile().toString()), json.getMessage());
        assertTrue(json.getMessage().contains("run parrot:train first"), json.getMessage());
        ParrotException model = assertThrows(ParrotException.class, files::readClassifier);
        assertTrue(model.getMessage().contains(files.classifierFile().toString()), model.getMessage());
    }

    @Test
    void aClassifierFileInNeitherFormatIsRefusedByName() throws Exception {
        ModelFiles files = new ModelFiles(dir, "noises");
        Files.writeString(files.classifierFile(), "not serialised");
        ParrotException e = assertThrows(ParrotException.class, files::readClassifier);
        assertEquals(files.classifierFile() + " is not a model written by parrot:train: it is neither in Parrot's"
                + " forest format (which starts with \"PARROTFF\") nor in Weka's serialisation (which starts with"
                + " AC ED).", e.getMessage());
    }

    @Test
    void aForestIsWrittenAsDataAndPredictsExactlyAsTrained() throws Exception {
        Classifier forest = trainedForest(42);
        ModelFiles files = new ModelFiles(dir, "tones");
        ModelDescriptor written = files.write(forest, data, descriptor());

        byte[] bytes = Files.readAllBytes(files.classifierFile());
        assertEquals("PARROTFF", new String(bytes, 0, 8, StandardCharsets.US_ASCII));
        assertEquals(Optional.of(ClassifierFormat.FOREST), files.classifierFormat());
        LoadedClassifier loaded = files.readClassifier();
        assertEquals(ClassifierFormat.FOREST, loaded.format());
        assertNull(loaded.note(), "a forest runs no code: nothing to warn about");
        assertEquals(written.fingerprint().classifierSha256(), loaded.sha256());
        assertEquals(data.numAttributes(), loaded.header().numAttributes());
        for (int a = 0; a < data.numAttributes(); a++) {
            assertEquals(data.attribute(a).name(), loaded.header().attribute(a).name());
        }
        assertEquals(data.numAttributes() - 1, loaded.header().classIndex());
        assertEquals(SOUNDS, List.of(loaded.header().classAttribute().value(0),
                loaded.header().classAttribute().value(1), loaded.header().classAttribute().value(2)));
        assertSamePredictions(forest, loaded.classifier());
    }

    @Test
    void theSameForestTrainedTwiceIsTheSameFile() throws Exception {
        new ModelFiles(dir.resolve("a"), "tones").write(trainedForest(42), data, descriptor());
        new ModelFiles(dir.resolve("b"), "tones").write(trainedForest(42), data, descriptor());
        new ModelFiles(dir.resolve("c"), "tones").write(trainedForest(7), data, descriptor());
        byte[] a = Files.readAllBytes(dir.resolve("a/tones.model"));
        assertArrayEquals(a, Files.readAllBytes(dir.resolve("b/tones.model")));
        assertNotEquals(Arrays.hashCode(a), Arrays.hashCode(Files.readAllBytes(dir.resolve("c/tones.model"))),
                "another seed grows another forest, so the comparison above can fail");
    }

    @Test
    void aForestReadBackIsWrittenAgainByteForByte() throws Exception {
        ModelFiles files = new ModelFiles(dir.resolve("a"), "tones");
        files.write(trainedForest(42), data, descriptor());
        LoadedClassifier loaded = files.readClassifier();
        ModelFiles again = new ModelFiles(dir.resolve("b"), "tones");
        again.write(loaded.classifier(), loaded.header(), descriptor());
        assertArrayEquals(Files.readAllBytes(files.classifierFile()), Files.readAllBytes(again.classifierFile()));
    }

    @Test
    void aForestModelOfAnOlderParrotInJavaSerialisationStillLoadsWithANote() throws Exception {
        Classifier forest = trainedForest(42);
        ByteArrayOutputStream old = new ByteArrayOutputStream();
        // What parrot:train wrote before the forest format.
        SerializationHelper.writeAll(old, new Object[] {forest, new Instances(data, 0)});
        ModelFiles files = new ModelFiles(dir, "tones");
        Files.write(files.classifierFile(), old.toByteArray());

        assertEquals(Optional.of(ClassifierFormat.WEKA), files.classifierFormat());
        LoadedClassifier loaded = files.readClassifier();
        assertEquals(ClassifierFormat.WEKA, loaded.format());
        assertInstanceOf(BinnedForest.class, loaded.classifier());
        assertEquals(files.classifierFile() + " is a fast-forest model written by an older Parrot in Java's"
                + " serialisation, which runs code while it is read: load it only from a trusted source, and train"
                + " it again to get Parrot's forest format, which is data only.", loaded.note());
        assertSamePredictions(forest, loaded.classifier());
    }
}
