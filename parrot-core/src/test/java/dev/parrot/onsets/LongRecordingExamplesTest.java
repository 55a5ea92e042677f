package dev.parrot.onsets;

import dev.parrot.ProgressLog;
import dev.parrot.audio.WavWriter;
import dev.parrot.augmentation.AugmentedRecordings;
import dev.parrot.dataset.DatasetOptions;
import dev.parrot.dataset.DatasetReader;
import dev.parrot.dataset.RecordingFeatures;
import dev.parrot.dataset.SoundDataset;
import dev.parrot.features.FeatureSettings;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.runtime.TestSounds;
import dev.parrot.segments.Segment;
import dev.parrot.testing.LongRecordings;
import dev.parrot.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A Parrot.py user's long recording: the onset model learns its sound from its segments' starts and the silence
 * between them from the onsets there, read in blocks, grouped by the data set's parts.
 */
class LongRecordingExamplesTest {

    private static final int RATE = 16_000;
    /** Marked starts: one either side of the reader's 30 s block boundary. */
    private static final double[] MARKED = {1.0, 4.0, 8.0, 12.0, 16.5, 21.0, 25.0, 29.95, 30.4, 33.0, 37.0};
    /** Unmarked noises between the sounds: a cough, a chair. */
    private static final double[] UNMARKED = {6.0, 18.5, 35.0};

    /** 40 s of quiet with "high" at the marked starts and noise bursts at the unmarked ones. */
    private static Path writeLongRecording(Path recordings) throws Exception {
        return writeLongRecording(recordings, List.of());
    }

    /** As {@link #writeLongRecording(Path)}, with {@code alsoMarked} segments marked in the SRT besides. */
    private static Path writeLongRecording(Path recordings, List<Segment> alsoMarked) throws Exception {
        float[] audio = TestSounds.quiet(40, RATE, 3);
        List<Segment> truth = new ArrayList<>(alsoMarked);
        for (int i = 0; i < MARKED.length; i++) {
            float[] sound = TestSounds.sound("high", 0.25, RATE, 10 + i);
            System.arraycopy(sound, 0, audio, (int) (MARKED[i] * RATE), sound.length);
            truth.add(new Segment(MARKED[i], MARKED[i] + 0.25, "high", 0));
        }
        truth.sort(java.util.Comparator.comparingDouble(Segment::startSeconds));
        for (int i = 0; i < UNMARKED.length; i++) {
            float[] burst = Signals.noise(0.05, RATE / 16, 50 + i);
            System.arraycopy(burst, 0, audio, (int) (UNMARKED[i] * RATE), burst.length);
        }
        return LongRecordings.writeAsParrotPy(recordings.resolve("high"), "session", audio, RATE, truth);
    }

    /** Three takes of "low", and the long recording of "high". */
    private static Path writeRecordings(Path dir) throws Exception {
        Path recordings = dir.resolve("recordings");
        for (int t = 0; t < 3; t++) {
            WavWriter.writePcm16(recordings.resolve("low/low_" + t + ".wav"), TestSounds.take("low", RATE, 7 + t),
                    RATE);
        }
        writeLongRecording(recordings);
        return recordings;
    }

    private static SoundDataset read(Path dir, Path recordings) throws Exception {
        return new DatasetReader(FeatureSettings.defaults(), 1, ProgressLog.SILENT,
                DatasetOptions.builder(dir.resolve("segments")).build()).read(recordings, List.of());
    }

