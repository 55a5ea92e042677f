package dev.parrot.dataset;

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

    public RecordingFeatures {
        part = part == null ? "" : part;
    }

    /** A whole recording. */
    public RecordingFeatures(String file, String sound, double durationSeconds, float[][] windows) {
        this(file, sound, durationSeconds, windows, "");
    }
}
