package dev.parrot.maven.report;

import dev.parrot.model.DetectionCalibration;
import dev.parrot.model.ModelDescriptor;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The live-detection section of a model: the detector thresholds training calibrated, what each is expected to give,
 * and per sound a small plot of recall against false alarms per minute as the threshold moves, with the chosen point
 * marked. Inline SVG, readable without JavaScript.
 *
 * @param intro how the thresholds were chosen, in words
 * @param rows one per sound
 */
public record DetectionView(String intro, List<Row> rows) {

    /** Plot size in CSS pixels, and the margin that holds the axis labels. */
    static final int WIDTH = 200;
    static final int HEIGHT = 120;
    static final int LEFT = 34;
    static final int BOTTOM = 22;
    static final int TOP = 6;
    static final int RIGHT = 8;

    /**
     * @param sound the sound
     * @param threshold its confidence threshold, as a percentage
     * @param recall the share of its onsets expected to be reported
     * @param falseAlarms the false alarms per minute expected
     * @param onsets how many onsets the estimate rests on
     * @param plot the curve
     */
    public record Row(String sound, String threshold, String recall, String falseAlarms, String onsets, Plot plot) {
    }

    /**
     * Everything the SVG needs, in pixels.
     *
     * @param points the curve, as SVG polyline points
     * @param chosenX where the chosen threshold is
     * @param chosenY where the chosen threshold is
     * @param targetX where the target rate of false alarms is
     * @param xMax the false alarms per minute at the right edge, as text
     * @param description the plot in words, for screen readers
     */
    public record Plot(String points, String chosenX, String chosenY, String targetX, String xMax,
            String description) {

        public int width() {
            return WIDTH;
        }

        public int height() {
            return HEIGHT;
        }

        public int left() {
            return LEFT;
        }

        public int right() {
            return WIDTH - RIGHT;
        }

        public int top() {
            return TOP;
        }

        public int bottom() {
            return HEIGHT - BOTTOM;
        }
    }

    /** The section for a model, or null when it was trained without calibration. */
    public static DetectionView of(ModelDescriptor d, ReportLabels l) {
        DetectionCalibration c = d.calibration();
        if (c == null || c.sounds().isEmpty()) {
            return null;
        }
        List<Row> rows = new ArrayList<>();
        for (DetectionCalibration.SoundThreshold t : c.sounds()) {
            rows.add(new Row(t.sound(), l.percent(t.threshold()), l.percent(t.expectedRecall()),
                    l.number(t.expectedFalseAlarmsPerMinute(), 2), l.count(t.onsets()), plot(t, c, l)));
        }
        String intro = l.get("live.intro", l.number(c.targetFalseAlarmsPerMinute(), 2),
                l.number(c.minutesJudged(), 1), l.get("live.rule." + c.rule().toLowerCase(Locale.ROOT),
                        c.onsetWindows(), l.number(c.onsetRiseDb(), 1)));
        return new DetectionView(intro, rows);
    }

    private static Plot plot(DetectionCalibration.SoundThreshold t, DetectionCalibration c, ReportLabels l) {
        // Three times the target is wide enough to show the trade; points beyond it sit on the right edge.
        double xMax = Math.max(3 * c.targetFalseAlarmsPerMinute(), 1);
        StringBuilder points = new StringBuilder();
        for (DetectionCalibration.CurvePoint p : t.curve()) {
            points.append(points.isEmpty() ? "" : " ").append(x(p.falseAlarmsPerMinute(), xMax)).append(',')
                    .append(y(p.recall()));
        }
        String description = l.get("live.plot", t.sound(), l.percent(t.expectedRecall()),
                l.number(t.expectedFalseAlarmsPerMinute(), 2), l.percent(t.threshold()));
        return new Plot(points.toString(), x(t.expectedFalseAlarmsPerMinute(), xMax), y(t.expectedRecall()),
                x(c.targetFalseAlarmsPerMinute(), xMax), l.number(xMax, 1), description);
    }

    private static String x(double falseAlarms, double xMax) {
        return px(LEFT + Math.min(1, falseAlarms / xMax) * (WIDTH - LEFT - RIGHT));
    }

    private static String y(double recall) {
        return px(HEIGHT - BOTTOM - recall * (HEIGHT - BOTTOM - TOP));
    }

    private static String px(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
