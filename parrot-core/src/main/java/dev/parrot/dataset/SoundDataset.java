package dev.parrot.dataset;

import java.util.List;

/**
 * The recordings read for training, by sound, with their window features and what was skipped.
 *
 * @param sounds the sounds, in the order they become class labels
 * @param recordings every usable recording, ordered by sound then file name
 * @param skipped recordings that could not be used, with reasons
 * @param featureNames a name for each feature value
 */
public record SoundDataset(List<String> sounds, List<RecordingFeatures> recordings, List<SkippedRecording> skipped,
        List<String> featureNames) {

    public List<RecordingFeatures> recordingsOf(String sound) {
        return recordings.stream().filter(r -> r.sound().equals(sound)).toList();
    }

    public int windowCount(String sound) {
        return recordingsOf(sound).stream().mapToInt(r -> r.windows().length).sum();
    }

    public int windowCount() {
        return recordings.stream().mapToInt(r -> r.windows().length).sum();
    }

    public double audioSeconds() {
        return recordings.stream().mapToDouble(RecordingFeatures::durationSeconds).sum();
    }
}
