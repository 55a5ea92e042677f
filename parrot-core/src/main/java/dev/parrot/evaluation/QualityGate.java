package dev.parrot.evaluation;

import dev.parrot.ParrotException;
import dev.parrot.model.DetectionCalibration;
import dev.parrot.model.ModelDescriptor;

import java.nio.file.Path;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The least a model must reach for a build to pass, as a coverage check does for tests: a minimum cross-validated
 * accuracy, a minimum recall that every sound must reach, and a minimum live recall that every reported sound's
 * calibrated detector must reach. Judged on the model's descriptor alone.
 *
 * <p>The live recall is what a user feels: the share of a sound's onsets (a held sound: of its recordings in which it
 * was started) the live detector reports at the threshold training chose for its false-alarm target. A model can
 * recognise 95% of a sound's windows and still start it live in half of its takes, so the two recalls are gated
 * apart.
 *
 * @param minimumAccuracy share of windows recognised, 0..1, or null for no minimum
 * @param minimumRecall share of each sound's windows recognised as it, 0..1, or null for no minimum
 * @param minimumLiveRecall share of each reported sound's onsets its calibrated detector reports, 0..1, or null for
 *        no minimum
 */
public record QualityGate(Double minimumAccuracy, Double minimumRecall, Double minimumLiveRecall) {

    /** Heard-as directions named per failing sound; the rest are in the report's confusion matrix. */
    private static final int CONFUSIONS_NAMED = 3;

    /**
     * A gate; null minimums are off.
     *
     * @throws ParrotException when a minimum is outside 0..1
     */
    public static QualityGate of(Double minimumAccuracy, Double minimumRecall, Double minimumLiveRecall)
            throws ParrotException {
        check("minimum accuracy", minimumAccuracy);
        check("minimum recall", minimumRecall);
        check("minimum live recall", minimumLiveRecall);
        return new QualityGate(minimumAccuracy, minimumRecall, minimumLiveRecall);
    }

    private static void check(String what, Double value) throws ParrotException {
        if (value != null && !(value >= 0 && value <= 1)) {
            throw new ParrotException("The " + what + " is a share between 0 and 1 (e.g. 0.9 for 90%), not "
                    + value + ".");
        }
    }

    /** Whether any minimum is set. */
    public boolean enabled() {
        return minimumAccuracy != null || minimumRecall != null || minimumLiveRecall != null;
    }

    /**
     * What falls short, or empty when the model passes: one message naming the sounds at fault, what each is heard
     * as, and what to do.
     *
     * @throws ParrotException when the descriptor has no usable evaluation or (with a minimum live recall) no live
     *         calibration to judge
     */
    public Optional<String> failures(ModelDescriptor model) throws ParrotException {
        return failures(model, null);
    }

    /**
     * What falls short, as {@link #failures(ModelDescriptor)}, naming the model's file where the live recall falls
     * short (so that a reader of a multi-module build's log knows which file the figures are from).
     *
     * @param descriptorFile the model's JSON, or null when it has none to name
     */
    public Optional<String> failures(ModelDescriptor model, Path descriptorFile) throws ParrotException {
        if (!enabled()) {
            return Optional.empty();
        }
        Shortfalls shortfalls = new Shortfalls();
        if (minimumAccuracy != null || minimumRecall != null) {
            ConfusionAnalysis analysis = analysis(model);
            if (minimumAccuracy != null && model.evaluation().accuracy() < minimumAccuracy) {
                accuracyShortfall(model.evaluation().accuracy(), analysis, shortfalls);
            }
            if (minimumRecall != null) {
                recallShortfalls(analysis, shortfalls);
            }
        }
        if (minimumLiveRecall != null) {
            liveRecallShortfalls(model, descriptorFile, shortfalls);
        }
        return shortfalls.lines.isEmpty() ? Optional.empty() : Optional.of(shortfalls.message(model.name()));
    }

    private static ConfusionAnalysis analysis(ModelDescriptor model) throws ParrotException {
        try {
            return ConfusionAnalysis.of(model.evaluation());
        } catch (IllegalArgumentException e) {
            throw new ParrotException("Model " + model.name() + " cannot be checked: its descriptor has "
                    + e.getMessage() + ". Train it again.");
        }
    }

    /**
     * The reported sounds whose calibrated live recall is below the minimum live recall, lowest first; empty when
     * there is no such minimum.
     *
     * @throws ParrotException when there is a minimum and the model has no live calibration to judge
     */
    public List<DetectionCalibration.SoundThreshold> belowLiveRecall(ModelDescriptor model, Path descriptorFile)
            throws ParrotException {
        if (minimumLiveRecall == null) {
            return List.of();
        }
        return liveThresholds(model, descriptorFile).stream().filter(t -> t.expectedRecall() < minimumLiveRecall)
                .sorted(Comparator.comparingDouble(DetectionCalibration.SoundThreshold::expectedRecall)).toList();
    }

    /** Each reported sound's calibrated threshold; a model trained before calibration has none to judge. */
    private List<DetectionCalibration.SoundThreshold> liveThresholds(ModelDescriptor model, Path descriptorFile)
            throws ParrotException {
        DetectionCalibration c = model.calibration();
        if (c == null || c.sounds().isEmpty()) {
            throw new ParrotException("Model " + model.name() + inFile(descriptorFile) + " has no live calibration:"
                    + " it was written by a Parrot that did not yet calibrate the live detector's thresholds, so"
                    + " its live recall cannot be checked against the minimum live recall of "
                    + percent(minimumLiveRecall) + ". Train it again to calibrate it.");
        }
        return c.sounds();
    }

