package dev.parrot.runtime;

import dev.parrot.audio.Recording;
import dev.parrot.audio.UnreadableRecordingException;
import dev.parrot.audio.WavWriter;
import dev.parrot.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

import static dev.parrot.runtime.TestSounds.RATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoundClassifierTest {

    @Test
    void aWindowGetsAProbabilityPerSound() throws Exception {
        SoundClassifier classifier = TestSounds.model().newClassifier();
        float[] samples = TestSounds.sound("rush", 0.2, RATE, 77);

        Prediction p = classifier.classifyWindow(samples, 960);

        assertEquals("rush", p.label());
        assertEquals(TestSounds.model().labels(), List.copyOf(p.probabilities().keySet()));
        assertEquals(1.0, p.probabilities().values().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        assertEquals(p.confidence(), p.probabilityOf("rush"), 0.0);
        assertTrue(p.runnerUpConfidence() <= p.confidence());
    }

    @Test
    void classifiesRecordingFilesWithATimeline(@TempDir Path dir) throws Exception {
        SoundClassifier classifier = TestSounds.model().newClassifier();
        for (String sound : TestSounds.SOUNDS) {
            Path file = dir.resolve(sound + ".wav");
            WavWriter.writePcm16(file, TestSounds.take(sound, RATE, 1234), RATE);

            RecordingClassification result = classifier.classify(file);

            assertEquals(sound, result.overall().label(), file + ": " + result.overall());
            assertEquals(file, result.source());
            List<WindowResult> timeline = result.timeline();
            for (int i = 0; i < timeline.size(); i++) {
                assertEquals(i * 0.015, timeline.get(i).startSeconds(), 1e-9);
            }
            // 0.1 s of near-silence lead in: the first windows are silence, the middle ones the sound.
            assertFalse(timeline.get(0).holdsSound());
            assertEquals(Prediction.SILENCE, timeline.get(0).prediction().label());
            WindowResult middle = timeline.get(timeline.size() / 2);
            assertTrue(middle.holdsSound());
            assertEquals(sound, middle.prediction().label());
            assertTrue(result.soundWindows() >= 10, "windows with sound: " + result.soundWindows());
        }
    }

    @Test
    void theOverallAnswerIsTheMeanProbabilityOverSoundWindows() throws Exception {
        SoundClassifier classifier = TestSounds.model().newClassifier();
        // Mostly "low", with a shorter "high" after it: more windows, and so more probability, for "low".
        float[] samples = Signals.concat(TestSounds.quiet(0.1, RATE, 1), TestSounds.sound("low", 0.4, RATE, 2),
                TestSounds.sound("high", 0.15, RATE, 3), TestSounds.quiet(0.1, RATE, 4));

        RecordingClassification result = classifier.classify(new Recording(null, samples, RATE));

        // Worked out here from the README's rule rather than read from the result: 30 ms windows every 15 ms; those
        // within 30 dB of the loudest (and above -70 dBFS) are classified, each on its own, and averaged.
        assertEquals(480, classifier.windowSamples());
        List<String> labels = TestSounds.model().labels();
        double[] loudness = new double[(samples.length - 480) / 240 + 1];
        for (int w = 0; w < loudness.length; w++) {
            double energy = 0;
            for (int i = w * 240; i < w * 240 + 480; i++) {
                energy += samples[i] * (double) samples[i];
            }
            loudness[w] = 10 * Math.log10(energy / 480 + 1e-12);
        }
        double threshold = Math.max(Arrays.stream(loudness).max().orElseThrow() - 30, -70);
        double[] mean = new double[labels.size()];
        int classified = 0;
        for (int w = 0; w < loudness.length; w++) {
            if (loudness[w] >= threshold) {
                Prediction p = classifier.classifyWindow(samples, w * 240);
                for (int l = 0; l < labels.size(); l++) {
                    mean[l] += p.probabilityOf(labels.get(l));
                }
                classified++;
            }
        }
        for (int l = 0; l < labels.size(); l++) {
            mean[l] /= classified;
        }
        assertTrue(classified > 20 && classified < loudness.length - 5, classified + " of " + loudness.length);
        assertEquals(classified, result.soundWindows());
        assertEquals("low", result.overall().label());
        assertEquals(mean[labels.indexOf("low")], result.overall().confidence(), 1e-9);
        assertEquals(mean[labels.indexOf("high")], result.overall().probabilityOf("high"), 1e-9);
        assertEquals(mean[labels.indexOf("rush")], result.overall().probabilityOf("rush"), 1e-9);
        assertEquals("high", result.overall().runnerUp());
    }

    @Test
    void recordingsAtOtherRatesAreResampled(@TempDir Path dir) throws Exception {
        int rate = 44_100;
        Path file = dir.resolve("high-44k.wav");
        WavWriter.writePcm16(file, TestSounds.take("high", rate, 4321), rate);

        RecordingClassification result = TestSounds.model().newClassifier().classify(file);

        assertEquals("high", result.overall().label());
        assertEquals(0.45, result.durationSeconds(), 0.001);
    }

    @Test
    void aRecordingWithoutSoundIsSilence() throws Exception {
        float[] samples = TestSounds.quiet(0.5, RATE, 11);

        RecordingClassification result = TestSounds.model().newClassifier()
                .classify(new Recording(null, samples, RATE));

        assertTrue(result.isSilence());
        assertEquals(Prediction.SILENCE, result.overall().label());
        assertEquals(0, result.soundWindows());
        assertTrue(result.timeline().size() > 30);
        assertTrue(result.overall().probabilities().isEmpty());
    }

    @Test
    void anUnreadableFileSaysWhy(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("broken.wav"), new byte[] {'R', 'I', 'F', 'F', 1, 2});

        UnreadableRecordingException e = assertThrows(UnreadableRecordingException.class,
                () -> TestSounds.model().newClassifier().classify(file));

        assertEquals(file, e.file());
        assertTrue(e.reason().contains("not a WAV file"), e.reason());
    }
}
