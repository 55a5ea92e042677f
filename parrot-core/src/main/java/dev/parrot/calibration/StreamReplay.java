package dev.parrot.calibration;

import dev.parrot.runtime.DetectionSettings;
import dev.parrot.runtime.EventDecider;
import dev.parrot.runtime.SoundEvent;
import dev.parrot.runtime.SoundKind;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Simulated streams with what the models of their folds said of them, replayed through the detector's own decisions
 * ({@link EventDecider}) for each threshold calibration tries. What the models say does not depend on the thresholds,
 * so it is computed once per stream: the level of every window, the window model's probabilities of the windows a
 * decision may ask for, and the onset model's of the segment at every onset the rule finds.
 *
 * <p>A report whose onset lies within a placed sound (from a window before its start to its end) is a hit when it is
 * that sound's first report there. A report elsewhere (in the background, in the quiet between sounds) or a repeat is
 * a false alarm of the sound reported. A short sound reported at another placed sound is no false alarm: that sound
 * is missed, and the report is what the user made, heard wrong. A held sound started at another placed sound is a
 * false start: it goes on acting (scrolling, moving) for as long as it is kept.
 */
public final class StreamReplay extends ThresholdCalibration.Replay {

    /**
     * One fold's stream.
     *
     * @param levels every window's level
     * @param windowProbabilities per window, the window model's probabilities, or null where a decision can never ask
     * @param onsetProbabilities per onset (the sample its first window starts at), the onset model's probabilities;
     *        empty without an onset model
     * @param truth the sounds placed in it, in order
     * @param backgroundSeconds how much of it is background, which false alarms are counted per
     */
    public record Stream(double[] levels, float[][] windowProbabilities, Map<Long, double[]> onsetProbabilities,
            List<SimulatedStream.Truth> truth, double backgroundSeconds) {
    }

    private final int sampleRate;
    private final double hop;
    private final double window;
    private final double segmentSeconds;
    private final List<Stream> streams = new ArrayList<>();

    /**
     * @param segmentSeconds the onset model's segment; 0 when short sounds are judged window by window
     */
    public StreamReplay(int sampleRate, int hopSamples, int windowSamples, double segmentSeconds) {
        this.sampleRate = sampleRate;
        this.hop = hopSamples / (double) sampleRate;
        this.window = windowSamples / (double) sampleRate;
        this.segmentSeconds = segmentSeconds;
    }

    public synchronized void add(Stream stream) {
        streams.add(stream);
    }

    public int count() {
        return streams.size();
    }

    public double seconds() {
        return streams.stream().mapToDouble(s -> s.levels().length * hop).sum();
    }

    public double backgroundSeconds() {
        return streams.stream().mapToDouble(Stream::backgroundSeconds).sum();
    }

    @Override
    ThresholdCalibration.Figures run(DetectionSettings settings, List<String> labels) {
        ThresholdCalibration.Figures f = new ThresholdCalibration.Figures(labels.size());
        for (Stream stream : streams) {
            run(stream, settings, labels, f);
        }
        return f;
    }

    private void run(Stream stream, DetectionSettings settings, List<String> labels, ThresholdCalibration.Figures f) {
        int n = labels.size();
        List<SimulatedStream.Truth> truth = stream.truth();
        boolean[] hit = new boolean[truth.size()];
        double[] p = new double[n];
        ThresholdCalibration.Reports listener = new ThresholdCalibration.Reports(labels) {
            @Override
            void begun(int s, SoundEvent event) {
                int t = placedAt(truth, event.timeSeconds());
                if (t >= 0 && truth.get(t).label() == s && !hit[t]) {
                    hit[t] = true;
                } else if (t < 0 || truth.get(t).label() == s || settings.kindOf(labels.get(s)) == SoundKind.HELD) {
                    f.alarms[s]++;
                }
            }
        };
        boolean[] active = listener.active;
        EventDecider decider = new EventDecider(settings, labels, hop, window, segmentSeconds);
        EventDecider.OnsetSource onsets = seconds -> {
            double[] q = stream.onsetProbabilities().get(Math.round(seconds * sampleRate));
            if (q == null) {
                throw new IllegalStateException("no onset probabilities at " + seconds + " s of a calibration stream");
            }
            return q;
        };
        double[] levels = stream.levels();
        int next = 0;
        for (int w = 0; w < levels.length; w++) {
            float[] row = stream.windowProbabilities()[w];
            double start = w * hop;
            decider.next(start, levels[w], () -> {
                if (row == null) {
                    throw new IllegalStateException("no probabilities for window " + start + " s of a calibration"
                            + " stream");
                }
                for (int i = 0; i < n; i++) {
                    p[i] = row[i];
                }
                return p;
            }, segmentSeconds > 0 ? onsets : null, listener);
            while (next < truth.size() && truth.get(next).endSeconds() <= start) {
                next++;
            }
            if (next < truth.size() && truth.get(next).startSeconds() <= start) {
                int own = truth.get(next).label();
                f.ownWindows[own]++;
                if (active[own]) {
                    f.covered[own]++;
                }
            }
        }
        decider.finish(levels.length * hop + window, listener);
        for (int t = 0; t < truth.size(); t++) {
            int own = truth.get(t).label();
            f.ownRecordings[own]++;
            if (hit[t]) {
                f.hits[own]++;
            }
        }
    }

    /** The placed sound an onset at {@code seconds} belongs to, or -1: from a window before its start to its end. */
    private int placedAt(List<SimulatedStream.Truth> truth, double seconds) {
        int lo = 0;
        int hi = truth.size() - 1;
        while (lo <= hi) {
            int mid = (lo + hi) >>> 1;
            SimulatedStream.Truth t = truth.get(mid);
            if (seconds < t.startSeconds() - window - hop) {
                hi = mid - 1;
            } else if (seconds > t.endSeconds()) {
                lo = mid + 1;
            } else {
                return mid;
            }
        }
        return -1;
    }
}
