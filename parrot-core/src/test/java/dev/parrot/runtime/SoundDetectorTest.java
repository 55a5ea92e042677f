package dev.parrot.runtime;

import be.tarsos.dsp.AudioDispatcher;
import be.tarsos.dsp.io.jvm.AudioDispatcherFactory;
import dev.parrot.audio.Resampling;
import dev.parrot.audio.WavDecoder;
import dev.parrot.audio.WavWriter;
import dev.parrot.runtime.tarsos.TarsosDetector;
import dev.parrot.runtime.tarsos.TarsosInputs;
import dev.parrot.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static dev.parrot.runtime.TestSounds.RATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoundDetectorTest {

    /**
     * Quiet, "low" from 0.5 to 0.8 s, quiet, "high" from 1.3 to 1.6 s, quiet, "rush" 2.1 to 2.4 s, quiet. Made at
     * 16 kHz and resampled for other rates, as a recorder at that rate would have captured the same sounds.
     */
    private static float[] performance(int rate) {
        float[] samples = Signals.concat(TestSounds.quiet(0.5, RATE, 1), TestSounds.sound("low", 0.3, RATE, 2),
                TestSounds.quiet(0.5, RATE, 3), TestSounds.sound("high", 0.3, RATE, 4),
                TestSounds.quiet(0.5, RATE, 5), TestSounds.sound("rush", 0.3, RATE, 6),
                TestSounds.quiet(0.5, RATE, 7));
        return rate == RATE ? samples : Resampling.resample(samples, RATE, rate);
    }

    private static List<SoundEvent> run(AudioDispatcher dispatcher, SoundModel model, DetectionSettings settings) {
        List<SoundEvent> events = new ArrayList<>();
        TarsosDetector.attach(model.newDetector(settings, events::add), dispatcher);
        dispatcher.run();
        return events;
    }

    private static void assertHeardInTurn(List<SoundEvent> events) {
        assertFalse(events.isEmpty());
        for (SoundEvent e : events) {
            String expected = e.timeSeconds() < 1.05 ? "low" : e.timeSeconds() < 1.85 ? "high" : "rush";
            assertEquals(expected, e.sound(), "at " + e.timeSeconds() + " s: " + e);
        }
        for (String sound : TestSounds.SOUNDS) {
            assertTrue(events.stream().anyMatch(e -> e.sound().equals(sound)), sound + " never heard: " + events);
        }
    }

    @Test
    void recognisesSoundsInAFileStreamedThroughADispatcher(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("performance.wav");
        WavWriter.writePcm16(file, performance(RATE), RATE);
        AudioDispatcher dispatcher = AudioDispatcherFactory.fromFile(file.toFile(), 1024, 0);

        List<SoundEvent> events = run(dispatcher, TestSounds.model(), DetectionSettings.defaults().withThrottle(0));

        assertHeardInTurn(events);
        for (SoundEvent e : events) {
            assertTrue(e.confidence() >= DetectionSettings.DEFAULT_CONFIDENCE, e.toString());
            assertTrue(e.levelDbfs() >= DetectionSettings.DEFAULT_MINIMUM_LEVEL_DBFS && e.levelDbfs() < 0,
                    e.toString());
            assertEquals(e.confidence(), e.probabilities().get(e.sound()), 0.0);
            // Only windows that touch a sound are loud enough; the quiet between them never fires.
            double t = e.timeSeconds();
            boolean inSound = (t > 0.47 && t < 0.8) || (t > 1.27 && t < 1.6) || (t > 2.07 && t < 2.4);
            assertTrue(inSound, "event in the quiet: " + e);
        }
    }

    /** A source that hands out an array in chunks of an odd size, as a device would. */
    private static AudioSource arraySource(float[] samples, int rate, int chunk) {
        return new AudioSource() {
            private int next;

            @Override
            public int sampleRate() {
                return rate;
            }

            @Override
            public int read(float[] buffer, int offset, int count) {
                if (next >= samples.length) {
                    return -1;
                }
                int n = Math.min(Math.min(count, chunk), samples.length - next);
                System.arraycopy(samples, next, buffer, offset, n);
                next += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void runsOnAParrotAudioSourceAsOnADispatcher() throws Exception {
        // At the model's rate nothing is resampled, so chunks of any size must give the very same windows.
        int rate = RATE;
        float[] samples = performance(rate);
        DetectionSettings settings = DetectionSettings.defaults().withThrottle(0);
        List<SoundEvent> viaDispatcher = run(AudioDispatcherFactory.fromFloatArray(samples, rate, 240, 0),
                TestSounds.model(), settings);
        List<SoundEvent> viaSource = new ArrayList<>();
        SoundDetector detector = TestSounds.model().newDetector(settings, viaSource::add);

        detector.run(arraySource(samples, rate, 97));

        assertHeardInTurn(viaSource);
        assertEquals(viaDispatcher.stream().map(e -> e.sound() + "@" + e.timeSeconds()).toList(),
                viaSource.stream().map(e -> e.sound() + "@" + e.timeSeconds()).toList());
    }

    @Test
    void runsOnASourceAtAnotherRate() throws Exception {
        List<SoundEvent> events = new ArrayList<>();
        TestSounds.model().newDetector(DetectionSettings.defaults().withThrottle(0), events::add)
                .run(arraySource(performance(44_100), 44_100, 97));

        assertHeardInTurn(events);
    }

    @Test
    void stopEndsARunAfterTheChunkItIsOn() throws Exception {
        List<SoundEvent> events = new ArrayList<>();
        SoundDetector[] detector = new SoundDetector[1];
        detector[0] = TestSounds.model().newDetector(DetectionSettings.defaults().withThrottle(0), e -> {
            events.add(e);
            detector[0].stop();
        });

        detector[0].run(arraySource(performance(RATE), RATE, 4096));

        assertEquals("low", events.get(0).sound());
        assertTrue(detector[0].secondsProcessed() < 1.3, "read on past the stop: " + detector[0].secondsProcessed());
    }

    @Test
    void resamplesOverlappingBuffersAtAnotherRate() throws Exception {
        int rate = 44_100;
        AudioDispatcher dispatcher = AudioDispatcherFactory.fromFloatArray(performance(rate), rate, 2048, 1024);

        List<SoundEvent> events = run(dispatcher, TestSounds.model(), DetectionSettings.defaults());

        assertHeardInTurn(events);
        SoundEvent firstLow = events.get(0);
        assertEquals(0.5, firstLow.timeSeconds(), 0.05, "time is in seconds of audio, whatever the rate");
    }

    @Test
    void aWavOfAnyFormatPlaysThroughAudioInputs(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("performance-22k.wav");
        WavWriter.writePcm16(file, performance(22_050), 22_050);

        List<SoundEvent> events = run(TarsosInputs.wav(file, 512), TestSounds.model(), DetectionSettings.defaults());

        assertHeardInTurn(events);
    }

    @Test
    void liveFeaturesEqualTheFeaturesOfTheWholeRecordingEvenWithContext(@TempDir Path dir) throws Exception {
        SoundModel model = TestSounds.contextModel();
        assertTrue(model.newFeatureExtractor().historySamples() > 0);
        Path file = dir.resolve("performance.wav");
        WavWriter.writePcm16(file, performance(RATE), RATE);
        // The same 16-bit samples for both: the file decoded whole, and streamed in odd-sized buffers.
        float[] samples = WavDecoder.read(file).samples();
        AudioDispatcher dispatcher = AudioDispatcherFactory.fromFile(file.toFile(), 333, 0);

        List<SoundEvent> events = run(dispatcher, model,
                DetectionSettings.defaults().withConfidence(0).withThrottle(0).withMinimumLevelDbfs(-60));

        // Every loud window is reported (no thresholds), with exactly the probabilities the same window gets when
        // the whole recording is in memory: the stream kept the context each window's features read.
        SoundClassifier offline = model.newClassifier();
        assertTrue(events.size() > 50, "events: " + events.size());
        for (SoundEvent e : events) {
            int offset = (int) Math.round(e.timeSeconds() * RATE);
            Map<String, Double> expected = offline.classifyWindow(samples, offset).probabilities();
            assertEquals(expected, e.probabilities(), "window at " + e.timeSeconds() + " s");
        }
        assertHeardInTurn(events.stream().filter(e -> e.confidence() >= 0.8).toList());
    }

    @Test
    void eachSoundHasItsOwnConfidenceThreshold() throws Exception {
        SoundModel model = TestSounds.model();
        float[] samples = performance(RATE);
        DetectionSettings everything = DetectionSettings.defaults().withConfidence(0).withThrottle(0);
        List<SoundEvent> all = run(AudioDispatcherFactory.fromFloatArray(samples, RATE, 1024, 0), model, everything);

        // Just above the least confident "high" window (an edge of the sound): that window must go, and only it.
        double strict = Math.nextUp(all.stream().filter(e -> e.sound().equals("high"))
                .mapToDouble(SoundEvent::confidence).min().orElseThrow());
        List<SoundEvent> some = run(AudioDispatcherFactory.fromFloatArray(samples, RATE, 1024, 0), model,
                everything.withConfidence("high", strict));

        List<SoundEvent> expected = all.stream()
                .filter(e -> !e.sound().equals("high") || e.confidence() >= strict).toList();
        assertTrue(strict < 1 && expected.size() < all.size(), "threshold " + strict);
        assertEquals(expected, some);
    }

    @Test
    void aThrottledSoundIsReportedOnceWhileItLasts() throws Exception {
        float[] samples = performance(RATE);
        DetectionSettings settings = DetectionSettings.defaults().withThrottle(0).withThrottle("rush", 10);

        List<SoundEvent> events = run(AudioDispatcherFactory.fromFloatArray(samples, RATE, 1024, 0),
                TestSounds.model(), settings);

        assertEquals(1, events.stream().filter(e -> e.sound().equals("rush")).count());
        assertTrue(events.stream().filter(e -> e.sound().equals("low")).count() > 5);
    }

    @Test
    void quietAudioBelowTheLoudnessThresholdFiresNothing() throws Exception {
        float[] samples = performance(RATE);
        for (int i = 0; i < samples.length; i++) {
            samples[i] *= 0.01f; // -40 dB: the sounds now peak near -50 dBFS
        }

        List<SoundEvent> events = run(AudioDispatcherFactory.fromFloatArray(samples, RATE, 1024, 0),
                TestSounds.model(), DetectionSettings.defaults().withConfidence(0));

        assertEquals(List.of(), events);
    }

    @Test
    void aSettingForASoundTheModelDoesNotKnowIsRefused() throws Exception {
        DetectionSettings typo = DetectionSettings.defaults().withConfidence("hihg", 0.9);

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> TestSounds.model().newDetector(typo, event -> { }));

        assertTrue(e.getMessage().contains("'hihg'"), e.getMessage());
    }

    @Test
    void stereoDispatchersAreRefused() throws Exception {
        javax.sound.sampled.AudioFormat stereo = new javax.sound.sampled.AudioFormat(RATE, 16, 2, true, false);
        AudioDispatcher dispatcher = AudioDispatcherFactory.fromByteArray(new byte[4 * RATE], stereo, 1024, 0);
        SoundDetector detector = TestSounds.model().newDetector(DetectionSettings.defaults(), event -> { });

        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TarsosDetector.attach(detector, dispatcher));

        assertTrue(e.getMessage().contains("2 channels"), e.getMessage());
    }
}
