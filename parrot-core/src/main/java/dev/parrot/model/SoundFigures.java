package dev.parrot.model;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A label's figures from both halves of a model's description, joined by name: what training read and kept of it,
 * and how well cross-validation recognised it. The two halves are written at different stages and a description
 * from an older or foreign writer may lack either, so a reader gets null for what is missing rather than a guess.
 *
 * @param sound the label
 * @param background whether it holds something that must never fire
 * @param summary its recordings, windows and balancing, or null when the description has none for it
 * @param metrics its precision, recall and F1, or null when the description has none for it
 */
public record SoundFigures(String sound, boolean background, ModelDescriptor.SoundSummary summary,
        ModelDescriptor.SoundMetrics metrics) {

    /**
     * One per label of the model: the sounds first, then the background, since the two are read differently (one
     * should be heard, the other never), each in the model's order.
     */
    public static List<SoundFigures> of(ModelDescriptor d) {
        ModelDescriptor.Training t = d.training();
        Map<String, ModelDescriptor.SoundSummary> summaries = byName(t == null ? null : t.sounds(),
                ModelDescriptor.SoundSummary::sound);
        Map<String, ModelDescriptor.SoundMetrics> metrics = byName(
                d.evaluation() == null ? null : d.evaluation().perSound(), ModelDescriptor.SoundMetrics::sound);
        List<String> labels = new ArrayList<>(d.labels());
        labels.sort(Comparator.comparing(d::isBackground));
        return labels.stream().map(sound -> new SoundFigures(sound, d.isBackground(sound), summaries.get(sound),
                metrics.get(sound))).toList();
    }

    /** The first entry of each name: a repeated one is a writer's mistake, not a second opinion. */
    private static <T> Map<String, T> byName(List<T> entries, Function<T, String> name) {
        return entries == null ? Map.of()
                : entries.stream().collect(Collectors.toMap(name, Function.identity(), (x, y) -> x));
    }
}
