package dev.parrot.maven.report;

import dev.parrot.evaluation.AccuracyTier;
import dev.parrot.evaluation.ConfusionAnalysis;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.ModelHistory;
import dev.parrot.model.UnseenEvaluation;

import java.util.List;
import java.util.Optional;

/**
 * One model as the page shows it, section by section in the page's order: every figure already worded, formatted
 * and coloured, so that the templates only place text. Built from the model's descriptor, which the train goal
 * wrote; what the figures mean is worked out in the core, each section here only words and colours it.
 *
 * @param name the model name
 * @param anchor the id of its section on the page
 * @param summary one line: sounds, recordings, audio, when
 * @param accuracy the accuracy box
 * @param unseen what {@code parrot:classify} measured on recordings the model never saw, or null when it did not
 * @param matrix the confusion matrix
 * @param sounds the per-sound table
 * @param pairs the most confused pairs, worst first
 * @param facts how the model was made
 * @param skipped recordings the train goal left out
 * @param mistakes the recordings cross-validation got most wrong, to listen to
 * @param history accuracy and recall over the last trainings, or null when there is no history
 * @param live the calibrated live-detection settings and classify's events on long recordings, or null for a model
 *     with neither
 */
public record ModelView(String name, String anchor, String summary, AccuracyBox accuracy, UnseenView unseen,
        MatrixView matrix, List<SoundTable.Row> sounds, List<PairsView.Pair> pairs, List<MadeFacts.Fact> facts,
        List<MadeFacts.Skipped> skipped, List<MistakesView.Listen> mistakes, HistoryView history,
        DetectionView live) {

    /**
     * Words and colours for a model.
     *
     * @throws IllegalArgumentException when the descriptor has no evaluation or a confusion matrix that does not fit
     *     its labels; {@link ModelsFolder} refuses such files before they get here
     */
    public static ModelView of(ModelDescriptor d, ReportLabels l) {
        return of(d, Optional.empty(), l);
    }

    /**
     * Words and colours for a model and what {@code parrot:classify} measured on it, if anything.
     *
     * @throws IllegalArgumentException as {@link #of(ModelDescriptor, ReportLabels)}
     */
    public static ModelView of(ModelDescriptor d, Optional<UnseenEvaluation> unseen, ReportLabels l) {
        return of(d, unseen, Optional.empty(), ReportClips.Clips.NONE, l);
    }

    /**
     * Words and colours for a model, what {@code parrot:classify} measured on it, its history and the clips of the
     * recordings it got wrong.
     *
     * @throws IllegalArgumentException as {@link #of(ModelDescriptor, ReportLabels)}
     */
    public static ModelView of(ModelDescriptor d, Optional<UnseenEvaluation> unseen, Optional<ModelHistory> history,
            ReportClips.Clips clips, ReportLabels l) {
        ConfusionAnalysis analysis = ConfusionAnalysis.of(d.evaluation());
        return new ModelView(d.name(), anchor(d.name()), summary(d, analysis, l),
                AccuracyBox.of(d, analysis, l),
                unseen.filter(u -> u.recordings() > 0).map(u -> UnseenView.of(u, d, clips.unseen(), l)).orElse(null),
                MatrixView.of(analysis, l),
                SoundTable.of(d, l),
                PairsView.of(analysis, l),
                MadeFacts.of(d, l),
                MadeFacts.skipped(d.training()),
                MistakesView.of(d.evaluation(), clips.training(), l),
                history.filter(h -> !h.builds().isEmpty()).map(h -> HistoryView.of(h, analysis.labels(), l))
                        .orElse(null),
                DetectionView.of(d, unseen.orElse(null), l));
    }

    /** The line under the title: the sounds apart from the background labels, which are not sounds the user makes. */
    private static String summary(ModelDescriptor d, ConfusionAnalysis analysis, ReportLabels l) {
        ModelDescriptor.Training t = d.training();
        String audio = t == null ? "?" : l.number(t.audioSeconds(), 1) + " s";
        String summary = l.get("model.summary", analysis.labels().size() - d.background().size(),
                l.count(d.soundRecordings()), audio, l.instant(d.createdAt()));
        return d.background().isEmpty() ? summary
                : summary + l.get("model.summary.background", String.join(", ", d.background()));
    }

    /** Why a descriptor cannot be shown, as the end of "... is left out of the report: ", or null when it can. */
    static String problem(ModelDescriptor d) {
        ModelDescriptor.Evaluation e = d.evaluation();
        if (e == null || e.confusionMatrix() == null || e.confusionMatrix().labels() == null
                || e.confusionMatrix().counts() == null) {
            return "it has no evaluation (accuracy and confusion matrix)";
        }
        int n = e.confusionMatrix().labels().size();
        long[][] counts = e.confusionMatrix().counts();
        if (ConfusionAnalysis.fits(n, counts)) {
            return null;
        }
        return counts.length != n ? "its confusion matrix has " + counts.length + " rows for " + n + " sounds"
                : "its confusion matrix is not " + n + " x " + n;
    }

    /** "model-" and the name with anything but letters, digits, '-' and '_' replaced, so it is a valid id. */
    static String anchor(String name) {
        return "model-" + (name == null ? "" : name.replaceAll("[^A-Za-z0-9_-]", "_"));
    }

    /** good, fair or poor: the style of the core's {@link AccuracyTier}, which every section colours by. */
    public static String tier(double share) {
        return AccuracyTier.of(share).id();
    }
}
