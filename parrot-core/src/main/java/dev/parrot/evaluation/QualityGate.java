package dev.parrot.evaluation;

import dev.parrot.ParrotException;
import dev.parrot.model.ModelDescriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The least a model must reach for a build to pass, as a coverage check does for tests: a minimum cross-validated
 * accuracy, and a minimum recall that every sound must reach. Judged on the model's descriptor alone.
 *
 * @param minimumAccuracy share of windows recognised, 0..1, or null for no minimum
 * @param minimumRecall share of each sound's windows recognised as it, 0..1, or null for no minimum
 */
public record QualityGate(Double minimumAccuracy, Double minimumRecall) {

    /** Heard-as directions named per failing sound; the rest are in the report's confusion matrix. */
    private static final int CONFUSIONS_NAMED = 3;

    /**
     * A gate; null minimums are off.
     *
     * @throws ParrotException when a minimum is outside 0..1
     */
    public static QualityGate of(Double minimumAccuracy, Double minimumRecall) throws ParrotException {
        check("minimum accuracy", minimumAccuracy);
        check("minimum recall", minimumRecall);
        return new QualityGate(minimumAccuracy, minimumRecall);
    }

    private static void check(String what, Double value) throws ParrotException {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new ParrotException("The " + what + " is a share between 0 and 1 (e.g. 0.9 for 90%), not "
                    + value + ".");
        }
    }

    /** Whether any minimum is set. */
    public boolean enabled() {
        return minimumAccuracy != null || minimumRecall != null;
    }

    /**
     * What falls short, or empty when the model passes: one message naming the sounds at fault, what each is heard
     * as, and what to do.
     *
     * @throws ParrotException when the descriptor has no usable evaluation to judge
     */
    public Optional<String> failures(ModelDescriptor model) throws ParrotException {
        if (!enabled()) {
            return Optional.empty();
        }
        ConfusionAnalysis analysis;
        try {
            analysis = ConfusionAnalysis.of(model.evaluation());
        } catch (IllegalArgumentException e) {
            throw new ParrotException("Model " + model.name() + " cannot be checked: its descriptor has "
                    + e.getMessage() + ". Train it again.");
        }
        Shortfalls shortfalls = new Shortfalls();
        if (minimumAccuracy != null && model.evaluation().accuracy() < minimumAccuracy) {
            accuracyShortfall(model.evaluation().accuracy(), analysis, shortfalls);
        }
        if (minimumRecall != null) {
            recallShortfalls(analysis, shortfalls);
        }
        return shortfalls.lines.isEmpty() ? Optional.empty() : Optional.of(shortfalls.message(model.name()));
    }

    /** What a failing gate says: a line per shortfall, the sounds at fault and those they are heard as. */
    private static final class Shortfalls {
        final List<String> lines = new ArrayList<>();
        final List<String> atFault = new ArrayList<>();
        final List<String> confusedWith = new ArrayList<>();

        String message(String modelName) {
            StringBuilder message = new StringBuilder("Model " + modelName + " does not pass its quality gate:");
            lines.forEach(l -> message.append("\n  ").append(l));
            message.append("\nWhat to do: record more takes of ").append(String.join(", ", atFault))
                    .append(", varied as in use (level, distance, room)");
            if (!confusedWith.isEmpty()) {
                message.append(", and make them distinct from ").append(String.join(", ", confusedWith))
                        .append(" (or drop one of each pair from the sounds)");
            }
            message.append("; the report's confusion matrix shows every mix-up.");
            return message.toString();
        }
    }

    private void accuracyShortfall(double accuracy, ConfusionAnalysis analysis, Shortfalls shortfalls) {
        shortfalls.lines.add(String.format(Locale.ROOT, "accuracy %s is below the minimum accuracy of %s",
                percent(accuracy), percent(minimumAccuracy)));
        // The sounds that cost the most accuracy are those heard wrongly most often.
        for (ConfusionAnalysis.ConfusedPair pair : analysis.confusedPairs().stream().limit(2).toList()) {
            shortfalls.lines.add(String.format(Locale.ROOT, "  most mixed up: %s heard as %s in %s of its windows",
                    analysis.labels().get(pair.first()), analysis.labels().get(pair.second()),
                    percent(pair.rate())));
            addOnce(shortfalls.atFault, analysis.labels().get(pair.first()));
            addOnce(shortfalls.confusedWith, analysis.labels().get(pair.second()));
        }
    }

    private void recallShortfalls(ConfusionAnalysis analysis, Shortfalls shortfalls) {
        for (int s = 0; s < analysis.labels().size(); s++) {
            double recall = analysis.recall(s);
            if (recall >= minimumRecall) {
                continue;
            }
            String sound = analysis.labels().get(s);
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                    "%s: recall %s is below the minimum recall of %s", sound, percent(recall),
                    percent(minimumRecall)));
            List<ConfusionAnalysis.Entry> ways = analysis.heardAs(s);
            for (int i = 0; i < Math.min(CONFUSIONS_NAMED, ways.size()); i++) {
                ConfusionAnalysis.Entry way = ways.get(i);
                String as = analysis.labels().get(way.as());
                line.append(i == 0 ? "; heard as " : ", as ").append(as).append(String.format(Locale.ROOT,
                        " in %s (%d of %d windows)", percent(way.share()), way.windows(), way.of()));
                addOnce(shortfalls.confusedWith, as);
            }
            shortfalls.lines.add(line.toString());
            addOnce(shortfalls.atFault, sound);
        }
    }

    /** One line for a model that passes: what it reached against what was asked. */
    public String passed(ModelDescriptor model) {
        List<String> parts = new ArrayList<>();
        if (minimumAccuracy != null) {
            parts.add("accuracy " + percent(model.evaluation().accuracy()) + " >= " + percent(minimumAccuracy));
        }
        if (minimumRecall != null) {
            ConfusionAnalysis analysis = ConfusionAnalysis.of(model.evaluation());
            double lowest = 1;
            String sound = "";
            for (int s = 0; s < analysis.labels().size(); s++) {
                if (analysis.recall(s) < lowest || sound.isEmpty()) {
                    lowest = analysis.recall(s);
                    sound = analysis.labels().get(s);
                }
            }
            parts.add("lowest recall " + percent(lowest) + " (" + sound + ") >= " + percent(minimumRecall));
        }
        return "Model " + model.name() + " passes its quality gate: " + String.join(", ", parts);
    }

    private static void addOnce(List<String> list, String sound) {
        if (!list.contains(sound)) {
            list.add(sound);
        }
    }

    private static String percent(double share) {
        return String.format(Locale.ROOT, "%.1f%%", share * 100);
    }
}
