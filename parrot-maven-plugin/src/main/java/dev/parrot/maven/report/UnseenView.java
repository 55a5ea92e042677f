package dev.parrot.maven.report;

import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.UnseenEvaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The accuracy on recordings the model never saw, from {@code parrot:classify}, shown beside the cross-validated
 * estimate it checks. It is the figure to trust over the estimate, unless it was measured on the training recordings
 * or on another model, which the notes say instead of a verdict.
 *
 * @param percent the share of labelled recordings recognised, "83.3%"
 * @param tier good, fair or poor like the cross-validated box; neutral when the figure does not apply to this
 *     model or to new recordings
 * @param detail how many, from where, when
 * @param compare the cross-validated figure it compares with (recordings recognised as a whole)
 * @param notes why the figure does not apply, when it does not
 * @param misses the recordings recognised wrongly, in the order classify listed them
 * @param moreMisses how many more were wrong than are listed
 * @param skipped recordings classify could not read, in words, or empty
 */
public record UnseenView(String percent, String tier, String detail, String compare, List<String> notes,
        List<Miss> misses, int moreMisses, String skipped) {

    /** How many wrongly recognised unseen recordings the page lists. */
    static final int MISSES_SHOWN = 10;

    /**
     * A recording the model got wrong.
     *
     * @param clip the link to its excerpt in the site, or empty when there is none
     */
    public record Miss(String file, String expected, String heardAs, String confidence, String clip) {
    }

    /** The box for what classify measured on a model, with the clips of the recordings it got wrong. */
    static UnseenView of(UnseenEvaluation u, ModelDescriptor d, Map<String, String> clips, ReportLabels l) {
        List<String> notes = notes(u, d, l);
        String tier = notes.isEmpty() ? ModelView.tier(u.accuracy()) : "neutral";
        String detail = l.get("unseen.detail", l.count(u.correct()), l.count(u.recordings()),
                u.input() == null ? "?" : u.input(), l.instant(u.createdAt()));
        String compare = l.get("unseen.compare", l.percent(d.evaluation().clipAccuracy()));
        List<UnseenEvaluation.Miss> all = u.misclassified() == null ? List.of() : u.misclassified();
        List<Miss> misses = all.stream().limit(MISSES_SHOWN)
                .map(m -> new Miss(m.file(), m.expected(), m.label(), l.percent(m.confidence()),
                        clips.getOrDefault(m.file(), ""))).toList();
        int skipped = u.skipped() == null ? 0 : u.skipped().size();
        return new UnseenView(l.percent(u.accuracy()), tier, detail, compare, notes, misses,
                all.size() - misses.size(), skipped == 0 ? "" : l.get("unseen.skipped", skipped));
    }

    /**
     * Why what classify measured may not apply to new recordings or to this model, when it may not: the accuracy box
     * and the live section's events say it alike.
     */
    static List<String> notes(UnseenEvaluation u, ModelDescriptor d, ReportLabels l) {
        List<String> notes = new ArrayList<>();
        if (u.trainingData()) {
            notes.add(l.get("unseen.trainingData"));
        }
        if (!u.isOf(d)) {
            notes.add(l.get("unseen.stale", l.instant(u.modelCreatedAt())));
        }
        return notes;
    }
}