    /** What a failing gate says: a line per shortfall, the sounds at fault and those they are heard as. */
    private static final class Shortfalls {
        final List<String> lines = new ArrayList<>();
        final List<String> atFault = new ArrayList<>();
        final List<String> confusedWith = new ArrayList<>();
        /** The false alarms per minute the live thresholds were calibrated for, when the live recall falls short. */
        Double liveTarget;
        /** Whether the live recall falls short of figures measured without the user's own background. */
        boolean liveWithoutBackground;

        String message(String modelName) {
            StringBuilder message = new StringBuilder("Model " + modelName + " does not pass its quality gate:");
            lines.forEach(l -> message.append("\n  ").append(l));
            message.append("\nWhat to do: record more takes of ").append(String.join(", ", atFault))
                    .append(", varied as in use (level, distance, room)");
            if (!confusedWith.isEmpty()) {
                message.append(", and make them distinct from ").append(String.join(", ", confusedWith))
                        .append(" (or drop one of each pair from the sounds)");
            }
            if (liveTarget != null) {
                // A higher target lowers every threshold: more onsets reported, and more false alarms with them.
                message.append("; or, for live recall, allow more false alarms per minute than ")
                        .append(number(liveTarget)).append(", which lowers the thresholds");
                if (liveWithoutBackground) {
                    message.append("; record a background folder (talking, typing, the room) too, so that live"
                            + " recall is measured against your own background");
                }
            }
            message.append("; the report's confusion matrix shows every mix-up");
            if (liveTarget != null) {
                message.append(", and its live detection section each sound's recall against its false alarms");
            }
            return message.append('.').toString();
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

    private void liveRecallShortfalls(ModelDescriptor model, Path descriptorFile, Shortfalls shortfalls)
            throws ParrotException {
        List<DetectionCalibration.SoundThreshold> below = belowLiveRecall(model, descriptorFile);
        if (below.isEmpty()) {
            return;
        }
        DetectionCalibration c = model.calibration();
        for (DetectionCalibration.SoundThreshold t : below) {
            shortfalls.lines.add(String.format(Locale.ROOT, "%s: live recall %s is below the minimum live recall of"
                    + " %s (%s)", t.sound(), percent(t.expectedRecall()), percent(minimumLiveRecall),
                    t.held() ? "held: the share of its " + t.onsets() + " recordings in which it was started"
                            : "the share of its " + t.onsets() + " onsets reported"));
            addOnce(shortfalls.atFault, t.sound());
        }
        shortfalls.lines.add("live recall as calibrated in " + (descriptorFile == null ? "the model's descriptor"
                : descriptorFile.toString()) + " for at most " + falseAlarms(c.targetFalseAlarmsPerMinute())
                + (c.onStreams() ? " per minute of background for all sounds together, " : " per minute per sound, ")
                + measuredOn(c));
        shortfalls.liveTarget = c.targetFalseAlarmsPerMinute();
        // Streams say what their background was; an older calibration was against the background labels if any.
        shortfalls.liveWithoutBackground = c.streams() != null ? !c.streams().realBackground()
                : model.background().isEmpty();
    }

    /** Where the live figures were measured, in words: what the user can trust them for. */
    private static String measuredOn(DetectionCalibration c) {
        DetectionCalibration.Streams s = c.streams();
        if (s == null) {
            return "measured on the recordings one by one, not on simulated streams (a model trained before stream"
                    + " calibration; training it again measures it on streams)";
        }
        String streams = String.format(Locale.ROOT, "measured on %d simulated stream%s (%.1f min)", s.count(),
                s.count() == 1 ? "" : "s", s.minutes());
        if (s.realBackground()) {
            return streams + String.format(Locale.ROOT, ": held-out recordings at live levels between %.1f min of"
                    + " the background recordings (%s)", s.backgroundMinutes(), String.join(", ", s.background()));
        }
        return streams + ", of quiet room: the model has no background label, so a room"
                + " and voices like yours were not part of it";
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
        if (minimumLiveRecall != null && model.calibration() != null && !model.calibration().sounds().isEmpty()) {
            DetectionCalibration.SoundThreshold lowest = model.calibration().sounds().stream()
                    .min(Comparator.comparingDouble(DetectionCalibration.SoundThreshold::expectedRecall))
                    .orElseThrow();
            parts.add("lowest live recall " + percent(lowest.expectedRecall()) + " (" + lowest.sound() + ", at "
                    + falseAlarms(model.calibration().targetFalseAlarmsPerMinute()) + " per minute) >= "
                    + percent(minimumLiveRecall));
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

    private static String inFile(Path descriptorFile) {
        return descriptorFile == null ? "" : " (" + descriptorFile + ")";
    }

    private static String falseAlarms(double perMinute) {
        return number(perMinute) + (perMinute == 1 ? " false alarm" : " false alarms");
    }

    /** A rate as written in a POM: 1, 0.5, 2.25. */
    private static String number(double value) {
        return new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(value);
    }
}
