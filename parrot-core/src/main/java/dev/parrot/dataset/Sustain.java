package dev.parrot.dataset;

/**
 * How long a sound goes on: the time its windows stay within {@value #DB} dB of its loudest. A take and a segment of a
 * long recording are measured alike, so that a sound gets the same kind however it was recorded: a segment's marked
 * length holds the decay a take's measure leaves out.
 */
public final class Sustain {

    /** How far below its loudest a sound may fall and still count as going on. */
    public static final double DB = 10;

    private Sustain() {
    }

    /** The time the first {@code count} of {@code levels} (one per window, dBFS) stay near their loudest. */
    public static double seconds(float[] levels, int count, double hopSeconds) {
        float loudest = Float.NEGATIVE_INFINITY;
        for (int i = 0; i < count; i++) {
            loudest = Math.max(loudest, levels[i]);
        }
        int near = 0;
        for (int i = 0; i < count; i++) {
            near += levels[i] >= loudest - DB ? 1 : 0;
        }
        return near * hopSeconds;
    }
}
