package dev.parrot.runtime;

import be.tarsos.dsp.AudioDispatcher;
import be.tarsos.dsp.io.jvm.AudioDispatcherFactory;
import dev.parrot.audio.Recording;
import dev.parrot.audio.WavWriter;
import dev.parrot.dataset.DatasetOptions;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.runtime.tarsos.TarsosDetector;
import dev.parrot.segments.SrtFormat;
import dev.parrot.testing.LongRecordings;
import dev.parrot.testing.Signals;
import dev.parrot.testing.SyntheticRecordings;
import dev.parrot.training.SoundModelTrainer;
import dev.parrot.training.TrainingRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A model trained on Parrot.py recordings of two sounds and a background folder: what it says about quiet audio, about
 * background, and that the detector never reports either.
 */
class BackgroundLabelsTest {

    private static final int RATE = SyntheticRecordings.RATE;

    @TempDir
    static Path dir;

    private static SoundModel model;

    @BeforeAll
    static void train() throws Exception {
        Path recordings = dir.resolve("recordings");
        long seed = 1;
        for (String sound : List.of("low", "high")) {
            for (int r = 0; r < 2; r++) {
                LongRecordings recording = LongRecordings.of(sound, 12, seed++);
                WavWriter.writePcm16(recordings.resolve(sound + "/source/r" + r + ".wav"), recording.samples(), RATE);
                Files.createDirectories(recordings.resolve(sound + "/segments"));
                Files.writeString(recordings.resolve(sound + "/segments/r" + r + ".v3.srt"),
                        SrtFormat.format(recording.truth()));
            }
        }
        // Talking stands in as bursts of noise: loud, and never to be acted on.
        for (int r = 0; r < 2; r++) {
            WavWriter.writePcm16(recordings.resolve("talking/t" + r + ".wav"),
                    LongRecordings.of("rush", 8, 10 + r).samples(), RATE);
        }
        TrainingRequest request = TrainingRequest.defaults(recordings, dir.resolve("models"), "bg")
                .withClassifier("random-forest", "-I 10")
                .withSeedAndFolds(42, 2)
                .withDataset(new DatasetOptions(List.of("talking"), "silence", true, "", dir.resolve("segments")));
        model = SoundModel.load(new SoundModelTrainer().train(request).files().descriptorFile());
    }

    @Test
    void theModelNamesItsBackgroundLabels() throws Exception {
        assertEquals(List.of("high", "low", "talking", "silence"), model.labels());
        assertEquals(List.of("talking", "silence"), model.backgroundLabels());
        assertTrue(model.isBackground("silence"));
        assertFalse(model.isBackground("low"));
        assertEquals("silence", model.silenceLabel());
        String json = Files.readString(dir.resolve("models/bg.json"));
        assertTrue(json.contains("\"background\" : [ \"talking\", \"silence\" ]"), json);
    }

    @Test
    void quietAudioIsSilenceAndBackgroundIsBackground() {
        SoundClassifier classifier = model.newClassifier();
        RecordingClassification room = classifier.classify(new Recording(null, LongRecordings.room(2, 77), RATE));
        assertEquals("silence", room.overall().label());
        RecordingClassification nothing = classifier.classify(new Recording(null, new float[RATE], RATE));
        assertEquals("silence", nothing.overall().label());
        assertTrue(nothing.isSilence());
        RecordingClassification talk = classifier.classify(new Recording(null,
                LongRecordings.of("rush", 3, 99).samples(), RATE));
        assertEquals("talking", talk.overall().label());
        for (String sound : List.of("low", "high")) {
            float[] clip = Signals.concat(LongRecordings.room(0.5, 5), SyntheticRecordings.take(sound, 77, 0.4),
                    LongRecordings.room(0.5, 6));
            assertEquals(sound, classifier.classify(new Recording(null, clip, RATE)).overall().label());
        }
    }

    @Test
    void theDetectorNeverReportsBackground() throws Exception {
        float[] stream = Signals.concat(LongRecordings.room(1, 1), SyntheticRecordings.take("low", 5, 0.4),
                LongRecordings.of("rush", 3, 98).samples(), SyntheticRecordings.take("high", 6, 0.4),
                LongRecordings.room(1, 2));
        Path file = dir.resolve("stream.wav");
        WavWriter.writePcm16(file, stream, RATE);
        AudioDispatcher dispatcher = AudioDispatcherFactory.fromFile(file.toFile(), 512, 0);
        List<SoundEvent> events = new ArrayList<>();
        TarsosDetector.attach(model.newDetector(DetectionSettings.defaults().withConfidence(0).withThrottle(0)
                .withMinimumLevelDbfs(-90), events::add), dispatcher);
        dispatcher.run();
        assertTrue(events.stream().anyMatch(e -> e.sound().equals("low")), events.toString());
        assertTrue(events.stream().anyMatch(e -> e.sound().equals("high")), events.toString());
        assertTrue(events.stream().noneMatch(e -> model.isBackground(e.sound())), events.toString());
    }

    @Test
    void aDescriptorWithoutBackgroundReadsAsNone() throws Exception {
        ModelDescriptor old = new ModelDescriptor(1, "old", null, null, List.of("a", "b"), null, null, null, null);
        String json = dev.parrot.model.ModelJson.mapper().writeValueAsString(old)
                .replaceAll(",\\s*\"background\"\\s*:\\s*\\[\\s*\\]", "")
                .replaceAll(",\\s*\"silenceLabel\"\\s*:\\s*null", "");
        assertFalse(json.contains("background"), json);
        ModelDescriptor read = dev.parrot.model.ModelJson.mapper().readValue(json, ModelDescriptor.class);
        assertEquals(List.of(), read.background());
        assertFalse(read.isBackground("a"));
    }
}
