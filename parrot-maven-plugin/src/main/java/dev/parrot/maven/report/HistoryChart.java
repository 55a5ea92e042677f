package dev.parrot.maven.report;

import dev.parrot.model.ModelHistory;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The model's accuracy and per-sound recall over its last trainings, laid out as an SVG line chart: the coordinates
 * are worked out here, the template only draws them. The SVG scales with the page, so its sizes are in the units of
 * its view box.
 *
 * @param width the view box's width
 * @param height the view box's height
 * @param left the plot area's left edge (the y labels are left of it)
 * @param right the plot area's right edge
 * @param top the plot area's top edge
 * @param bottom the plot area's bottom edge
 * @param yTicks the horizontal grid lines and their labels
 * @param xTicks the labels under the x axis
 * @param series accuracy first, then one line per sound
 * @param description the chart in words, for screen readers
 */
public record HistoryChart(int width, int height, int left, int right, int top, int bottom, List<Tick> yTicks,
        List<Tick> xTicks, List<Series> series, String description) {

    /** Trainings the chart shows. */
    static final int SHOWN = 20;

    /** The palette of Okabe and Ito, readable with the common kinds of colour blindness; yellow left out on white. */
    private static final String[] SOUND_COLOURS = {"#0072b2", "#e69f00", "#009e73", "#cc79a7", "#d55e00", "#56b4e9",
        "#999999"};
    private static final String ACCURACY_COLOUR = "#1f2328";

    /** A grid line or axis label: its position along its axis, and its text. */
    public record Tick(String position, String label, String anchor) {
    }

    /**
     * One line.
     *
     * @param name accuracy, or the sound
     * @param colour its colour
     * @param main whether it is the accuracy line, drawn heavier
     * @param dash the SVG dash pattern, or empty for a solid line; sounds beyond the palette are dashed
     * @param points the polyline's points, "x,y x,y"
     * @param dots a marker per training, with the figure in words
     * @param latest the last training's figure, "96.1%"
     * @param change the change from the training before, "+2.1 points", or empty
     */
    public record Series(String name, String colour, boolean main, String dash, String points, List<Dot> dots,
            String latest, String change) {
    }

    /** A training's marker: where, and what it says on hover. */
    public record Dot(String x, String y, String title) {
    }

    /** The chart of the last {@link #SHOWN} builds of a history with at least one. */
    static HistoryChart of(ModelHistory history, List<String> sounds, ReportLabels l) {
        List<ModelHistory.Build> all = history.builds();
        List<ModelHistory.Build> builds = all.subList(Math.max(0, all.size() - SHOWN), all.size());
        int first = all.size() - builds.size() + 1;
        int width = 480;
        int height = 200;
        int left = 46;
        int right = width - 14;
        int top = 10;
        int bottom = height - 26;

        double lowest = 1;
        for (ModelHistory.Build b : builds) {
            lowest = Math.min(lowest, b.accuracy());
            for (String sound : sounds) {
                Double r = b.recall() == null ? null : b.recall().get(sound);
                if (r != null) {
                    lowest = Math.min(lowest, r);
                }
            }
        }
        double range = 1 - Math.min(lowest, 0.9);
        double step = range <= 0.25 ? 0.05 : range <= 0.5 ? 0.1 : 0.2;
        double floor = Math.max(0, Math.floor(Math.min(lowest, 0.9) / step + 1e-9) * step);

        List<Tick> yTicks = new ArrayList<>();
        for (double v = floor; v <= 1 + 1e-9; v += step) {
            yTicks.add(new Tick(num(y(v, floor, top, bottom)), l.percent(v).replace(".0%", "%"), "end"));
        }
        List<Tick> xTicks = new ArrayList<>();
        xTicks.add(new Tick(num(x(0, builds.size(), left, right)), l.date(builds.get(0).createdAt()),
                builds.size() == 1 ? "middle" : "start"));
        if (builds.size() > 1) {
            xTicks.add(new Tick(num(x(builds.size() - 1, builds.size(), left, right)),
                    l.date(builds.get(builds.size() - 1).createdAt()), "end"));
        }

        List<Series> series = new ArrayList<>();
        series.add(series(l.get("history.accuracy"), ACCURACY_COLOUR, true, "", builds, first,
                b -> b.accuracy(), floor, left, right, top, bottom, l));
        for (int s = 0; s < sounds.size(); s++) {
            String sound = sounds.get(s);
            String dash = s < SOUND_COLOURS.length ? "" : "4 3";
            series.add(series(sound, SOUND_COLOURS[s % SOUND_COLOURS.length], false, dash, builds, first,
                    b -> b.recall() == null ? null : b.recall().get(sound), floor, left, right, top, bottom, l));
        }
        String description = l.get("history.description", builds.size(),
                l.percent(builds.get(0).accuracy()), l.percent(builds.get(builds.size() - 1).accuracy()));
        return new HistoryChart(width, height, left, right, top, bottom, yTicks, xTicks, series, description);
    }

    private interface Figure {
        Double of(ModelHistory.Build build);
    }

    private static Series series(String name, String colour, boolean main, String dash,
            List<ModelHistory.Build> builds, int first, Figure figure, double floor, int left, int right, int top,
            int bottom, ReportLabels l) {
        StringBuilder points = new StringBuilder();
        List<Dot> dots = new ArrayList<>();
        Double latest = null;
        Double before = null;
        for (int i = 0; i < builds.size(); i++) {
            Double v = figure.of(builds.get(i));
            if (v == null) {
                continue;
            }
            String x = num(x(i, builds.size(), left, right));
            String y = num(y(v, floor, top, bottom));
            points.append(points.isEmpty() ? "" : " ").append(x).append(',').append(y);
            dots.add(new Dot(x, y, l.get("history.dot", first + i, l.instant(builds.get(i).createdAt()), name,
                    l.percent(v))));
            before = latest;
            latest = v;
        }
        String change = before == null || latest == null ? ""
                : l.get("history.change", (latest >= before ? "+" : "−")
                        + l.number(Math.abs(latest - before) * 100, 1));
        return new Series(name, colour, main, dash, points.toString(), dots,
                latest == null ? "–" : l.percent(latest), change);
    }

    private static double x(int i, int n, int left, int right) {
        return n == 1 ? (left + right) / 2.0 : left + (right - left) * i / (double) (n - 1);
    }

    private static double y(double v, double floor, int top, int bottom) {
        double clamped = Math.max(floor, Math.min(1, v));
        return bottom - (bottom - top) * (clamped - floor) / (1 - floor);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
