package dev.parrot.dataset;

import java.util.Locale;

/**
 * The feature vectors of the windows of one recording (or one part of a long recording) with one label. It is the
 * unit cross-validation keeps together: all its windows are on the same side of a fold.
 *
 * @param file the path relative to the recordings folder
 * @param sound the label it was recorded as
 * @param durationSeconds the length of audio it covers (0 for the windows between the sounds of a part, whose audio
 *        the part's sound already counts)
 * @param windows one feature vector per window, in time order
 * @param part which part of a long or background recording, such as {@code 0:20-0:30} (named even when it is the
 *        whole recording); empty for a take
 */
public record RecordingFeatures(String file, String sound, double durationSeconds, float[][] windows, String part) {

    /** Long and background recordings are cut into parts of this many seconds (see {@link #partOf}). */
    public static final double PART_SECONDS = 10;

    public RecordingFeatures {
        part = part == null ? "" : part;
    }

    /**
     * The name of the part that holds sample {@code at} of a recording of {@code length} samples at {@code rate}, as
     * the data set names it: what keeps another stage's examples of that stretch of audio in the same fold.
     */
    public static String partOf(long at, long length, int rate) {
        long partSamples = Math.round(PART_SECONDS * rate);
        long start = at / partSamples * partSamples;
        return partName(start, Math.min(length, start + partSamples), rate);
    }

    /** A part's name from its first and end sample, such as {@code 0:20-0:30}. */
    static String partName(long start, long end, int rate) {
        return clock(start / rate) + "-" + clock((end + rate - 1) / rate);
    }

    /** Where a part starts, in whole seconds, from its name; 0 for a take's empty part. */
    public static int partStartSeconds(String part) {
        int dash = part.indexOf('-');
        return dash < 0 ? 0 : seconds(part.substring(0, dash));
    }

    /** Where a part ends, in whole seconds, from its name; -1 for a take's empty part. */
    public static int partEndSeconds(String part) {
        int dash = part.indexOf('-');
        return dash < 0 ? -1 : seconds(part.substring(dash + 1));
    }

    private static String clock(long seconds) {
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }

    private static int seconds(String clock) {
        String[] p = clock.trim().split(":");
        return Integer.parseInt(p[0]) * 60 + Integer.parseInt(p[1]);
    }

    /** A whole recording. */
    public RecordingFeatures(String file, String sound, double durationSeconds, float[][] windows) {
        this(file, sound, durationSeconds, windows, "");
    }
}
