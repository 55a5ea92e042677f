package dev.parrot.dataset;

import dev.parrot.model.ModelDescriptor;

/**
 * A recording left out of training, and why.
 *
 * @param file the path as the user would look for it (relative to the recordings folder)
 * @param sound the sound folder it was in
 * @param reason why it was left out
 */
public record SkippedRecording(String file, String sound, String reason) {

    /** As the model JSON and classify's unseen JSON list it. */
    public ModelDescriptor.Skipped toJson() {
        return new ModelDescriptor.Skipped(file, sound, reason);
    }
}
