package dev.parrot.dataset;

import dev.parrot.model.ModelInput;
import weka.core.Instance;
import weka.core.Instances;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Weka data sets made from recordings: one instance per window, the sound as the nominal class. Balancing happens
 * here, on whatever recordings make up a training set, so that cross-validation balances each training fold and
 * evaluates on test folds as recorded.
 */
public final class TrainingSet {

    private TrainingSet() {
    }

    /** An empty data set with one numeric attribute per feature and the sounds as the class ({@code sound}), last. */
    public static Instances header(String relation, List<String> featureNames, List<String> sounds) {
        return ModelInput.header(relation, featureNames, "sound", sounds);
    }

    /** A balanced (or, with {@code balance} false, complete) training set and what balancing did per sound. */
    public record Balanced(Instances data, Map<String, Balancing.SoundBalance> balancing) {
    }

    /**
     * Builds a training set from recordings. With {@code balance}, Parrot.py's balancing picks the windows per sound
     * at random from {@code seed}; the same inputs always give the same set.
     */
    public static Balanced build(Instances header, List<String> sounds, List<RecordingFeatures> recordings,
            boolean balance, long seed) {
        Map<String, List<float[]>> windows = new LinkedHashMap<>();
        for (String sound : sounds) {
            windows.put(sound, new ArrayList<>());
        }
        for (RecordingFeatures recording : recordings) {
            List<float[]> of = windows.get(recording.sound());
            for (float[] w : recording.windows()) {
                of.add(w);
            }
        }
        Map<String, Balancing.SoundBalance> plan = Balancing.planFor(sounds, recordings, balance);
        int total = plan.values().stream().mapToInt(Balancing.SoundBalance::after).sum();
        Instances data = new Instances(header, total);
        Random random = new Random(seed);
        int classIndex = header.classIndex();
        for (int s = 0; s < sounds.size(); s++) {
            String sound = sounds.get(s);
            List<float[]> of = windows.get(sound);
            for (int index : Balancing.select(plan.get(sound), random)) {
                Instance instance = ModelInput.instance(data, of.get(index));
                instance.setValue(classIndex, s);
                data.add(instance);
            }
        }
        return new Balanced(data, plan);
    }
}
