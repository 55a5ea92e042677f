package dev.parrot.evaluation;

import dev.parrot.dataset.RecordingFeatures;

import java.util.List;

/**
 * What cross-validation's models said of every window they had not been trained on: per recording of the data set
 * (in its order), per window, the probability of each label. Kept as floats: 10 sounds x 10 minutes of windows take
 * about 15 MB.
 */
public final class HeldOutProbabilities {

    private final float[][][] probabilities;

    public HeldOutProbabilities(List<RecordingFeatures> recordings, int labels) {
        probabilities = new float[recordings.size()][][];
        for (int r = 0; r < recordings.size(); r++) {
            probabilities[r] = new float[recordings.get(r).windows().length][labels];
        }
    }

    void put(int recording, int window, double[] distribution) {
        float[] row = probabilities[recording][window];
        for (int i = 0; i < row.length; i++) {
            row[i] = (float) distribution[i];
        }
    }

    /** The probabilities of each window of recording {@code index}, in time order. */
    public float[][] of(int index) {
        return probabilities[index];
    }
}
