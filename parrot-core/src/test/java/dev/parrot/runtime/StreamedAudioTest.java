package dev.parrot.runtime;

import be.tarsos.dsp.AudioDispatcher;
import be.tarsos.dsp.AudioEvent;
import be.tarsos.dsp.AudioProcessor;
import dev.parrot.audio.Resampling;
import dev.parrot.audio.WavDecoder;
import dev.parrot.audio.WavWriter;
import dev.parrot.runtime.tarsos.TarsosInputs;
import dev.parrot.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;

import static dev.parrot.runtime.TestSounds.RATE;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Files streamed from disk, for classification and detection, hear what the whole recording in memory gives. */
class StreamedAudioTest {

    /** Twelve seconds: longer than the streams' reads (16384 samples), so windows and context cross them. */
    private static float[] session(int rate) {
        List<float[]> parts = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            parts.add(TestSounds.quiet(0.9, RATE, 10 + i));
            parts.add(TestSounds.sound(TestSounds.SOUNDS[i % TestSounds.SOUNDS.length], 0.3, RATE, 20 + i));
            parts.add(TestSounds.quiet(0.3, RATE, 30 + i));
        }
        float[] samples = Signals.concat(parts.toArray(float[][]::new));
        return rate == RATE ? samples : Resampling.resample(samples, RATE, rate);
    }

    @Test
    void aStreamedFileIsClassifiedWindowByWindowAsTheWholeRecordingInMemory(@TempDir Path dir) throws Exception {
        SoundModel model = TestSounds.contextModel();
        assertTrue(model.newFeatureExtractor().historySamples() > 0, "a model whose features read context");
        Path file = dir.resolve("session-44k.wav");
        WavWriter.writePcm16(file, session(44_100), 44_100);
        // The old way: the file decoded whole, resampled whole, each window classified in that one array.
        float[] whole = Resampling.resample(WavDecoder.read(file).samples(), 44_100, RATE);
        SoundClassifier offline = model.newClassifier();

        RecordingClassification streamed = model.newClassifier().classify(file);

        assertEquals(whole.length / (double) RATE, streamed.durationSeconds(), 1e-12);
        int hop = model.settings().hopSamples();
        assertEquals((whole.length - model.settings().windowSamples()) / hop + 1, streamed.timeline().size());
        int classified = 0;
        for (int i = 0; i < streamed.timeline().size(); i++) {
            WindowResult w = streamed.timeline().get(i);
            if (w.holdsSound()) {
                classified++;
                assertEquals(offline.classifyWindow(whole, i * hop).probabilities(), w.prediction().probabilities(),
                        "window " + i);
            }
        }
        assertTrue(classified > 100, "windows with sound: " + classified);
    }

    @Test
    void aDetectorRunOnAStreamedFileHearsWhatTheWholeRecordingGivesIt(@TempDir Path dir) throws Exception {
        SoundModel model = TestSounds.contextModel();
        Path file = dir.resolve("session.wav");
        WavWriter.writePcm16(file, session(RATE), RATE);
        DetectionSettings everything = DetectionSettings.defaults().withConfidence(0).withThrottle(0)
                .withMinimumLevelDbfs(-60);
        List<SoundEvent> expected = new ArrayList<>();
        SoundDetector inMemory = model.newDetector(everything, expected::add);
        float[] whole = WavDecoder.read(file).samples();
        inMemory.accept(whole, 0, whole.length, RATE);
        inMemory.finish();

        List<SoundEvent> streamed = new ArrayList<>();
        SoundDetector detector = model.newDetector(everything, streamed::add);
        try (AudioSource source = AudioInputs.wav(file)) {
            assertEquals(RATE, source.sampleRate());
            detector.run(source);
        }

        assertTrue(expected.size() > 50, "events: " + expected.size());
        assertEquals(expected, streamed);
        assertEquals(whole.length / (double) RATE, detector.secondsProcessed(), 1e-12);
    }

    @Test
    void aDispatcherOfAWavFileDeliversItsSamplesExactly(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("session-22k.wav");
        WavWriter.writePcm16(file, session(22_050), 22_050);
        float[] whole = WavDecoder.read(file).samples();
        float[] delivered = new float[whole.length];
        int[] at = {0};
        AudioDispatcher dispatcher = TarsosInputs.wav(file, 333);
        dispatcher.addAudioProcessor(new AudioProcessor() {
            @Override
            public boolean process(AudioEvent event) {
                float[] buffer = event.getFloatBuffer();
                int n = Math.min(buffer.length, whole.length - at[0]);
                System.arraycopy(buffer, 0, delivered, at[0], n);
                at[0] += n;
                return true;
            }

            @Override
            public void processingFinished() {
                // nothing held
            }
        });
        assertEquals(22_050f, dispatcher.getFormat().getSampleRate());
        dispatcher.run();

        assertEquals(whole.length, at[0]);
        assertArrayEquals(whole, delivered);
    }

    @Test
    void aFileThatEndsEarlyWhileItIsPlayedSaysWhichAndWhy(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("cut.wav");
        WavWriter.writePcm16(file, session(RATE), RATE);
        try (AudioSource source = AudioInputs.wav(file)) {
            float[] buffer = new float[1000];
            assertEquals(1000, source.read(buffer, 0, buffer.length));
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(44 + 2 * 40_000);
            }
            IOException e = assertThrows(IOException.class, () -> {
                while (source.read(buffer, 0, buffer.length) >= 0) {
                    // played on to where the file ends
                }
            });
            assertTrue(e.getMessage().startsWith(file + ": truncated: the audio ends after 80000 of its "),
                    e.getMessage());
        }
    }
}
