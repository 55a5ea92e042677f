package dev.parrot.training;

import org.junit.jupiter.api.Test;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SerializationHelper;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BinnedForestTest {

    /** Three classes of points around different centres in 6 dimensions, of which only the first 2 matter. */
    private static Instances blobs(int perClass, long seed) {
        ArrayList<Attribute> attributes = new ArrayList<>();
        for (int f = 0; f < 6; f++) {
            attributes.add(new Attribute("f" + f));
        }
        attributes.add(new Attribute("sound", List.of("a", "b", "c")));
        Instances data = new Instances("blobs", attributes, 3 * perClass);
        data.setClassIndex(6);
        Random random = new Random(seed);
        double[][] centres = {{0, 0}, {4, 0}, {0, 4}};
        for (int c = 0; c < 3; c++) {
            for (int i = 0; i < perClass; i++) {
                double[] v = new double[7];
                v[0] = centres[c][0] + random.nextGaussian();
                v[1] = centres[c][1] + random.nextGaussian();
                for (int f = 2; f < 6; f++) {
                    v[f] = random.nextGaussian();
                }
                v[6] = c;
                data.add(new DenseInstance(1.0, v));
            }
        }
        return data;
    }

    private static double accuracy(Classifier classifier, Instances test) throws Exception {
        int right = 0;
        for (Instance instance : test) {
            if (classifier.classifyInstance(instance) == instance.classValue()) {
                right++;
            }
        }
        return right / (double) test.numInstances();
    }

    @Test
    void edgesLieHalfwayBetweenDistinctValuesAndBinsFollowThem() {
        // Quartile positions 2, 4 and 6; the first falls inside the run of 1s and moves to its end.
        double[] sorted = {1, 1, 1, 2, 3, 3, 4, 5};
        double[] edges = BinnedForest.edges(sorted, 4);
        assertArrayEquals(new double[] {1.5, 2.5, 3.5}, edges);
        assertEquals(0, BinnedForest.binOf(edges, 1));
        assertEquals(0, BinnedForest.binOf(edges, 1.5), "a value on an edge goes to the bin below it");
        assertEquals(2, BinnedForest.binOf(edges, 3));
        assertEquals(3, BinnedForest.binOf(edges, 99));
        assertEquals(0, BinnedForest.edges(new double[] {2, 2, 2}, 255).length, "a constant feature has no edge");
    }

    @Test
    void learnsSeparableClassesAndGivesDistributions() throws Exception {
        BinnedForest forest = new BinnedForest();
        forest.setOptions(new String[] {"-I", "30", "-S", "3"});
        forest.buildClassifier(blobs(200, 1));
        assertTrue(accuracy(forest, blobs(100, 2)) > 0.9);
        double[] p = forest.distributionForInstance(blobs(1, 5).instance(0));
        assertEquals(3, p.length);
        assertEquals(1.0, p[0] + p[1] + p[2], 1e-6);
    }

    @Test
    void sameSeedSameForestOnAnyNumberOfThreads() throws Exception {
        Instances train = blobs(150, 1);
        Instances test = blobs(30, 9);
        BinnedForest one = new BinnedForest();
        one.setOptions(new String[] {"-I", "20", "-S", "5", "-num-slots", "1"});
        one.buildClassifier(train);
        BinnedForest two = new BinnedForest();
        two.setOptions(new String[] {"-I", "20", "-S", "5", "-num-slots", "2"});
        two.buildClassifier(train);
        BinnedForest other = new BinnedForest();
        other.setOptions(new String[] {"-I", "20", "-S", "6"});
        other.buildClassifier(train);
        boolean differs = false;
        for (Instance instance : test) {
            assertArrayEquals(one.distributionForInstance(instance), two.distributionForInstance(instance), 0.0);
            differs |= !java.util.Arrays.equals(one.distributionForInstance(instance),
                    other.distributionForInstance(instance));
        }
        assertTrue(differs, "another seed grows other trees");
    }

    @Test
    void weightsCountInTheLeaves() throws Exception {
        ArrayList<Attribute> attributes = new ArrayList<>(List.of(new Attribute("x"),
                new Attribute("sound", List.of("a", "b"))));
        Instances data = new Instances("weights", attributes, 4);
        data.setClassIndex(1);
        // Two windows at the same place that no split can part: the heavier one wins the leaf.
        data.add(new DenseInstance(9.0, new double[] {1, 0}));
        data.add(new DenseInstance(1.0, new double[] {1, 1}));
        data.add(new DenseInstance(1.0, new double[] {5, 1}));
        BinnedForest forest = new BinnedForest();
        forest.setOptions(new String[] {"-I", "200", "-P", "100", "-S", "2"});
        forest.buildClassifier(data);
        double[] p = forest.distributionForInstance(data.instance(0));
        assertTrue(p[0] > 0.6 && p[0] < 0.95, "a has 9 of the 10 units of weight at x=1: " + p[0]);
    }

    @Test
    void optionsRoundTripAndSerialisationKeepsPredictions() throws Exception {
        BinnedForest forest = new BinnedForest();
        forest.setOptions(new String[] {"-I", "12", "-K", "2", "-P", "80", "-depth", "6", "-M", "2", "-bins", "32",
                "-S", "9", "-num-slots", "2"});
        BinnedForest copy = new BinnedForest();
        copy.setOptions(forest.getOptions());
        assertArrayEquals(forest.getOptions(), copy.getOptions());
        assertEquals(6, copy.getMaxDepth());
        assertEquals(32, copy.getBins());

        Instances train = blobs(100, 1);
        forest.buildClassifier(train);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerializationHelper.write(bytes, forest);
        Classifier read = (Classifier) SerializationHelper.read(new ByteArrayInputStream(bytes.toByteArray()));
        Classifier madeCopy = AbstractClassifier.makeCopy(forest);
        madeCopy.buildClassifier(train);
        for (Instance instance : blobs(20, 4)) {
            assertArrayEquals(forest.distributionForInstance(instance), read.distributionForInstance(instance), 0.0);
            assertArrayEquals(forest.distributionForInstance(instance), madeCopy.distributionForInstance(instance),
                    0.0);
        }
        assertTrue(forest.toString().contains("12 trees"), forest.toString());
    }

    @Test
    void depthLimitAndBadOptionsAreHonoured() throws Exception {
        BinnedForest stump = new BinnedForest();
        stump.setOptions(new String[] {"-I", "5", "-depth", "1"});
        stump.buildClassifier(blobs(50, 1));
        assertTrue(stump.toString().contains(" 3 nodes per tree"), stump.toString());
        assertThrows(IllegalArgumentException.class, () -> new BinnedForest().setOptions(new String[] {"-bins", "300"}));
        assertThrows(IllegalStateException.class, () -> new BinnedForest().distributionForInstance(
                blobs(1, 1).instance(0)));
    }
}
