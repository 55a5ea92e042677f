package dev.parrot.maven.report;

import dev.parrot.evaluation.ConfusionAnalysis;

import java.util.ArrayList;
import java.util.List;

/**
 * The confusion matrix as a table of counts, each cell coloured by {@link MatrixColours} and described in words, so
 * that the figure is always there and colour only helps to find it.
 *
 * @param labels the sounds, for rows (recorded) and columns (heard as) alike
 * @param rows one per recorded sound
 */
public record MatrixView(List<String> labels, List<Row> rows) {

    /**
     * @param sound the recorded sound
     * @param total its windows, as text
     * @param cells one per sound it was heard as
     */
    public record Row(String sound, String total, List<Cell> cells) {
    }

    /**
     * @param count the number of windows, as text (always shown, so colour never carries the figure alone)
     * @param kind right (the diagonal), confused, or zero
     * @param style the cell's colours as CSS custom properties ({@code --bg}, {@code --fg}): background by the count's
     *     share of the row, text that stays readable on it. Custom properties rather than plain inline colours, so
     *     that the stylesheet can insist on them when printing, against skins whose print CSS blanks all backgrounds
     * @param title the cell in words, "kick heard as tom in 12 of 340 windows (3.5%)"
     */
    public record Cell(String count, String kind, String style, String title) {
    }

    /** The matrix of an analysis, in its labels' order. */
    static MatrixView of(ConfusionAnalysis analysis, ReportLabels l) {
        List<String> labels = analysis.labels();
        List<Row> rows = new ArrayList<>();
        for (int a = 0; a < labels.size(); a++) {
            List<Cell> cells = new ArrayList<>();
            for (int p = 0; p < labels.size(); p++) {
                cells.add(cell(analysis.entry(a, p), labels, l));
            }
            rows.add(new Row(labels.get(a), l.count(analysis.total(a)), cells));
        }
        return new MatrixView(labels, rows);
    }

    private static Cell cell(ConfusionAnalysis.Entry e, List<String> labels, ReportLabels l) {
        String title = e.right()
                ? l.get("matrix.cell.right", labels.get(e.actual()), l.count(e.windows()), l.count(e.of()),
                        l.percent(e.share()))
                : l.get("matrix.cell.confused", labels.get(e.actual()), labels.get(e.as()), l.count(e.windows()),
                        l.count(e.of()), l.percent(e.share()));
        String kind = e.windows() == 0 ? "zero" : e.right() ? "right" : "confused";
        return new Cell(l.count(e.windows()), kind, MatrixColours.cellStyle(e.windows(), e.share(), e.right()), title);
    }
}
