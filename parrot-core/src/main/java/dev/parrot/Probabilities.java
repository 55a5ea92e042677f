package dev.parrot;

/** Reading a classifier's distribution over sounds. */
public final class Probabilities {

    private Probabilities() {
    }

    /** The index of the most probable sound; on a tie the first, so that the model's label order decides. */
    public static int mostProbable(double[] probabilities) {
        int best = 0;
        for (int i = 1; i < probabilities.length; i++) {
            if (probabilities[i] > probabilities[best]) {
                best = i;
            }
        }
        return best;
    }
}
