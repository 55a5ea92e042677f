package dev.parrot.evaluation.events;

/**
 * Where a sound is in a recording: Parrot.py's SRT segment.
 *
 * @param startSeconds where it starts (its onset)
 * @param endSeconds where it ends, after its start
 * @param label the sound
 */
public record Segment(double startSeconds, double endSeconds, String label) {

    public Segment {
        if (!(startSeconds >= 0) || !(endSeconds > startSeconds)) {
            throw new IllegalArgumentException("A segment runs from 0 s or later to after its start, not "
                    + startSeconds + " to " + endSeconds + " s");
        }
    }

    public double seconds() {
        return endSeconds - startSeconds;
    }
}
