package dev.parrot.maven.report;

import dev.parrot.model.DetectionCalibration;
import dev.parrot.model.EventEvaluation;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.UnseenEvaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The live-detection section of a model: the detector thresholds training calibrated, what each is expected to give,
 * and per sound a small plot of recall against false alarms per minute as the threshold moves, with the chosen point
 * marked. Inline SVG, readable without JavaScript. Below them, when {@code parrot:classify} played long recordings
 * with a truth SRT through the detector, what it measured there.
 *
 * @param intro how the thresholds were chosen, in words; empty for a model trained without calibration
 * @param measured what the expected figures were measured on (simulated streams and their background, or the
 *        recordings one by one), in words; empty without calibration
 * @param caution whether that is a reason to doubt the figures: streams whose background was noise, not the user's
 * @param rows one per sound; empty without calibration
 * @param events what the detector did on long recordings with a truth, or null when classify measured none
 */
public record DetectionView(String intro, String measured, boolean caution, List<Row> rows, Events events) {

    /** Plot size in CSS pixels, and the margin that holds the axis labels. */
    static final int WIDTH = 200;
    static final int HEIGHT = 120;
    static final int LEFT = 34;
    static final int BOTTOM = 22;
    static final int TOP = 6;
    static final int RIGHT = 8;

    /**
     * @param sound the sound
     * @param kind short or held, in words
     * @param kindReason why it has that kind (what its recordings showed, or that the POM set it); may be empty
     * @param threshold its confidence threshold, as a percentage (a held sound's start, with its keep threshold)
     * @param recall the share of its onsets expected to be reported (a held sound: started)
     * @param coverage a held sound's share of its length expected to be reported; a dash for a short sound
     * @param falseAlarms the false alarms (a held sound: false starts) per minute expected
     * @param onsets how many onsets the estimate rests on
     * @param plot the curve
     */
    public record Row(String sound, String kind, String kindReason, String threshold, String recall, String coverage,
            String falseAlarms, String onsets, Plot plot) {
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

    /**
     * The live detector's events on long recordings, measured against their truth SRTs by {@code parrot:classify}.
     *
     * @param detail where, when and with what, in words
     * @param notes why the figures may not apply to this model, when they may not
     * @param rows one per recording measured, and one for all of them when there are several
     * @param errors Parrot.py's kinds of error over all of them, in words
     */
    public record Events(String detail, List<String> notes, List<EventRow> rows, String errors) {
    }

    /**
     * @param recording the recording, or "all" for the pooled row
     * @param onsets found of the sounds in the truth, "11 of 12"
     * @param recall found out of all, as a percentage
     * @param falseAlarms false alarms per minute of background, with their count
     * @param delay the median delay from onset to event
     * @param total whether it is the pooled row
     */
    public record EventRow(String recording, String onsets, String recall, String falseAlarms, String delay,
            boolean total) {
    }

    /** The section for a model trained without classify's events, or null when it was trained without calibration. */
    public static DetectionView of(ModelDescriptor d, ReportLabels l) {
        return of(d, null, l);
    }

    /**
     * The section for a model and what {@code parrot:classify} measured on it (or null), or null when there is
     * neither calibration nor a measurement of events.
     */
    public static DetectionView of(ModelDescriptor d, UnseenEvaluation unseen, ReportLabels l) {
        Events events = unseen == null || unseen.events() == null || !unseen.events().measured() ? null
                : events(d, unseen, l);
        DetectionCalibration c = d.calibration();
        if (c == null || c.sounds().isEmpty()) {
            return events == null ? null : new DetectionView("", "", false, List.of(), events);
        }
        List<Row> rows = new ArrayList<>();
        boolean anyHeld = false;
        for (DetectionCalibration.SoundThreshold t : c.sounds()) {
            boolean held = t.held();
            anyHeld |= held;
            String threshold = held && t.keepThreshold() != null
                    ? l.get("live.threshold.held", l.percent(t.threshold()), l.percent(t.keepThreshold()))
                    : l.percent(t.threshold());
            rows.add(new Row(t.sound(), l.get(held ? "live.kind.held" : "live.kind.short"),
                    t.kindReason() == null ? "" : t.kindReason(), threshold, l.percent(t.expectedRecall()),
                    held && t.expectedCoverage() != null ? l.percent(t.expectedCoverage()) : "\u2013",
                    l.number(t.expectedFalseAlarmsPerMinute(), 2), l.count(t.onsets()), plot(t, c, l)));
        }
        // Calibrated on streams, short sounds are decided on an onset's segment and the target is all sounds'.
        boolean bySegment = c.onStreams() && c.streams().onsetMilliseconds() > 0;
        String rule = l.get(bySegment ? "live.rule.segment" : "live.rule." + c.rule().toLowerCase(Locale.ROOT),
                c.onsetWindows(), l.number(c.onsetRiseDb(), 1));
        String target = l.number(c.targetFalseAlarmsPerMinute(), 2);
        // Calibrated to a share of the target: the streams hold only the user's own voice, and the page says so.
        Double share = c.onStreams() ? c.streams().falseAlarmShare() : null;
        String limit = share == null ? l.get("live.limit", target)
                : l.get("live.limit.share", l.number(share * c.targetFalseAlarmsPerMinute(), 2), target);
        String intro = l.get(c.onStreams() ? "live.intro.streams" : "live.intro", c.onStreams() ? limit : target,
                l.number(c.minutesJudged(), 1), rule);
        if (anyHeld) {
            intro += " " + l.get("live.held", c.smoothingWindows() > 0 ? c.smoothingWindows()
                    : dev.parrot.runtime.DetectionSettings.DEFAULT_SMOOTHING_WINDOWS);
        }
        DetectionCalibration.Streams streams = c.streams();
        return new DetectionView(intro, measured(streams, l), streams != null && !streams.realBackground(), rows,
                events);
    }

    /**
     * What the figures were measured on. Streams between the user's own background recordings are the nearest to a
     * microphone in use; streams between quiet room say nothing of talk or typing, which the reader must know
     * before trusting a false-alarm rate; a calibration before streams judged each recording on its own.
     */
    private static String measured(DetectionCalibration.Streams s, ReportLabels l) {
        if (s == null) {
            return l.get("live.streams.none");
        }
        String measured = s.realBackground()
                ? l.get("live.streams", s.count(), l.number(s.minutes(), 1), l.number(s.backgroundMinutes(), 1),
                        String.join(", ", s.background()))
                : l.get("live.streams.noise", s.count(), l.number(s.minutes(), 1));
        if (s.onsetMilliseconds() > 0) {
            measured += " " + l.get("live.streams.onset", l.count(s.onsetMilliseconds()));
        }
        return s.realBackground() ? measured : measured + " " + l.get("live.streams.noBackground");
    }

    private static Events events(ModelDescriptor d, UnseenEvaluation u, ReportLabels l) {
        List<String> notes = UnseenView.notes(u, d, l);
        EventEvaluation e = u.events();
        List<EventRow> rows = new ArrayList<>();
        for (EventEvaluation.Recording r : e.recordings()) {
            if (r.figures() != null) {
                rows.add(eventRow(r.file(), r.figures(), false, l));
            }
        }
        int unmeasured = e.recordings().size() - rows.size();
        if (rows.size() > 1) {
            rows.add(eventRow(l.get("live.events.all"), e.overall(), true, l));
        }
        String detail = l.get("live.events.detail", rows.size() - (rows.size() > 1 ? 1 : 0),
                u.input() == null ? "?" : u.input(), l.instant(u.createdAt()), unmeasured);
        StringBuilder errors = new StringBuilder();
        for (EventEvaluation.ErrorKind k : e.overall().errors()) {
            errors.append(errors.isEmpty() ? "" : "; ").append(l.get("live.events.error", k.kind(),
                    l.count(k.count()), l.number(k.averageMillis(), 0)));
        }
        return new Events(detail, notes, rows, l.get("live.events.errors", errors.toString()));
    }

    private static EventRow eventRow(String recording, EventEvaluation.Figures f, boolean total, ReportLabels l) {
        String falseAlarms = f.falseAlarmsPerMinute() == null ? l.count(f.falseAlarms())
                : l.get("live.events.falseAlarmsValue", l.number(f.falseAlarmsPerMinute(), 2), l.count(f.falseAlarms()));
        String delay = f.medianDelayMillis() == null ? "–" : l.number(f.medianDelayMillis(), 0) + " ms";
        return new EventRow(recording, l.get("live.events.found", l.count(f.found()), l.count(f.onsets())),
                l.percent(f.recall()), falseAlarms, delay, total);
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
