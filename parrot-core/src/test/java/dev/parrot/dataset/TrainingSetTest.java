package dev.parrot.dataset;

import dev.parrot.model.ModelInput;
import org.junit.jupiter.api.Test;
import weka.core.Instance;
import weka.core.Instances;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class TrainingSetTest {

    private static final List<String> SOUNDS = List.of("hum", "snap");
    private static final List<String> FEATURES = List.of("f0", "f1");

    /** One recording per sound, whose windows carry their sound and index in the features. */
    private static List<RecordingFeatures> recordings(int humWindows, int snapWindows) {
        List<RecordingFeatures> recordings = new ArrayList<>();
        recordings.add(recording("hum/a.wav", "hum", 0, humWindows));
        recordings.add(recording("snap/a.wav", "snap", 1, snapWindows));
        return recordings;
    }

    private static RecordingFeatures recording(String file, String sound, int soundIndex, int windows) {
        float[][] w = new float[windows][];
        for (int i = 0; i < windows; i++) {
            w[i] = new float[] {soundIndex, i};
        }
        return new RecordingFeatures(file, sound, windows * 0.015, w);
    }

    private static int[] classCounts(Instances data) {
        int[] counts = new int[data.numClasses()];
        for (Instance i : data) {
            counts[(int) i.classValue()]++;
        }
        return counts;
    }

    @Test
    void headerHasTheFeaturesAndTheSoundsAsClass() {
        Instances header = TrainingSet.header("m", FEATURES, SOUNDS);
        assertEquals(3, header.numAttributes());
        assertEquals(2, header.classIndex());
        assertEquals("sound", header.classAttribute().name());
        assertEquals("snap", header.classAttribute().value(1));
        assertEquals(0, header.numInstances());
    }

    @Test
    void balancesTheNinetyNineToOneExample() {
        Instances header = TrainingSet.header("m", FEATURES, SOUNDS);
        TrainingSet.Balanced set = TrainingSet.build(header, SOUNDS, recordings(99, 1), true, 42);
        assertEquals(74 + 2, set.data().numInstances());
        int[] counts = classCounts(set.data());
        assertEquals(74, counts[0]);
        assertEquals(2, counts[1]);
        for (Instance i : set.data()) {
            // Each window keeps its own sound: the class matches the sound index stored in the features.
            assertEquals(i.value(0), i.classValue(), 0);
        }
        assertEquals(0, header.numInstances(), "the header stays empty");
    }

    @Test
    void withoutBalancingEveryWindowIsUsedOnce() {
        Instances header = TrainingSet.header("m", FEATURES, SOUNDS);
        TrainingSet.Balanced set = TrainingSet.build(header, SOUNDS, recordings(99, 1), false, 42);
        int[] counts = classCounts(set.data());
        assertEquals(99, counts[0]);
        assertEquals(1, counts[1]);
        assertEquals(Balancing.Action.KEPT, set.balancing().get("hum").action());
    }

    @Test
    void sameSeedSameSet() {
        // 99 and 20: truncation 79, so hum is undersampled at random.
        Instances header = TrainingSet.header("m", FEATURES, SOUNDS);
        Instances a = TrainingSet.build(header, SOUNDS, recordings(99, 20), true, 7).data();
        Instances b = TrainingSet.build(header, SOUNDS, recordings(99, 20), true, 7).data();
        Instances c = TrainingSet.build(header, SOUNDS, recordings(99, 20), true, 8).data();
        assertEquals(a.toString(), b.toString());
        assertTrue(!a.toString().equals(c.toString()), "another seed picks other windows");
    }

    @Test
    void instanceLeavesTheClassMissing() {
        Instances header = TrainingSet.header("m", FEATURES, SOUNDS);
        Instance i = ModelInput.instance(header, new float[] {0.5f, -2f});
        assertEquals(0.5, i.value(0), 1e-7);
        assertEquals(-2, i.value(1), 1e-7);
        assertTrue(i.classIsMissing());
    }
}
