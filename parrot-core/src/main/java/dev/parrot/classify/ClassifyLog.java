package dev.parrot.classify;

import dev.parrot.ProgressLog;
import dev.parrot.model.EventEvaluation;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.UnseenEvaluation;
import dev.parrot.runtime.Prediction;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * What classify tells the user: a line per recording, the accuracy and confusion on labelled recordings with
 * "n/a" where a figure means nothing, and how the live detector's events compare with the truth.
 */
final class ClassifyLog {

    private ClassifyLog() {
    }

    static String line(ClassifyResult.Classified c) {
        Prediction p = c.result().overall();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "  %-32s %-12s %5.1f%%", c.file(), p.label(),
                100 * p.confidence()));
        if (p.runnerUp() != null) {
            s.append(String.format(Locale.ROOT, "  runner-up %s %.1f%%", p.runnerUp(), 100 * p.runnerUpConfidence()));
        }
        s.append(String.format(Locale.ROOT, "  (%d of %d windows hold sound)", c.result().soundWindows(),
                c.result().timeline().size()));
        if (c.expected() != null && !c.isCorrect()) {
            s.append("  WRONG: expected ").append(c.expected());
        }
        return s.toString();
    }

    /** The events of every long recording against their truth SRTs, or that there was none to measure against. */
    static void events(ProgressLog log, EventEvaluation all) {
        if (all.measured()) {
            long measured = all.recordings().stream().filter(r -> r.figures() != null).count();
            log.info("Live detection on " + recordings((int) measured) + " with a truth SRT: "
                    + LongRecordingEvents.describe(all.overall()));
            log.info("  Parrot.py's kinds of error (each event marked for "
                    + Math.round(LongRecordingEvents.MARK_SECONDS * 1000) + " ms): "
                    + LongRecordingEvents.describeErrors(all.overall()));
        } else {
            log.info("No truth SRT beside them (<recording>.MANUAL.srt or <recording>.v<N>.srt, beside it or in"
                    + " segments/): events written, not measured.");
        }
    }

    private static final String NOT_APPLICABLE = "n/a";

    private static String figure(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** "1 recording", "2 recordings". */
    static String recordings(int n) {
        return n + (n == 1 ? " recording" : " recordings");
    }

    static void evaluation(ProgressLog log, UnseenEvaluation e, Path file) {
        log.info("");
        if (e.trainingData()) {
            log.warn(e.input() + " holds the recordings " + e.model() + " was trained on: the accuracy below is"
                    + " on recordings it has seen, and says little about new ones. Classify recordings made apart"
                    + " from the training set to measure that.");
            log.info(String.format(Locale.ROOT, "Accuracy on %s the model was trained on: %.4f (%d right)",
                    recordings(e.recordings()), e.accuracy(), e.correct()));
        } else {
            log.info(String.format(Locale.ROOT, "Accuracy on %s the model never saw: %.4f (%d right)",
                    recordings(e.recordings()), e.accuracy(), e.correct()));
        }
        List<String> columns = e.confusionMatrix().labels();
        int width = Math.max(8, columns.stream().mapToInt(String::length).max().orElse(8) + 1);
        String corner = "actual \\ heard";
        int first = Math.max(width, corner.length() + 1);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-" + first + "s", corner));
        for (String c : columns) {
            head.append(String.format(Locale.ROOT, "%" + width + "s", c));
        }
        log.info("Confusion matrix (recordings):");
        log.info(head.toString());
        long[][] counts = e.confusionMatrix().counts();
        for (int a = 0; a < e.labels().size(); a++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-" + first + "s", columns.get(a)));
            for (int p = 0; p < columns.size(); p++) {
                row.append(String.format(Locale.ROOT, "%" + width + "d", counts[a][p]));
            }
            log.info(row.toString());
        }
        log.info(String.format(Locale.ROOT, "  %-16s %8s %8s %8s %8s", "sound", "precision", "recall", "F1",
                "recordings"));
        for (int s = 0; s < e.perSound().size(); s++) {
            ModelDescriptor.SoundMetrics m = e.perSound().get(s);
            // Without a recording of the sound its recall means nothing; without an answer naming it, its precision.
            boolean anyAnswer = false;
            for (long[] row : counts) {
                anyAnswer |= row[s] > 0;
            }
            boolean recorded = m.support() > 0;
            log.info(String.format(Locale.ROOT, "  %-16s %8s %8s %8s %8d", m.sound(),
                    anyAnswer ? figure(m.precision()) : NOT_APPLICABLE, recorded ? figure(m.recall()) : NOT_APPLICABLE,
                    anyAnswer && recorded ? figure(m.f1()) : NOT_APPLICABLE, m.support()));
        }
        log.info("Written to " + file);
    }
}
