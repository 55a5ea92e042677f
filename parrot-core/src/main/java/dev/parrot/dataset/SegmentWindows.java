package dev.parrot.dataset;

import dev.parrot.segments.Segment;

import java.util.List;

/**
 * Which windows of a segmented recording hold its sound and which lie between the sounds. A window holds the sound
 * when its middle lies in a segment, or the whole of a short segment lies in it; it lies between the sounds when it
 * touches no segment at all. Windows that only graze a segment are neither: half sound, half room.
 */
final class SegmentWindows {

    private SegmentWindows() {
    }

    /** What a window is to the segments. */
    enum Kind {
        SOUND, BETWEEN, NEITHER
    }

    /** Tells the kind of windows asked about in time order, as a recording streams past, keeping its place. */
    static final class Cursor {

        private final int windowSamples;
        private final int sampleRate;
        private final List<Segment> segments;
        private int first;
        private int holding = -1;

        Cursor(int windowSamples, int sampleRate, List<Segment> segments) {
            this.windowSamples = windowSamples;
            this.sampleRate = sampleRate;
            this.segments = segments;
        }

        /** The kind of the window at {@code start}, which is no earlier than the window asked about before. */
        Kind kindOf(int start) {
            double from = start / (double) sampleRate;
            double to = (start + windowSamples) / (double) sampleRate;
            double middle = (from + to) / 2;
            while (first < segments.size() && segments.get(first).endSeconds() <= from) {
                first++;
            }
            boolean touches = false;
            holding = -1;
            for (int s = first; s < segments.size() && segments.get(s).startSeconds() < to; s++) {
                Segment segment = segments.get(s);
                touches = true;
                if (holding < 0 && ((segment.startSeconds() <= middle && middle < segment.endSeconds())
                        || (from <= segment.startSeconds() && segment.endSeconds() <= to))) {
                    holding = s;
                }
            }
            return holding >= 0 ? Kind.SOUND : touches ? Kind.NEITHER : Kind.BETWEEN;
        }

        /** The segment that holds the window asked about last (the first, when two do); -1 when none does. */
        int holding() {
            return holding;
        }
    }
}
