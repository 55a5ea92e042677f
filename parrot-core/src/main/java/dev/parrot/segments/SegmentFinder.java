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
        FrameLevels levels = new FrameLevels(sampleRate);
        levels.add(samples, 0, samples.length);
        return find(levels, label);
    }

    /**
     * The levels of a recording's frames, taken as its samples stream past: what {@link #find(FrameLevels, String)}
     * needs of a recording of any length (one value per 5 ms, a 40th of its samples' memory).
     */
    public static final class FrameLevels {

        private final int sampleRate;
        private final int frame;
        private double[] levels = new double[1024];
        private int frames;
        private double sum;
        private int inFrame;

        public FrameLevels(int sampleRate) {
            this.sampleRate = sampleRate;
            this.frame = Math.max(1, (int) Math.round(sampleRate * FRAME_SECONDS));
        }

        /** The next samples of the recording; a last frame left incomplete is not counted. */
        public void add(float[] samples, int offset, int count) {
            for (int i = offset, end = offset + count; i < end; i++) {
                sum += samples[i] * (double) samples[i];
                if (++inFrame == frame) {
                    if (frames == levels.length) {
                        levels = Arrays.copyOf(levels, levels.length * 2);
                    }
                    levels[frames++] = 10 * Math.log10(sum / frame + 1e-12);
                    sum = 0;
                    inFrame = 0;
                }
            }
        }
    }

    /** The stretches of a recording, from the levels of its frames, that hold sound, labelled {@code label}. */
    public static Found find(FrameLevels frameLevels, String label) {
        int frame = frameLevels.frame;
        int sampleRate = frameLevels.sampleRate;
        int frames = frameLevels.frames;
        if (frames == 0) {
            return new Found(List.of(), Double.NEGATIVE_INFINITY);
        }
        double[] levels = frameLevels.levels;
        double[] sorted = Arrays.copyOf(levels, frames);
        Arrays.sort(sorted);
        double floor = sorted[(int) (0.1 * (frames - 1))];
        double start = Math.max(floor + RISE_DB, ABSOLUTE_FLOOR_DBFS);
        double hold = Math.max(floor + HOLD_DB, ABSOLUTE_FLOOR_DBFS);
        double frameSeconds = frame / (double) sampleRate;

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
