package dev.parrot.runtime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The decisions of a {@link SoundDetector}, apart from its audio: fed each window's level in order, with a way to get
 * its probabilities, it tells a {@link SoundListener} what to report. The windows are classified only when a decision
 * needs them. Training's calibration, the stream benchmark and {@code parrot:classify}'s events all drive this one
 * decider, so that what they promise or measure is what the detector does.
 *
 * <pre>{@code
 * for each window, in order:
 *     decider.next(start, level, () -> probabilitiesOf(window), listener);
 * at the end of the stream:
 *     decider.finish(end, listener);
 * }</pre>
 *
 * <p>Each sound is followed by the tracker of its {@link SoundKind}: short sounds are judged over an onset's first
 * windows ({@link DecisionRule}), held sounds on every window loud enough, with a start, a steady rate of
 * continuations, and a stop (which may fall on a window too quiet to classify). Not thread-safe; one per stream.
 */
public final class EventDecider {

    /** The probabilities of the window being decided, per label in the model's order; asked for at most once. */
    @FunctionalInterface
    public interface ProbabilitySource {
        double[] probabilities();
    }

    /**
     * The running noise floor and the onset being judged, shared by the short sounds' trackers: one report per onset
     * among all of them.
     */
    static final class Onsets {
        final DetectionSettings settings;
        /** Levels of the windows since the last onset, at most a second back, newest last (a ring). */
        private final double[] recent;
        private int recentCount;
        private int recentNext;
        /** Windows of the current onset judged so far; -1 before the first onset. */
        private int judged = -1;
        private boolean decided;
        private boolean started;
        private double loudest;

        Onsets(DetectionSettings settings, double hopSeconds) {
            this.settings = settings;
            this.recent = new double[Math.max(2, (int) Math.round(FLOOR_SECONDS / hopSeconds))];
        }

        /**
         * The quietest of the recent windows: the running noise floor, or what a sound has decayed to. Before the
         * first window, silence: a stream that starts with a sound starts with its onset, as a recording in training.
         */
        /** How many windows the noise floor reaches back: {@link #FLOOR_SECONDS} of them. */
        int floorWindows() {
            return recent.length;
        }

        double reference() {
            double min = recentCount == 0 ? QUIETEST_DBFS : Double.POSITIVE_INFINITY;
            for (int i = 0; i < recentCount; i++) {
                min = Math.min(min, recent[i]);
            }
            return Math.max(min, QUIETEST_DBFS);
        }

        /** Takes the next window's level; whether it is one of the windows the current onset is judged on. */
        boolean next(double levelDbfs) {
            started = settings.rule().startsJudging(this, levelDbfs);
            if (started) {
                judged = 0;
                decided = false;
                loudest = levelDbfs;
                recentCount = 0;
                recentNext = 0;
            }
            recent[recentNext] = levelDbfs;
            recentNext = (recentNext + 1) % recent.length;
            recentCount = Math.min(recentCount + 1, recent.length);
            return judging();
        }

        /** Whether the window just taken started an onset. */
        boolean started() {
            return started;
        }

        boolean judging() {
            return judged >= 0 && !decided && judged < settings.rule().windowsJudged(settings);
        }

        /** The judged window's level counts towards the onset's loudest; called once per judged window. */
        void judge(double levelDbfs) {
            judged++;
            loudest = Math.max(loudest, levelDbfs);
        }

        /** A short sound was reported: the rest of the onset's windows are not judged. */
        void decide() {
            decided = true;
        }

        /** Whether a short sound was reported at the current onset. */
        boolean decided() {
            return decided;
        }

        double loudest() {
            return loudest;
        }
    }

    /** How far back the noise floor reaches. */
    static final double FLOOR_SECONDS = 1.0;

    /** Digital silence counts as this level, so that dither after it is no onset. */
    static final double QUIETEST_DBFS = -90;

    /**
     * The probabilities of an onset's segment, per label in the model's order and then one more, that no sound was
     * made there; asked for once per onset, when its segment is complete.
     */
    @FunctionalInterface
    public interface OnsetSource {
        double[] probabilities(double onsetSeconds);
    }

    private final List<String> labels;
    private final Onsets onsets;
    private final SoundTracker[] trackers;
    private final double windowSeconds;
    /** Windows after an onset's first at which its segment is complete; -1 when short sounds are judged per window. */
    private final int segmentWindows;
    private double pendingOnset = Double.NaN;
    private int pendingWindows;
    private OnsetSource lastOnsetSource;

    /**
     * A decider that judges short sounds window by window, over an onset's first windows.
     *
     * @param settings what to report and when
     * @param labels the model's labels, in the order of the probabilities
     * @param hopSeconds the time between windows
     */
    public EventDecider(DetectionSettings settings, List<String> labels, double hopSeconds) {
        this(settings, labels, hopSeconds, hopSeconds, 0);
    }

