package dev.parrot.runtime;

import dev.parrot.Probabilities;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a model heard in a window, or in a whole recording.
 *
 * @param label the most probable sound, or, when nothing was loud enough to classify, the model's silence label
 *        ({@link #SILENCE} unless it learned one by another name)
 * @param confidence the probability of {@code label}, 0..1 (1 for silence)
 * @param probabilities every sound's probability, in the model's label order; empty for silence
 */
public record Prediction(String label, double confidence, Map<String, Double> probabilities) {

    /** The label of a window or recording that holds no sound. It is no class of the model. */
    public static final String SILENCE = "silence";

    private static final Prediction SILENT = new Prediction(SILENCE, 1.0, Map.of());

    public Prediction {
        probabilities = Collections.unmodifiableMap(new LinkedHashMap<>(probabilities));
    }

    /** The prediction for audio below the silence threshold. */
    public static Prediction silence() {
        return SILENT;
    }

    /** The prediction for audio below the silence threshold, named by a model's own label for quiet audio. */
    public static Prediction silence(String label) {
        return label == null || label.equals(SILENCE) ? SILENT : new Prediction(label, 1.0, Map.of());
    }

    /** The most probable label of {@code probabilities}, which are in {@code labels} order. */
    public static Prediction of(List<String> labels, double[] probabilities) {
        Map<String, Double> map = new LinkedHashMap<>();
        for (int i = 0; i < labels.size(); i++) {
            map.put(labels.get(i), probabilities[i]);
        }
        int best = Probabilities.mostProbable(probabilities);
        return new Prediction(labels.get(best), probabilities[best], map);
    }

    public boolean isSilence() {
        return probabilities.isEmpty();
    }

    /** The sounds from most to least probable; ties keep the model's label order. */
    public List<String> ranked() {
        List<String> sounds = new ArrayList<>(probabilities.keySet());
        sounds.sort((a, b) -> Double.compare(probabilities.get(b), probabilities.get(a)));
        return sounds;
    }

    /**
     * The most probable sound other than {@link #label()} (usually the second most probable; the first when a
     * background label was more probable than the sound the recording was called), or null when there is none
     * (silence, or a one-sound model).
     */
    public String runnerUp() {
        return ranked().stream().filter(sound -> !sound.equals(label)).findFirst().orElse(null);
    }

    /** The probability of the runner-up, or 0 when there is none. */
    public double runnerUpConfidence() {
        String second = runnerUp();
        return second == null ? 0.0 : probabilities.get(second);
    }

    /** The probability of one sound, 0 for a sound the model does not know. */
    public double probabilityOf(String sound) {
        return probabilities.getOrDefault(sound, 0.0);
    }
}
