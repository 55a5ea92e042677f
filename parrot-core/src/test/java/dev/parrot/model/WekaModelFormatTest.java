package dev.parrot.model;

import dev.parrot.ParrotException;
import dev.parrot.training.ClassifierType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import weka.classifiers.Classifier;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SerializationHelper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputFilter;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Models of every learner Parrot offers, in Weka's serialisation: what each stream holds (recorded with a filter that
 * admits everything) is what {@link WekaClassFilter} lets through for that learner, and nothing of another learner or
 * of no model is read.
 */
class WekaModelFormatTest {

    static Instances data;

    /** The layout of Parrot's data sets (numeric features, the sound last) with three sounds. */
    @BeforeAll
    static void windows() {
        data = ModelInput.header("tones", List.of("mfcc0", "mfcc1", "centroid", "level"), "sound",
                List.of("click", "hiss", "pop"));
        Random random = new Random(1);
        for (int i = 0; i < 90; i++) {
            int sound = i % 3;
            data.add(new DenseInstance(1, new double[] {random.nextGaussian() + sound * 2, random.nextGaussian(),
                    random.nextGaussian() - sound, random.nextGaussian(), sound}));
        }
    }

    private static byte[] serialised(Classifier classifier) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerializationHelper.writeAll(bytes, new Object[] {classifier, new Instances(data, 0)});
        return bytes.toByteArray();
    }

    /** Every class a stream names, read with nothing refused. */
    private static Set<String> classesIn(byte[] stream) throws Exception {
        Set<String> seen = new TreeSet<>();
        ObjectInputStream in = SerializationHelper.getObjectInputStream(new ByteArrayInputStream(stream));
        in.setObjectInputFilter(info -> {
            Class<?> type = info.serialClass();
            while (type != null && type.isArray()) {
                type = type.getComponentType();
            }
            if (type != null && !type.isPrimitive()) {
                seen.add(type.getName());
            }
            return ObjectInputFilter.Status.ALLOWED;
        });
        in.readObject();
        in.readObject();
        return seen;
    }

    /** Each learner with its defaults, and with options that pick other parts (kernels, estimators, searches). */
    static Stream<Arguments> learners() {
        Stream<Arguments> defaults = Arrays.stream(ClassifierType.values()).map(t -> Arguments.of(t.id(), ""));
        return Stream.concat(defaults, Stream.of(
                Arguments.of("svm", "-K weka.classifiers.functions.supportVector.RBFKernel -N 1"),
                Arguments.of("naive-bayes", "-K"),
                Arguments.of("nearest-neighbours", "-A weka.core.neighboursearch.KDTree"),
                Arguments.of("decision-tree", "-U"),
                Arguments.of("decision-tree", "-R"),
                Arguments.of("random-forest", "-I 5 -depth 3")));
    }

    @ParameterizedTest
    @MethodSource("learners")
    void aModelOfEachLearnerIsReadAndNamesItsFormat(String learner, String options) throws Exception {
        Classifier classifier = ClassifierType.create(learner, options, 42, 1);
        classifier.buildClassifier(data);
        byte[] stream = serialised(classifier);
        Set<String> needed = classesIn(stream);
        WekaClassFilter.Learner allowed = WekaClassFilter.LEARNERS.get(classifier.getClass().getName());
        List<String> refused = needed.stream().filter(c -> !WekaClassFilter.allowed(allowed, c)).toList();
        assertEquals(List.of(), refused, learner + " " + options + " holds " + needed);

        LoadedClassifier loaded = ClassifierFormat.readAny(stream, "x.model");
        assertEquals(ClassifierFormat.WEKA, loaded.format());
        if (learner.equals("fast-forest")) {
            // Parrot writes forests in their own format now; in Weka's serialisation one is an older Parrot's.
            assertTrue(loaded.note().startsWith("x.model is a fast-forest model written by an older Parrot"),
                    loaded.note());
        } else {
            assertEquals("x.model is a " + learner + " model in Weka's serialisation, which runs code while it is"
                    + " read: load it only from a trusted source (Parrot reads only the classes a " + learner
                    + " model is made of).", loaded.note());
        }
        for (Instance window : data) {
            assertArrayEquals(classifier.distributionForInstance(window),
                    loaded.classifier().distributionForInstance(window), 0.0);
        }
    }

    @ParameterizedTest
    @EnumSource(ClassifierType.class)
    void everyLearnerParrotOffersHasItsList(ClassifierType type) {
        WekaClassFilter.Learner learner = WekaClassFilter.LEARNERS.get(type.wekaClass());
        assertEquals(type.id(), learner == null ? null : learner.name());
    }

    @Test
    void theListsAreNarrowerThanWeka() {
        WekaClassFilter.Learner bayes = WekaClassFilter.LEARNERS.get("weka.classifiers.bayes.NaiveBayes");
        assertTrue(WekaClassFilter.allowed(bayes, "weka.estimators.NormalEstimator"));
        assertTrue(WekaClassFilter.allowed(bayes, "java.util.ArrayList"));
        assertFalse(WekaClassFilter.allowed(bayes, "weka.classifiers.trees.J48"), "another learner's class");
        assertFalse(WekaClassFilter.allowed(bayes, "weka.core.converters.DatabaseLoader"));
        assertFalse(WekaClassFilter.allowed(bayes, "java.util.PriorityQueue"));
        assertFalse(WekaClassFilter.allowed(bayes, "java.lang.Runtime"));
    }

    /** Records whether its readObject ran: the code a crafted model file would run, were it read. */
    static final class Gadget implements Serializable {
        private static final long serialVersionUID = 1L;
        static volatile boolean ran;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            ran = true;
        }
    }

    private static ParrotException refusal(Object first, Object second) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(first);
            out.writeObject(second);
        }
        Gadget.ran = false;
        ParrotException e = assertThrows(ParrotException.class,
                () -> ClassifierFormat.readAny(bytes.toByteArray(), "x.model"));
        assertFalse(Gadget.ran, "the refused class's code ran");
        return e;
    }

    @Test
    void aClassNoModelOfTheLearnerHoldsIsRefusedBeforeItRuns() throws Exception {
        Classifier bayes = ClassifierType.create("naive-bayes", "", 1, 1);
        bayes.buildClassifier(data);
        // Inside an allowed collection, as an attack would hide it.
        ParrotException e = refusal(bayes, new ArrayList<>(List.of("header", new Gadget())));
        assertEquals("x.model is not a model Parrot reads: it holds a " + Gadget.class.getName() + ", which no"
                + " naive-bayes model is made of (Parrot reads Weka's serialisation only through the classes a model"
                + " of its learner holds, because reading it runs their code).", e.getMessage());
        Classifier tree = ClassifierType.create("decision-tree", "", 1, 1);
        tree.buildClassifier(data);
        ParrotException other = refusal(bayes, tree);
        assertTrue(other.getMessage().contains("it holds a weka.classifiers.trees.J48, which no naive-bayes model"),
                other.getMessage());
    }

    @Test
    void aLearnerParrotDoesNotOfferIsRefusedByName() throws Exception {
        Classifier zeroR = new weka.classifiers.rules.ZeroR();
        zeroR.buildClassifier(data);
        ParrotException e = refusal(zeroR, new Instances(data, 0));
        String offered = Arrays.stream(ClassifierType.values()).map(ClassifierType::id).sorted()
                .collect(Collectors.joining(", "));
        assertEquals("x.model is not a model Parrot reads: it holds a weka.classifiers.rules.ZeroR, which is not one"
                + " of the learners Parrot trains (" + offered + "). Parrot reads Weka's serialisation only through"
                + " the classes of those learners, because reading it runs the code of whatever classes the file"
                + " names.", e.getMessage());
        ParrotException hidden = refusal(new ArrayList<>(List.of(new Gadget())), new Instances(data, 0));
        assertTrue(hidden.getMessage().contains("it holds a java.util.ArrayList, which is not one of the learners"),
                hidden.getMessage());
    }

    @Test
    void anArrayLongerThanTheFileIsRefusedBeforeItIsMade() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(new double[1000]);
        }
        byte[] stream = bytes.toByteArray();
        // The array's length, the last 4 bytes before its 8000 bytes of values, claims 2^31 - 1 elements.
        int at = stream.length - 8000 - 4;
        stream[at] = 0x7f;
        stream[at + 1] = (byte) 0xff;
        stream[at + 2] = (byte) 0xff;
        stream[at + 3] = (byte) 0xff;
        byte[] crafted = stream;
        ParrotException e = assertThrows(ParrotException.class, () -> ClassifierFormat.readAny(crafted, "x.model"));
        assertTrue(e.getMessage().startsWith("x.model is not a Weka model this version can read"), e.getMessage());
    }
}