    /**
     * @param settings what to report and when
     * @param labels the model's labels, in the order of the probabilities
     * @param hopSeconds the time between windows
     * @param windowSeconds the length of a window
     * @param segmentSeconds how much audio from an onset a short sound is decided on, as one segment (an onset
     *        model's); 0 to judge short sounds window by window
     */
    public EventDecider(DetectionSettings settings, List<String> labels, double hopSeconds, double windowSeconds,
            double segmentSeconds) {
        this.labels = List.copyOf(labels);
        this.onsets = new Onsets(settings, hopSeconds);
        this.windowSeconds = windowSeconds;
        this.segmentWindows = segmentSeconds <= 0 ? -1
                : Math.max(0, (int) Math.ceil((segmentSeconds - windowSeconds) / hopSeconds - 1e-9));
        boolean bySegment = segmentWindows >= 0;
        List<SoundTracker> list = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            String sound = labels.get(i);
            if (!settings.muted().contains(sound)) {
                list.add(settings.kindOf(sound).track(i, this.labels, settings, onsets, bySegment));
            }
        }
        this.trackers = list.toArray(new SoundTracker[0]);
    }

    /** Whether short sounds are decided on onset segments. */
    public boolean bySegment() {
        return segmentWindows >= 0;
    }

    /**
     * Where the onset whose segment is awaited starts, in seconds; NaN when none is: a detector keeps the audio from
     * there until it is decided.
     */
    public double pendingOnsetSeconds() {
        return pendingOnset;
    }

    /**
     * Decides the next window of the stream, telling {@code listener} what it reports; for a decider that judges
     * short sounds window by window.
     */
    public boolean next(double startSeconds, double levelDbfs, ProbabilitySource source, SoundListener listener) {
        return next(startSeconds, levelDbfs, source, null, listener);
    }

    /**
     * Decides the next window of the stream, telling {@code listener} what it reports.
     *
     * @param startSeconds where the window starts in the stream
     * @param levelDbfs its RMS level
     * @param source its probabilities, asked for only when a decision needs them
     * @param onsetSource the probabilities of an onset's segment, asked for when the segment is complete (with this
     *        window); may be null for a decider that judges short sounds window by window
     * @return whether the window was classified
     */
    public boolean next(double startSeconds, double levelDbfs, ProbabilitySource source, OnsetSource onsetSource,
            SoundListener listener) {
        boolean atOnset = onsets.next(levelDbfs);
        if (segmentWindows >= 0) {
            if (onsetSource == null) {
                throw new IllegalStateException("a decider of onset segments needs their probabilities");
            }
            lastOnsetSource = onsetSource;
            if (Double.isNaN(pendingOnset) && onsets.started()) {
                // An onset inside a pending segment belongs to it: the segment already holds its start.
                pendingOnset = startSeconds;
                pendingWindows = -1;
            }
            if (!Double.isNaN(pendingOnset)) {
                pendingWindows++;
            }
        }
        boolean wanted = false;
        for (SoundTracker t : trackers) {
            wanted |= t.wants(levelDbfs, atOnset);
        }
        double[] probabilities = null;
        if (wanted) {
            probabilities = source.probabilities();
        }
        if (atOnset && (wanted || segmentWindows >= 0)) {
            // The onset's loudest window so far, which its report gives as its level.
            onsets.judge(levelDbfs);
        }
        Window window = new Window(startSeconds, startSeconds + windowSeconds, levelDbfs, probabilities, atOnset);
        for (SoundTracker t : trackers) {
            t.decide(window, listener);
        }
        if (!Double.isNaN(pendingOnset) && pendingWindows >= segmentWindows) {
            decideOnset(startSeconds + windowSeconds, listener);
        }
        return wanted;
    }

    private void decideOnset(double decidedSeconds, SoundListener listener) {
        double onset = pendingOnset;
        pendingOnset = Double.NaN;
        double[] p = lastOnsetSource.probabilities(onset);
        for (SoundTracker t : trackers) {
            t.decideOnset(onset, decidedSeconds, onsets.loudest(), p, listener);
        }
    }

    /**
     * The stream has ended at {@code endSeconds}: an onset still awaiting its segment is decided on what there is,
     * and held sounds still going on stop there.
     */
    public void finish(double endSeconds, SoundListener listener) {
        if (!Double.isNaN(pendingOnset)) {
            decideOnset(endSeconds, listener);
        }
        for (SoundTracker t : trackers) {
            t.finish(endSeconds, listener);
        }
    }

    /**
     * One window as the trackers see it.
     *
     * @param probabilities null when the window was not classified
     * @param judgedAtOnset whether it is one of the windows an onset is judged on
     */
    record Window(double startSeconds, double endSeconds, double levelDbfs, double[] probabilities,
            boolean judgedAtOnset) {

        int mostProbable() {
            return dev.parrot.Probabilities.mostProbable(probabilities);
        }
    }

    /** Every label's probability in a window, in the model's order, for an event (none when not classified). */
    static Map<String, Double> named(List<String> labels, double[] probabilities) {
        Map<String, Double> all = new LinkedHashMap<>();
        if (probabilities != null) {
            for (int i = 0; i < labels.size(); i++) {
                all.put(labels.get(i), probabilities[i]);
            }
        }
        return all;
    }
}
