package dev.parrot.maven.report;

import dev.parrot.evaluation.ConfusionAnalysis;
import dev.parrot.model.ModelDescriptor;

import java.util.List;

/**
 * The box at the top of a model: the cross-validated accuracy large, coloured by its tier, with what it means and
 * what it was measured on. The first thing a reader looks at, so it carries the verdict as well as the figure.
 *
 * @param share the accuracy, 0..1
 * @param percent it as text, "96.7%"
 * @param tier good, fair or poor
 * @param spread "± 1.1 points across 5 folds"
 * @param verdict what it means for the user
 * @param detail what it was measured on
 * @param folds each fold's accuracy as text
 */
public record AccuracyBox(double share, String percent, String tier, String spread, String verdict, String detail,
        List<String> folds) {

    /** The box of a model whose confusion matrix is {@code analysis}. */
    static AccuracyBox of(ModelDescriptor d, ConfusionAnalysis analysis, ReportLabels l) {
        ModelDescriptor.Evaluation e = d.evaluation();
        String tier = ModelView.tier(e.accuracy());
        String spread = l.get("accuracy.spread", l.number(e.accuracyStdDev() * 100, 1), e.folds());
        String detail = l.get("accuracy.detail", l.count(e.windows()), l.count(e.recordings()),
                l.percent(e.clipAccuracy()));
        if (!d.background().isEmpty()) {
            ConfusionAnalysis.BackgroundAlarms alarms = analysis.backgroundAlarms(d.background());
            detail += " " + l.get("accuracy.background", l.count(alarms.windows()), String.join(", ", alarms.labels()),
                    l.count(alarms.heardAsSound()), l.percent(alarms.share()));
        }
        List<String> folds = e.foldAccuracies() == null ? List.of()
                : e.foldAccuracies().stream().map(l::percent).toList();
        return new AccuracyBox(e.accuracy(), l.percent(e.accuracy()), tier, spread, l.get("accuracy." + tier), detail,
                folds);
    }
}
