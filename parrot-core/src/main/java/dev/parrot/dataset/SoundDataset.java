package dev.parrot.dataset;

import dev.parrot.features.FeatureExtractor;
import dev.parrot.segments.Segment;

import java.util.List;
import java.util.Map;

/**
 * The recordings read for training, by label, with their window features and what was skipped.
 *
 * @param sounds the labels (sounds and background labels), in the order they become class labels
 * @param recordings every usable recording (or part of a long one), ordered by label then file name
 * @param skipped recordings that could not be used, with reasons
 * @param featureNames a name for each feature value
 * @param background the labels that hold things that must never fire, in {@code sounds} order
 * @param segmentSeconds per sound, how long the sound of each segment of its long recordings goes on ({@link Sustain},
 *        as a take is measured; their windows lie side by side in the recordings' parts, so the parts alone do not
 *        tell where one segment ends); empty without any
 * @param segments per long recording of a sound (its path relative to the recordings folder, as
 *        {@link RecordingFeatures#file()}), where its segments lie: where the onset model learns the sound's onsets,
 *        and what calibration places in its streams; empty without any
 */
public record SoundDataset(List<String> sounds, List<RecordingFeatures> recordings, List<SkippedRecording> skipped,
        List<String> featureNames, List<String> background, Map<String, List<Double>> segmentSeconds,
        Map<String, List<Segment>> segments) {

    public SoundDataset {
        background = background == null ? List.of() : List.copyOf(background);
        segmentSeconds = segmentSeconds == null ? Map.of() : Map.copyOf(segmentSeconds);
        segments = segments == null ? Map.of() : Map.copyOf(segments);
    }

    /** A data set whose long recordings' segments are known by their lengths alone. */
    public SoundDataset(List<String> sounds, List<RecordingFeatures> recordings, List<SkippedRecording> skipped,
            List<String> featureNames, List<String> background, Map<String, List<Double>> segmentSeconds) {
        this(sounds, recordings, skipped, featureNames, background, segmentSeconds, Map.of());
    }

    /** A data set of takes and long recordings without their segments' lengths. */
    public SoundDataset(List<String> sounds, List<RecordingFeatures> recordings, List<SkippedRecording> skipped,
            List<String> featureNames, List<String> background) {
        this(sounds, recordings, skipped, featureNames, background, Map.of());
    }

    /** A data set without background labels. */
    public SoundDataset(List<String> sounds, List<RecordingFeatures> recordings, List<SkippedRecording> skipped,
            List<String> featureNames) {
        this(sounds, recordings, skipped, featureNames, List.of());
    }

    /** Where a window's level lies in its features ({@link FeatureExtractor#LEVEL_FEATURE}); -1 without it. */
    public int levelFeature() {
        return featureNames.indexOf(FeatureExtractor.LEVEL_FEATURE);
    }

    public List<RecordingFeatures> recordingsOf(String sound) {
        return recordings.stream().filter(r -> r.sound().equals(sound)).toList();
    }

    /** The recordings of a label, counting a long recording once however many parts it was cut into. */
    public int recordingCount(String sound) {
        return (int) recordingsOf(sound).stream().map(RecordingFeatures::file).distinct().count();
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
