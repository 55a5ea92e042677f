package dev.parrot.live;

import dev.parrot.audio.WavDecoder;
import dev.parrot.audio.WavWriter;
import dev.parrot.classify.LongRecordingEvents;
import dev.parrot.runtime.AudioSource;
import dev.parrot.runtime.SoundEvent;
import dev.parrot.runtime.SoundModel;
import dev.parrot.runtime.TestSounds;
import dev.parrot.segments.Segment;
import dev.parrot.segments.SrtFormat;
import dev.parrot.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static dev.parrot.runtime.TestSounds.RATE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ListeningTest {

    /** 12 sounds, low, high, rush in turn, one a second from 0.5 s, 0.3 s each, quiet between. */
    private static float[] performance(List<Segment> truth) {
        List<float[]> parts = new ArrayList<>();
        parts.add(TestSounds.quiet(0.5, RATE, 40));
        for (int i = 0; i < 12; i++) {
            String sound = TestSounds.SOUNDS[i % 3];
            parts.add(TestSounds.sound(sound, 0.3, RATE, 41 + 10L * i));
            parts.add(TestSounds.quiet(0.7, RATE, 42 + 10L * i));
            truth.add(new Segment(0.5 + i, 0.8 + i, sound, 0));
        }
        return Signals.concat(parts.toArray(float[][]::new));
    }

    private static void assertSameWithin(List<SoundEvent> theirs, List<SoundEvent> ours,
            java.util.function.Predicate<SoundEvent> which, double seconds, boolean level) {
        List<SoundEvent> a = theirs.stream().filter(which).toList();
        List<SoundEvent> b = ours.stream().filter(which).toList();
        assertEquals(a.stream().map(SoundEvent::sound).toList(), b.stream().map(SoundEvent::sound).toList());
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i).timeSeconds(), b.get(i).timeSeconds(), seconds + 1e-9, b.get(i).toString());
            if (level && a.get(i).timeSeconds() == b.get(i).timeSeconds()) {
                assertEquals(a.get(i).levelDbfs(), b.get(i).levelDbfs(), 0.01, b.get(i).toString());
            }
        }
    }

    @Test
    void hearsWhatClassifyHearsInTheSameFileAndCountsItPerSound(@TempDir Path dir) throws Exception {
        List<Segment> truth = new ArrayList<>();
        Path file = dir.resolve("session.wav");
        WavWriter.writePcm16(file, performance(truth), RATE);
        SoundModel model = TestSounds.model();
        List<String> printed = new ArrayList<>();

        Listening listening = new Listening(model, e -> printed.add(Listening.line(e)));
        listening.listen(new ArraySource(WavDecoder.read(file)));
        Listening.Result result = listening.result(file);

        LongRecordingEvents.Result classify = LongRecordingEvents.detect(model, file, "session.wav", dir, null,
                dir.resolve("events"));
        assertEquals(result.events().stream().map(Listening::line).toList(), printed, "each printed as heard");
        // Classify plays the file through TarsosDSP's float-array dispatcher, which rounds the samples to 16 bits
        // once more. The same sounds are heard (short sounds' reports, held sounds' starts), each within a hop (15 ms)
        // of classify's, at its level within 0.01 dB; held sounds stop within two hops. (The rounding can move a held
        // sound's stop by a window in its fading tail and add or drop a continuation there, and move the small
        // forest's confidence by a vote: those are not compared one by one.)
        assertSameWithin(classify.events(), result.events(), SoundEvent::begins, 0.015, true);
        assertSameWithin(classify.events(), result.events(), e -> e.phase() == SoundEvent.Phase.STOP, 0.03, false);
        Map<String, Integer> expected = new LinkedHashMap<>();
        for (String sound : model.labels()) {
            expected.put(sound, (int) truth.stream().filter(s -> s.label().equals(sound)).count());
        }
        assertEquals(expected, result.perSound(), "each sound made heard once: " + printed);
        assertEquals(12.5, result.seconds(), 1e-9);
        assertNull(result.truth());
        assertEquals(List.of("Heard 12 sounds in 12.5 s: high 4, low 4, rush 4"), result.summary());
    }

    @Test
    void aTruthSrtInParrotPysLayoutIsFoundAndTheEventsScoredAgainstIt(@TempDir Path dir) throws Exception {
        List<Segment> truth = new ArrayList<>();
        float[] samples = performance(truth);
        Path file = dir.resolve("mixed/source/session.wav");
        WavWriter.writePcm16(file, samples, RATE);
        // The truth leaves out the last sound: the event there is a false alarm in the background.
        Path srt = dir.resolve("mixed/segments/session.v1.srt");
        Files.createDirectories(srt.getParent());
        Files.writeString(srt, SrtFormat.format(truth.subList(0, 11)));

        Listening listening = new Listening(TestSounds.model(), e -> { });
        listening.listen(new ArraySource(samples, RATE));
        Listening.Result result = listening.result(file);

        assertEquals(srt.toAbsolutePath(), result.truth());
        assertEquals(11, result.figures().onsets());
        assertEquals(11, result.figures().found());
        assertEquals(1, result.figures().falseAlarms());
        double backgroundMinutes = (12.5 - 11 * 0.3) / 60;
        assertEquals(1 / backgroundMinutes, result.figures().falseAlarmsPerMinute(), 0.01);
        assertTrue(result.summary().get(1).startsWith("Against " + srt.toAbsolutePath() + ": recall of onsets 1.000"
                + " (11 of 11), "), result.summary().get(1));
    }

    @Test
    void stopEndsListeningToASourceThatNeverEnds() throws Exception {
        AudioSource endless = new AudioSource() {
            @Override
            public int sampleRate() {
                return RATE;
            }

            @Override
            public int read(float[] buffer, int offset, int count) {
                java.util.Arrays.fill(buffer, offset, offset + count, 0f);
                return count;
            }

            @Override
            public void close() {
            }
        };
        Listening listening = new Listening(TestSounds.model(), e -> { });
        Thread stopper = new Thread(() -> {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                return;
            }
            listening.stop();
        });
        stopper.start();

        listening.listen(endless);

        assertTrue(listening.result(null).seconds() > 0);
        assertEquals(List.of(), listening.result(null).events());
    }

    @Test
    void anEventIsOneLineWithClassifysPrecisionAndPhase() {
        SoundEvent click = new SoundEvent("click", 0.93456, -23.44, 12.3456, Map.of());
        assertEquals("   12.346 s  click        0.9346   -23.4 dBFS  once", Listening.line(click));
        SoundEvent stop = new SoundEvent("hiss", 0.5, Double.NEGATIVE_INFINITY, 1, Map.of(), SoundEvent.Phase.STOP);
        assertEquals("    1.000 s  hiss         0.5000       - dBFS  stop", Listening.line(stop));
    }
}
