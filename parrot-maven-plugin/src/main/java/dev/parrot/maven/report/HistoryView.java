package dev.parrot.maven.report;

import dev.parrot.model.ModelHistory;

import java.util.List;

/**
 * The model's figures across its trainings, so that a reader sees whether re-recording a sound helped.
 *
 * @param note what the chart shows, or that there is one training so far
 * @param chart the chart
 */
public record HistoryView(String note, HistoryChart chart) {

    /** The section of a history with at least one training, with a line per sound. */
    static HistoryView of(ModelHistory h, List<String> sounds, ReportLabels l) {
        int shown = Math.min(h.builds().size(), HistoryChart.SHOWN);
        String note = h.builds().size() == 1 ? l.get("history.first") : l.get("history.note", shown);
        return new HistoryView(note, HistoryChart.of(h, sounds, l));
    }
}
