package dev.parrot.training.incremental;

import dev.parrot.model.ClassifierFormat;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.ModelFiles;
import dev.parrot.model.ModelFingerprint;

import java.io.IOException;
import java.util.Optional;

/**
 * Whether the model on disk was made from the recordings and settings a training would use now, so that a build
 * with nothing changed keeps it instead of training again.
 */
public final class UpToDateCheck {

    /** The learner whose models have a format of their own, as the descriptor names it (a string: no cycle to it). */
    private static final String FAST_FOREST = "dev.parrot.training.BinnedForest";

    private UpToDateCheck() {
    }

    /**
     * @param upToDate the model on disk, when it can be kept as it is
     * @param reason why it cannot, in words ("3 recordings were added, changed or removed"), or null when it can
     */
    public record Verdict(ModelDescriptor upToDate, String reason) {
        public boolean current() {
            return upToDate != null;
        }
    }

    /** Compares the fingerprint of a training to come with the model on disk. */
    public static Verdict check(ModelFiles files, ModelFingerprint now) throws IOException {
        Optional<ModelDescriptor> onDisk = files.readWholeDescriptor();
        if (onDisk.isEmpty()) {
            return new Verdict(null, java.nio.file.Files.exists(files.descriptorFile())
                    ? "the model on disk is incomplete or its two files are not from one training"
                    : "there is no model yet");
        }
        if (olderForestFile(files, onDisk.get())) {
            return new Verdict(null, "the model file is a fast-forest in Java's serialisation, as an older Parrot"
                    + " wrote it; it is written as data now");
        }
        ModelFingerprint before = onDisk.get().fingerprint();
        if (before.settings() == null || before.recordings() == null) {
            return new Verdict(null, "the model on disk does not record what it was made from");
        }
        boolean settings = !before.settings().equals(now.settings());
        boolean recordings = !before.recordings().equals(now.recordings());
        if (settings && recordings) {
            return new Verdict(null, "the settings and the recordings changed");
        }
        if (settings) {
            return new Verdict(null, "the settings or the Parrot version changed");
        }
        if (recordings) {
            int diff = now.recordingCount() - before.recordingCount();
            return new Verdict(null, "recordings were added, changed or removed (" + now.recordingCount()
                    + " now, " + (diff == 0 ? "as many as" : before.recordingCount()) + " before)");
        }
        return new Verdict(onDisk.get(), null);
    }

    /** A forest that still loads, but through Java deserialisation, which its own format avoids: worth a training. */
    private static boolean olderForestFile(ModelFiles files, ModelDescriptor descriptor) throws IOException {
        return descriptor.classifier() != null && FAST_FOREST.equals(descriptor.classifier().wekaClass())
                && files.classifierFormat().orElse(null) == ClassifierFormat.WEKA;
    }
}
