package dev.parrot.dataset;

/**
 * A recording left out of training, and why.
 *
 * @param file the path as the user would look for it (relative to the recordings folder)
 * @param sound the sound folder it was in
 * @param reason why it was left out
 */
public record SkippedRecording(String file, String sound, String reason) {
}
