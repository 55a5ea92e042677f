package dev.parrot.segments;

/**
 * A stretch of a recording that holds a sound, as an SRT entry marks it.
 *
 * @param startSeconds where it starts
 * @param endSeconds where it ends (after the start)
 * @param label the label written in the SRT; training takes the label from the folder, as Parrot.py does
 * @param line the line of its time range in the SRT file, 1-based; 0 for a segment that was detected
 */
public record Segment(double startSeconds, double endSeconds, String label, int line) {

    public double seconds() {
        return endSeconds - startSeconds;
    }
}