    @Test
    void segmentStartsAreTheSoundsOnsetsAndOnsetsBetweenThemTheSilence(@TempDir Path dir) throws Exception {
        Path recordings = writeRecordings(dir);
        SoundDataset dataset = read(dir, recordings);
        String file = "high/source/session.wav";
        assertEquals(MARKED.length, dataset.segments().get(file).size(), "the data set keeps where the segments lie");
        assertTrue(AugmentedRecordings.backgroundAudio(recordings, dataset, RATE).isEmpty(),
                "the silence between a sound's segments is learned, but the recording holds the sound: no bed");

        OnsetExamples.Examples examples = new OnsetExamples(FeatureSettings.defaults(), 75, 1)
                .make(recordings, dataset, 7);

        Map<String, List<RecordingFeatures>> byLabel = examples.groups().stream()
                .collect(Collectors.groupingBy(RecordingFeatures::sound));
        List<RecordingFeatures> high = byLabel.get("high");
        Set<String> dataParts = dataset.recordings().stream().filter(r -> r.file().equals(file))
                .map(RecordingFeatures::part).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(Set.of("0:00-0:10", "0:10-0:20", "0:20-0:30", "0:30-0:40"),
                high.stream().map(RecordingFeatures::part).collect(Collectors.toSet()),
                "grouped as the data set's parts, so that a fold holds out its own: " + dataParts);
        assertTrue(dataParts.containsAll(high.stream().map(RecordingFeatures::part).toList()));
        int positives = high.stream().mapToInt(g -> g.windows().length).sum();
        // Each segment as recorded and in copies heard in context, also across the block boundary.
        assertTrue(positives >= MARKED.length * 5 && positives <= MARKED.length * (1 + OnsetExamples.COPIES),
                "segments: " + positives);
        int lastBlock = high.stream().filter(g -> g.part().equals("0:30-0:40")).mapToInt(g -> g.windows().length)
                .sum();
        assertTrue(lastBlock >= 3 * 5, "the segments after the block boundary: " + lastBlock);

        List<RecordingFeatures> silence = byLabel.get(DatasetOptions.DEFAULT_SILENCE_LABEL);
        int negatives = silence.stream().mapToInt(g -> g.windows().length).sum();
        assertEquals(0, negatives % 5, "each onset between the segments, and 7.5 and 15 ms either side");
        assertEquals(UNMARKED.length * 5, negatives, "the unmarked noises, and nothing at a segment");

        assertEquals(MARKED.length, examples.segmentSounds().size(), "each segment's sound, for the streams");
        assertEquals(MARKED.length, examples.segments());
        assertEquals(List.of(), examples.unalignedSegments(), "every marked start is at its sound's onset");
        for (OnsetExamples.SegmentSound s : examples.segmentSounds()) {
            assertEquals("high", s.sound());
            assertTrue(dataParts.contains(s.part()), s.part());
            assertTrue(s.samples().length >= 0.2 * RATE && s.samples().length <= 1.5 * RATE, "" + s.samples().length);
        }
        assertFalse(byLabel.containsKey("low") && byLabel.get("low").isEmpty());
        assertTrue(byLabel.get(ModelDescriptor.OnsetModel.NO_SOUND).size() >= 1);
    }

    @Test
    void aSegmentMarkedWhereTheDetectorFindsNoOnsetIsNamed(@TempDir Path dir) throws Exception {
        Path recordings = dir.resolve("recordings");
        // Marked in the quiet between two sounds, as a slip of the hand in a subtitle editor would.
        writeLongRecording(recordings, List.of(new Segment(14.0, 14.3, "high", 0)));
        for (int t = 0; t < 3; t++) {
            WavWriter.writePcm16(recordings.resolve("low/low_" + t + ".wav"), TestSounds.take("low", RATE, 7 + t),
                    RATE);
        }
        SoundDataset dataset = read(dir, recordings);

        OnsetExamples.Examples examples = new OnsetExamples(FeatureSettings.defaults(), 75, 1)
                .make(recordings, dataset, 7);

        assertEquals(MARKED.length + 1, examples.segments());
        assertEquals(List.of("high/source/session.wav at 0:14.000"), examples.unalignedSegments());
    }

    @Test
    void withoutLearningTheSilenceItsOnsetsAreNoSound(@TempDir Path dir) throws Exception {
        Path recordings = writeRecordings(dir);
        SoundDataset dataset = new DatasetReader(FeatureSettings.defaults(), 1, ProgressLog.SILENT,
                DatasetOptions.builder(dir.resolve("segments")).learnSilence(false).build()).read(recordings,
                List.of());

        OnsetExamples.Examples examples = new OnsetExamples(FeatureSettings.defaults(), 75, 2)
                .make(recordings, dataset, 7);

        int noSound = examples.groups().stream().filter(g -> g.file().equals("high/source/session.wav")
                && g.sound().equals(ModelDescriptor.OnsetModel.NO_SOUND)).mapToInt(g -> g.windows().length).sum();
        assertEquals(UNMARKED.length * 5, noSound);
    }
}
