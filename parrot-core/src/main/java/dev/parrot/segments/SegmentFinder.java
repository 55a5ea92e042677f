package dev.parrot.segments;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Finds where a long recording holds its sound: the stretches that rise clearly above the recording's noise floor.
 *
 * <p>As in Parrot.py, the level is measured in dBFS over short frames and the noise floor is the 10th percentile of
 * those levels (the room between takes, whatever the gain). A stretch starts at the first frame {@link #RISE_DB}
 * above the floor and lasts while the level stays {@link #HOLD_DB} above it, so a sound's decay stays with it. Gaps
 * shorter than {@link #MERGE_GAP_SECONDS} are merged (Parrot.py repairs gaps under 45 ms): a sound that dips for a
 * moment is one sound. Frames of 5 ms place a segment's edges within 5 ms of where the level crosses.
 */
public final class SegmentFinder {

    public static final double FRAME_SECONDS = 0.005;
    /** How far above the floor a frame must be to start a sound: four times the level, far above a room's wobble. */
    public static final double RISE_DB = 12;
    /** How far above the floor a sound's frames stay part of it once started. */
    public static final double HOLD_DB = 6;
    public static final double MERGE_GAP_SECONDS = 0.05;
    /** Shorter bursts are clicks of the equipment rather than a sound a person makes. */
    public static final double MIN_SOUND_SECONDS = 0.01;
    /** Quieter audio holds no sound however quiet the room: digital silence has a floor too. */
    public static final double ABSOLUTE_FLOOR_DBFS = -70;

    private SegmentFinder() {
    }

    /** What was found: the segments, and the noise floor they rose above. */
    public record Found(List<Segment> segments, double noiseFloorDbfs) {

        public double soundSeconds() {
            return segments.stream().mapToDouble(Segment::seconds).sum();
        }
    }

    /** The stretches of {@code samples} (mono, at {@code sampleRate}) that hold sound, labelled {@code label}. */
    public static Found find(float[] samples, int sampleRate, String label) {
        int frame = frameSamples(sampleRate);
        int frames = samples.length / frame;
        double[] levels = new double[frames];
        for (int f = 0; f < frames; f++) {
            levels[f] = frameLevel(samples, f * frame, frame);
        }
        return find(levels, frames, frame / (double) sampleRate, label);
    }

    /** The samples in one of the frames whose levels {@link #find(double[], int, double, String)} takes. */
    public static int frameSamples(int sampleRate) {
        return Math.max(1, (int) Math.round(sampleRate * FRAME_SECONDS));
    }

    /** A frame's level in dBFS, as {@link #find(float[], int, String)} measures it. */
    public static double frameLevel(float[] samples, int from, int length) {
        double sum = 0;
        for (int i = from, end = from + length; i < end; i++) {
            sum += samples[i] * (double) samples[i];
        }
        return 10 * Math.log10(sum / length + 1e-12);
    }

    /**
     * The stretches that hold sound, from the levels of a recording's first {@code frames} frames (of
     * {@link #frameSamples} each): what a recorder that measures as it goes finds so far.
     */
    public static Found find(double[] levels, int frames, double frameSeconds, String label) {
        if (frames == 0) {
            return new Found(List.of(), Double.NEGATIVE_INFINITY);
        }
        double[] sorted = Arrays.copyOf(levels, frames);
        Arrays.sort(sorted);
        double floor = sorted[(int) (0.1 * (frames - 1))];
        double start = Math.max(floor + RISE_DB, ABSOLUTE_FLOOR_DBFS);
        double hold = Math.max(floor + HOLD_DB, ABSOLUTE_FLOOR_DBFS);

        List<int[]> runs = new ArrayList<>();
        int f = 0;
        while (f < frames) {
            if (levels[f] < start) {
                f++;
                continue;
            }
            int from = f;
            // A sound's onset may begin a frame or two below the start threshold; take the rise with it.
            while (from > 0 && levels[from - 1] >= hold && (runs.isEmpty() || from - 1 >= runs.get(runs.size() - 1)[1])) {
                from--;
            }
            int to = f;
            while (to < frames && levels[to] >= hold) {
                to++;
            }
            int mergeFrames = (int) Math.round(MERGE_GAP_SECONDS / frameSeconds);
            if (!runs.isEmpty() && from - runs.get(runs.size() - 1)[1] < mergeFrames) {
                runs.get(runs.size() - 1)[1] = to;
            } else {
                runs.add(new int[] {from, to});
            }
            f = to;
        }
        List<Segment> segments = new ArrayList<>();
        for (int[] run : runs) {
            double seconds = (run[1] - run[0]) * frameSeconds;
            if (seconds >= MIN_SOUND_SECONDS - 1e-9) {
                segments.add(new Segment(run[0] * frameSeconds, run[1] * frameSeconds, label, 0));
            }
        }
        return new Found(List.copyOf(segments), floor);
    }
}
