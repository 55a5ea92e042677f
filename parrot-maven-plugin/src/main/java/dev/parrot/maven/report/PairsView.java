package dev.parrot.maven.report;

import dev.parrot.evaluation.ConfusionAnalysis;

import java.util.List;

/**
 * The sounds a model mixes up most, worst first, each with the ways it went wrong and what to do about it: the
 * matrix says the same, but a reader with many sounds needs it picked out. Which pairs and how often is the core's
 * {@link ConfusionAnalysis}; here they are worded and coloured ({@link PairSeverity}).
 */
public final class PairsView {

    /** How many confused pairs the page lists. */
    static final int SHOWN = 5;

    private PairsView() {
    }

    /**
     * Two sounds the model mixes up.
     *
     * @param first the sound heard wrongly more often
     * @param second the other
     * @param directions each way it went wrong, in words
     * @param tier poor (often), fair (sometimes) or good (rarely)
     * @param advice what to do about it
     */
    public record Pair(String first, String second, List<String> directions, String tier, String advice) {
    }

    /** The worst {@link #SHOWN} pairs of an analysis; none for a model that mixed nothing up. */
    static List<Pair> of(ConfusionAnalysis analysis, ReportLabels l) {
        return analysis.confusedPairs().stream().limit(SHOWN).map(c -> pair(c, analysis, l)).toList();
    }

    private static Pair pair(ConfusionAnalysis.ConfusedPair c, ConfusionAnalysis analysis, ReportLabels l) {
        List<String> labels = analysis.labels();
        List<String> directions = analysis.directions(c).stream().map(way -> l.get("pairs.direction",
                labels.get(way.actual()), labels.get(way.as()), l.count(way.windows()), l.count(way.of()),
                l.percent(way.share()))).toList();
        PairSeverity severity = PairSeverity.of(c);
        return new Pair(labels.get(c.first()), labels.get(c.second()), directions, severity.tier().id(),
                l.get("pairs." + severity.id()));
    }
}
