package dev.parrot.training;

import dev.parrot.Setting;
import dev.parrot.ProgressLog;
import dev.parrot.dataset.Balancing;
import dev.parrot.evaluation.AccuracyTier;
import dev.parrot.evaluation.ConfusionAnalysis;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.ModelFiles;

import java.util.Locale;
import java.util.Map;

/**
 * What a training tells the user on its way: the balancing before learning, and at the end the figures a Parrot.py
 * user judges a model by (per-sound precision, recall and F1, the accuracy and its tier), read from the descriptor
 * as written, so the log and the model JSON never disagree.
 */
final class TrainingLog {

    private TrainingLog() {
    }

    static void balancing(ProgressLog log, Map<String, Balancing.SoundBalance> plan, boolean balance) {
        if (balance) {
            log.info("Balancing the data set (Parrot.py's automatic balancing):");
            plan.values().forEach(b -> log.info("  " + b.describe()));
        } else {
            log.info("Automatic data set balancing is off: every window is used as recorded.", Setting.BALANCE);
        }
    }

    static void summary(ProgressLog log, ModelDescriptor d, ModelFiles files) {
        ModelDescriptor.Evaluation e = d.evaluation();
        log.info("");
        log.info(String.format(Locale.ROOT, "  %-16s %10s %10s %8s %8s %8s", "sound", "recordings", "windows",
                "precision", "recall", "F1"));
        for (int i = 0; i < d.labels().size(); i++) {
            ModelDescriptor.SoundMetrics m = e.perSound().get(i);
            ModelDescriptor.SoundSummary s = d.training().sounds().get(i);
            log.info(String.format(Locale.ROOT, "  %-16s %10d %10d %8.3f %8.3f %8.3f%s", m.sound(), s.recordings(),
                    s.windows(), m.precision(), m.recall(), m.f1(), d.isBackground(m.sound()) ? "  background" : ""));
        }
        log.info("");
        log.info(String.format(Locale.ROOT, "Accuracy: %.4f (+/- %.4f) over %d windows, %s", e.accuracy(),
                e.accuracyStdDev(), e.windows(), e.method()));
        log.info(String.format(Locale.ROOT, "Recordings recognised as a whole: %.4f of %d", e.clipAccuracy(),
                e.recordings()));
        if (!d.background().isEmpty()) {
            ConfusionAnalysis.BackgroundAlarms alarms = ConfusionAnalysis.of(e).backgroundAlarms(d.background());
            log.info(String.format(Locale.ROOT, "Background (%s): %d of %d windows (%.2f%%) heard as a sound",
                    String.join(", ", alarms.labels()), alarms.heardAsSound(), alarms.windows(),
                    100 * alarms.share()));
        }
        log.info(AccuracyTier.of(e.accuracy()).advice());
        log.info("Model written to " + files.classifierFile() + " and " + files.descriptorFile());
    }
}
