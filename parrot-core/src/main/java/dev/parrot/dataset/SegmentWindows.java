package dev.parrot.dataset;

import dev.parrot.segments.Segment;

import java.util.Arrays;
import java.util.List;

/**
 * Which windows of a segmented recording hold its sound and which lie between the sounds. A window holds the sound
 * when its middle lies in a segment, or the whole of a short segment lies in it; it lies between the sounds when it
 * touches no segment at all. Windows that only graze a segment are neither: half sound, half room.
 */
final class SegmentWindows {

    private SegmentWindows() {
    }

    /** The two kinds of window starts, in time order. */
    record Split(int[] sound, int[] between) {
    }

    static Split split(int[] starts, int windowSamples, int sampleRate, List<Segment> segments) {
        int[] sound = new int[starts.length];
        int[] between = new int[starts.length];
        int soundCount = 0;
        int betweenCount = 0;
        int first = 0;
        for (int start : starts) {
            double from = start / (double) sampleRate;
            double to = (start + windowSamples) / (double) sampleRate;
            double middle = (from + to) / 2;
            while (first < segments.size() && segments.get(first).endSeconds() <= from) {
                first++;
            }
            boolean touches = false;
            boolean holds = false;
            for (int s = first; s < segments.size() && segments.get(s).startSeconds() < to; s++) {
                Segment segment = segments.get(s);
                touches = true;
                if ((segment.startSeconds() <= middle && middle < segment.endSeconds())
                        || (from <= segment.startSeconds() && segment.endSeconds() <= to)) {
                    holds = true;
                }
            }
            if (holds) {
                sound[soundCount++] = start;
            } else if (!touches) {
                between[betweenCount++] = start;
            }
        }
        return new Split(Arrays.copyOf(sound, soundCount), Arrays.copyOf(between, betweenCount));
    }
}
