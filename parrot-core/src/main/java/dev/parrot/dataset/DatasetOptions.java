package dev.parrot.dataset;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How recordings become labels beyond one folder per sound: background labels, the silence learned between sounds,
 * Parrot.py's microphone folders, and where detected segments are written.
 *
 * @param backgroundSounds folders, besides {@link #BACKGROUND_FOLDERS}, that hold things that must never fire
 * @param silenceLabel the label of the windows between the sound segments of long recordings
 * @param learnSilence whether those windows are learned at all
 * @param microphoneSeparator with e.g. {@code --}, folders {@code pop--dpa} and {@code pop--desk} are one sound
 *        {@code pop}; empty or null for none
 * @param segmentsDirectory where the segments found in plain long recordings are written as SRT, per sound
 */
public record DatasetOptions(List<String> backgroundSounds, String silenceLabel, boolean learnSilence,
        String microphoneSeparator, Path segmentsDirectory) {

    /** Folder names that are background whatever the configuration says, as {@code silence} is in Parrot.py. */
    public static final Set<String> BACKGROUND_FOLDERS = Set.of("silence", "background", "noise");
    public static final String DEFAULT_SILENCE_LABEL = "silence";

    public DatasetOptions {
        backgroundSounds = backgroundSounds == null ? List.of() : List.copyOf(backgroundSounds);
        silenceLabel = silenceLabel == null || silenceLabel.isBlank() ? DEFAULT_SILENCE_LABEL : silenceLabel.strip();
        microphoneSeparator = microphoneSeparator == null ? "" : microphoneSeparator;
    }

    /** Silence learned, no extra background folders, no microphone separator, segments under {@code target}. */
    public static DatasetOptions defaults(Path segmentsDirectory) {
        return builder(segmentsDirectory).build();
    }

    /** A builder from {@link #defaults}, to set the options by name rather than by position. */
    public static Builder builder(Path segmentsDirectory) {
        return new Builder(segmentsDirectory);
    }

    /** Builds options by name; see {@link DatasetOptions#builder}. */
    public static final class Builder {
        private final Path segmentsDirectory;
        private List<String> backgroundSounds = List.of();
        private String silenceLabel = DEFAULT_SILENCE_LABEL;
        private boolean learnSilence = true;
        private String microphoneSeparator = "";

        private Builder(Path segmentsDirectory) {
            this.segmentsDirectory = segmentsDirectory;
        }

        /** Folders, besides {@link #BACKGROUND_FOLDERS}, that hold things that must never fire; null for none. */
        public Builder backgroundSounds(List<String> sounds) {
            this.backgroundSounds = sounds;
            return this;
        }

        /** The label of the windows between sound segments; null or blank for {@value #DEFAULT_SILENCE_LABEL}. */
        public Builder silenceLabel(String label) {
            this.silenceLabel = label;
            return this;
        }

        public Builder learnSilence(boolean on) {
            this.learnSilence = on;
            return this;
        }

        /** With {@code --}, folders {@code pop--dpa} and {@code pop--desk} are one sound; null or empty for none. */
        public Builder microphoneSeparator(String separator) {
            this.microphoneSeparator = separator;
            return this;
        }

        public DatasetOptions build() {
            return new DatasetOptions(backgroundSounds, silenceLabel, learnSilence, microphoneSeparator,
                    segmentsDirectory);
        }
    }

    /** Whether a label holds things that must never fire. */
    public boolean isBackground(String label) {
        return BACKGROUND_FOLDERS.contains(label.toLowerCase(Locale.ROOT)) || backgroundSounds.contains(label)
                || label.equals(silenceLabel);
    }

    /** The sound a folder records: its name up to the microphone separator. */
    public String soundOf(String folderName) {
        if (microphoneSeparator.isEmpty()) {
            return folderName;
        }
        int at = folderName.indexOf(microphoneSeparator);
        return at > 0 ? folderName.substring(0, at) : folderName;
    }
}
