package dev.parrot.dataset;

/**
 * The feature vectors of the windows of one recording that hold sound. A recording is the unit cross-validation keeps
 * together: all its windows are on the same side of a fold.
 *
 * @param file the path relative to the recordings folder
 * @param sound the sound (folder name) it was recorded as
 * @param durationSeconds its length
 * @param windows one feature vector per window that holds sound, in time order
 */
public record RecordingFeatures(String file, String sound, double durationSeconds, float[][] windows) {
}
