package dev.parrot.evaluation;

import dev.parrot.dataset.RecordingFeatures;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

/**
 * Stratified folds that keep every window of a recording on the same side. Windows of one recording overlap by half
 * and share its room, microphone and performance; letting some train the model and others test it (as Parrot.py's
 * window-level estimate does) measures memory of recordings, not recognition of new ones.
 */
public final class GroupedFolds {

    private GroupedFolds() {
    }

    /**
     * Assigns each recording to one of {@code folds} folds: each sound's recordings are shuffled with the seed and
     * dealt out in turn, continuing where the previous sound stopped so folds stay even in size.
     *
     * @return the fold of each recording, in the order given
     */
    public static int[] assign(List<RecordingFeatures> recordings, List<String> sounds, int folds, long seed) {
        if (folds < 2) {
            throw new IllegalArgumentException("cross-validation needs at least 2 folds, not " + folds);
        }
        int[] fold = new int[recordings.size()];
        Random random = new Random(seed);
        int next = 0;
        for (String sound : sounds) {
            List<Integer> of = new ArrayList<>();
            for (int i = 0; i < recordings.size(); i++) {
                if (recordings.get(i).sound().equals(sound)) {
                    of.add(i);
                }
            }
            Collections.shuffle(of, random);
            for (int index : of) {
                fold[index] = next;
                next = (next + 1) % folds;
            }
        }
        return fold;
    }
}
