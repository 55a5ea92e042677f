package dev.parrot.evaluation;

import dev.parrot.dataset.RecordingFeatures;
import dev.parrot.model.ModelDescriptor;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Collects, recording by recording, what cross-validation heard, and keeps the recordings it got most wrong: the ones
 * a user should listen to, to find a take that is mislabelled, clipped or just unlike the others.
 */
final class Mistakes {

    private final List<String> sounds;
    private final List<ModelDescriptor.Mistake> all = new ArrayList<>();

    Mistakes(List<String> sounds) {
        this.sounds = sounds;
    }

    /**
     * @param recording the recording tested
     * @param actual its sound's index
     * @param heard how many of its windows were heard as each sound
     * @param answer the index of what it was heard as as a whole ({@link dev.parrot.model.ClipVote#winner()})
     */
    void add(RecordingFeatures recording, int actual, int[] heard, int answer) {
        int windows = 0;
        int mostWrong = -1;
        for (int s = 0; s < heard.length; s++) {
            windows += heard[s];
            if (s != actual && heard[s] > 0 && (mostWrong < 0 || heard[s] > heard[mostWrong])) {
                mostWrong = s;
            }
        }
        int wrong = windows - heard[actual];
        if (wrong == 0 && answer == actual) {
            return;
        }
        boolean recordingWrong = answer != actual;
        String heardAs = sounds.get(recordingWrong ? answer : mostWrong);
        all.add(new ModelDescriptor.Mistake(recording.file(), recording.sound(), heardAs, windows, wrong,
                recordingWrong));
    }

    /** The worst, at most {@link ModelDescriptor.Evaluation#MISTAKES_KEPT}: wrong as a whole first, then by share. */
    List<ModelDescriptor.Mistake> worst() {
        return all.stream()
                .sorted(Comparator.comparing(ModelDescriptor.Mistake::recordingWrong).reversed()
                        .thenComparing(Comparator.comparingDouble(Mistakes::wrongShare).reversed())
                        .thenComparing(ModelDescriptor.Mistake::file))
                .limit(ModelDescriptor.Evaluation.MISTAKES_KEPT)
                .toList();
    }

    private static double wrongShare(ModelDescriptor.Mistake m) {
        return m.windows() == 0 ? 0 : m.windowsWrong() / (double) m.windows();
    }
}
