package dev.parrot.maven.report;

import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.SoundFigures;

import java.util.List;

/**
 * The per-sound table: what training read and kept of each sound, what balancing did to it, and its precision,
 * recall and F1 coloured by tier. A figure the model's description lacks shows as "?", not as a zero that would read
 * as a measurement.
 */
public final class SoundTable {

    private SoundTable() {
    }

    /** A row of the table, every figure as text; each tier styles the figure before it. */
    public record Row(String sound, String recordings, String windows, String used, String balancing,
            String precision, String precisionTier, String recall, String recallTier, String f1, String f1Tier,
            boolean background) {
    }

    /** The rows of a model, its sounds first and the background after, as {@link SoundFigures} orders them. */
    static List<Row> of(ModelDescriptor d, ReportLabels l) {
        return SoundFigures.of(d).stream().map(f -> row(f, d.training(), l)).toList();
    }

    private static Row row(SoundFigures f, ModelDescriptor.Training t, ReportLabels l) {
        ModelDescriptor.SoundSummary s = f.summary();
        ModelDescriptor.SoundMetrics m = f.metrics();
        return new Row(f.sound(),
                s == null ? "?" : l.count(s.recordings()),
                s == null ? "?" : l.count(s.windows()),
                s == null ? "?" : l.count(s.windowsUsed()),
                s == null ? "?" : balancing(s, t.balanced(), l),
                m == null ? "?" : l.percent(m.precision()),
                m == null ? "" : ModelView.tier(m.precision()),
                m == null ? "?" : l.percent(m.recall()),
                m == null ? "" : ModelView.tier(m.recall()),
                m == null ? "?" : l.percent(m.f1()),
                m == null ? "" : ModelView.tier(m.f1()),
                f.background());
    }

    private static String balancing(ModelDescriptor.SoundSummary s, boolean balanced, ReportLabels l) {
        if (!balanced) {
            return l.get("balancing.off");
        }
        String change = (s.balancingChangePercent() >= 0 ? "+" : "−")
                + l.number(Math.abs(s.balancingChangePercent()), 0) + "%";
        return switch (s.balancing() == null ? "" : s.balancing()) {
            case "kept" -> l.get("balancing.kept");
            case "oversampled" -> l.get("balancing.oversampled", change);
            case "undersampled" -> l.get("balancing.undersampled", change);
            default -> s.balancing() == null ? "?" : s.balancing();
        };
    }
}
