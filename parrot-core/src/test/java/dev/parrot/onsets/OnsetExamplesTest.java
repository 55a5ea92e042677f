package dev.parrot.onsets;

import dev.parrot.ProgressLog;
import dev.parrot.audio.WavWriter;
import dev.parrot.dataset.DatasetOptions;
import dev.parrot.dataset.DatasetReader;
import dev.parrot.dataset.RecordingFeatures;
import dev.parrot.dataset.SoundDataset;
import dev.parrot.features.FeatureSettings;
import dev.parrot.features.OnsetFeatures;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.runtime.TestSounds;
import dev.parrot.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OnsetExamplesTest {

    private static final int RATE = 16_000;

    /** Syllables of noise at random levels with pauses: onset after onset, as talk gives. */
    private static float[] talk(long seed) {
        List<float[]> parts = new ArrayList<>();
        java.util.Random random = new java.util.Random(seed);
        for (int i = 0; i < 12; i++) {
            parts.add(Signals.noise(0.0005, RATE / 5, seed + i));
            parts.add(Signals.noise(0.02 + 0.1 * random.nextDouble(), RATE / 8, seed + 100 + i));
        }
        return Signals.concat(parts.toArray(float[][]::new));
    }

    @Test
    void takesInContextAndEveryOnsetOfTheBackgroundAndOfNoise(@TempDir Path dir) throws Exception {
        Path recordings = dir.resolve("recordings");
        TestSounds.writeRecordings(recordings, 3, 1);
        Files.createDirectories(recordings.resolve("speech"));
        WavWriter.writePcm16(recordings.resolve("speech/talk.wav"), talk(5), RATE);
        FeatureSettings settings = FeatureSettings.defaults();
        SoundDataset dataset = new DatasetReader(settings, 1, ProgressLog.SILENT, DatasetOptions.builder(
                dir.resolve("segments")).backgroundSounds(List.of("speech")).build()).read(recordings, List.of());

        OnsetExamples.Examples examples = new OnsetExamples(settings, 75, 1).make(recordings, dataset, 7);

        List<String> classes = new ArrayList<>(dataset.sounds());
        classes.add(ModelDescriptor.OnsetModel.NO_SOUND);
        assertEquals(classes, examples.classes());
        Map<String, List<RecordingFeatures>> byLabel = examples.groups().stream()
                .collect(Collectors.groupingBy(RecordingFeatures::sound));
        int dimension = new OnsetFeatures(settings, 75).dimension();
        for (String sound : TestSounds.KINDS.keySet()) {
            List<RecordingFeatures> takes = byLabel.get(sound);
            assertEquals(3, takes.size(), sound + ": a group per take");
            for (RecordingFeatures take : takes) {
                // As recorded, and each copy whose onset the rule found where the take starts.
                int n = take.windows().length;
                assertTrue(n >= 4 && n <= 1 + OnsetExamples.COPIES, take.file() + ": " + n);
                assertEquals(dimension, take.windows()[0].length);
            }
        }
        // Every onset of the talk, and 7.5 and 15 ms either side: five segments an onset.
        List<RecordingFeatures> speech = byLabel.get("speech");
        assertEquals(1, speech.size());
        assertEquals(0, speech.get(0).windows().length % 5);
        assertTrue(speech.get(0).windows().length >= 5 * 8, "most of the 12 syllables: " + speech.get(0).windows().length);
        assertTrue(byLabel.get(ModelDescriptor.OnsetModel.NO_SOUND).size() >= 1, "onsets in noise");
        assertEquals(1, examples.background().size());

        OnsetExamples.Examples again = new OnsetExamples(settings, 75, 2).make(recordings, dataset, 7);
        for (int g = 0; g < examples.groups().size(); g++) {
            assertTrue(java.util.Arrays.deepEquals(examples.groups().get(g).windows(), again.groups().get(g).windows()),
                    "the same seed, the same examples, whatever the threads");
        }
    }
}
