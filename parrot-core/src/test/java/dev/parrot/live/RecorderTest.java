package dev.parrot.live;

import dev.parrot.ParrotException;
import dev.parrot.Setting;
import dev.parrot.audio.Recording;
import dev.parrot.audio.WavDecoder;
import dev.parrot.runtime.AudioSource;
import dev.parrot.segments.Segment;
import dev.parrot.segments.SrtFormat;
import dev.parrot.segments.SrtLocator;
import dev.parrot.testing.LongRecordings;
import dev.parrot.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecorderTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 12, 3, 8, 30, 5);
    private static final int RATE = Recorder.SAMPLE_RATE;

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    @Test
    void writesTheRecordingAndItsTakesInParrotPysLayout(@TempDir Path dir) throws Exception {
        LongRecordings session = LongRecordings.of("high", 12, 7);
        List<Recorder.Progress> progress = new ArrayList<>();

        Recorder recorder = Recorder.start(new RecordRequest(dir, "click", false), NOW);
        recorder.record(new ArraySource(session.samples(), RATE), progress::add);
        RecordResult result = recorder.finish();

        Path wav = dir.resolve("click/source/2026-12-03_08-30-05.wav");
        Path srt = dir.resolve("click/segments/2026-12-03_08-30-05.v1.srt");
        assertEquals(List.of(dir.relativize(srt), dir.relativize(wav)), files(dir), "nothing else, no temporary file");
        assertEquals(wav, result.wav());
        assertEquals(srt, result.srt());
        assertEquals(Optional.of(srt), SrtLocator.find(wav, dir.resolve("click")), "where training looks");

        Recording read = WavDecoder.read(wav);
        assertEquals(RATE, read.sampleRate());
        assertEquals(session.samples().length, read.samples().length);
        byte[] header = Files.readAllBytes(wav);
        ByteBuffer b = ByteBuffer.wrap(header).order(ByteOrder.LITTLE_ENDIAN);
        assertEquals(1, b.getShort(22), "mono");
        assertEquals(16, b.getShort(34), "16-bit");
        assertEquals(header.length - 44, b.getInt(40), "the data size is filled in");
        assertEquals(session.samples()[RATE], read.samples()[RATE], 1 / 32767.0);

        // Every take, where it truly is, labelled with the sound, in the SRT and in the result.
        List<Segment> takes = SrtFormat.parse(srt.toString(), Files.readString(srt));
        assertEquals(session.truth().size(), takes.size(), takes + " vs " + session.truth());
        for (int i = 0; i < takes.size(); i++) {
            assertEquals(session.truth().get(i).startSeconds(), takes.get(i).startSeconds(), 0.02);
            assertEquals(session.truth().get(i).endSeconds(), takes.get(i).endSeconds(), 0.02);
            assertEquals("click", takes.get(i).label());
        }
        assertEquals(takes.size(), result.takes().size());
        assertEquals(12.0, result.seconds(), 1e-9);
        assertEquals(List.of(), result.warnings());

        // The meter moved every 0.1 s, and the running count ended at the takes found.
        assertEquals(120, progress.size());
        assertEquals(12.0, progress.get(119).seconds(), 1e-9);
        assertEquals(takes.size(), progress.get(119).takes());
        assertTrue(progress.stream().mapToInt(Recorder.Progress::takes).max().getAsInt() <= takes.size() + 1);
        assertTrue(result.summary().get(1).startsWith(takes.size() + " takes of click, "), result.summary().get(1));
    }

    @Test
    void backgroundIsRecordedTheSameWayWithoutTakes(@TempDir Path dir) throws Exception {
        Recorder recorder = Recorder.start(new RecordRequest(dir, "background", true), NOW);
        recorder.record(new ArraySource(LongRecordings.of("rush", 3, 2).samples(), RATE), Recorder.Display.NONE);
        RecordResult result = recorder.finish();

        assertEquals(List.of(Path.of("background/source/2026-12-03_08-30-05.wav")), files(dir));
        assertNull(result.srt());
        assertNull(result.takes());
        assertEquals(List.of(), result.warnings());
        assertTrue(result.summary().get(1).contains("learned whole"), result.summary().toString());
    }

    @Test
    void aRecordingTooQuietToSegmentIsKeptWithAWarningAndNoSegments(@TempDir Path dir) throws Exception {
        Recorder recorder = Recorder.start(new RecordRequest(dir, "pop", false), NOW);
        recorder.record(new ArraySource(LongRecordings.room(4, 3), RATE), Recorder.Display.NONE);
        RecordResult result = recorder.finish();

        assertEquals(List.of(Path.of("pop/source/2026-12-03_08-30-05.wav")), files(dir));
        assertEquals(List.of(), result.takes());
        assertEquals(1, result.warnings().size(), result.warnings().toString());
        assertTrue(result.warnings().get(0).startsWith("No take found in 2026-12-03_08-30-05.wav: nothing rose 12 dB"
                + " above the noise floor"), result.warnings().get(0));
        assertTrue(result.warnings().get(0).contains("Too quiet to segment"), result.warnings().get(0));
        assertTrue(result.warnings().get(0).contains("2026-12-03_08-30-05.MANUAL.srt"), result.warnings().get(0));
    }

    @Test
    void clippingIsCountedWhereTheWaveformIsCutFlat(@TempDir Path dir) throws Exception {
        // Two loud bursts: a sine driven to 1.5 is cut flat at full scale on each of its peaks.
        float[] loud = Signals.scaled(Signals.sine(200, 1.5, RATE, RATE / 10), 1);
        float[] samples = Signals.concat(LongRecordings.room(1, 4), loud, LongRecordings.room(1, 5),
                Signals.sine(200, 0.5, RATE, RATE / 10), LongRecordings.room(1, 6));
        List<Recorder.Progress> progress = new ArrayList<>();

        Recorder recorder = Recorder.start(new RecordRequest(dir, "pop", false), NOW);
        recorder.record(new ArraySource(samples, RATE), progress::add);
        RecordResult result = recorder.finish();

        // 200 Hz for 0.1 s: 20 periods, each with a flat top and a flat bottom.
        assertEquals(40, result.clips());
        assertTrue(result.warnings().get(0).startsWith("The input clipped 40 times"), result.warnings().toString());
        assertEquals(1, progress.stream().filter(Recorder.Progress::clipping).count(), "the chunk of the loud burst");
        assertEquals(2, result.takes().size());
    }

    @Test
    void finishingFromAnotherThreadWhileRecordingKeepsWhatWasRecordedWhole(@TempDir Path dir) throws Exception {
        // A microphone that never ends, as when Ctrl+C ends Maven: the shutdown hook finishes the recording.
        AudioSource endless = new AudioSource() {
            @Override
            public int sampleRate() {
                return RATE;
            }

            @Override
            public int read(float[] buffer, int offset, int count) throws java.io.IOException {
                try {
                    Thread.sleep(2);
                } catch (InterruptedException e) {
                    throw new java.io.InterruptedIOException();
                }
                float[] noise = Signals.noise(0.1, count, offset + count);
                System.arraycopy(noise, 0, buffer, offset, count);
                return count;
            }

            @Override
            public void close() {
            }
        };
        Recorder recorder = Recorder.start(new RecordRequest(dir, "hiss", false), NOW);
        Thread recording = new Thread(() -> {
            try {
                recorder.record(endless, Recorder.Display.NONE);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        recording.start();
        Thread.sleep(300);

        RecordResult result = recorder.finish();
        recording.join(5000);

        assertTrue(!recording.isAlive(), "recording stops once finished");
        assertEquals(List.of(Path.of("hiss/source/2026-12-03_08-30-05.wav")), files(dir).stream()
                .filter(p -> p.toString().endsWith(".wav")).toList());
        Recording read = WavDecoder.read(result.wav());
        assertTrue(read.samples().length >= RATE / 10, "at least one chunk: " + read.samples().length);
        assertEquals(result.seconds(), read.durationSeconds(), 1e-9);
        assertEquals(Files.size(result.wav()) - 44,
                ByteBuffer.wrap(Files.readAllBytes(result.wav())).order(ByteOrder.LITTLE_ENDIAN).getInt(40));
        assertEquals(result, recorder.finish(), "finishing again changes nothing");
    }

    @Test
    void aSecondRecordingInTheSameSecondGetsANumber(@TempDir Path dir) throws Exception {
        for (int i = 0; i < 2; i++) {
            Recorder recorder = Recorder.start(new RecordRequest(dir, "click", true), NOW);
            recorder.record(new ArraySource(LongRecordings.room(1, i), RATE), Recorder.Display.NONE);
            recorder.finish();
        }
        assertEquals(List.of(Path.of("click/source/2026-12-03_08-30-05.wav"),
                Path.of("click/source/2026-12-03_08-30-05_2.wav")), files(dir));
    }

    @Test
    void noAudioWritesNothing(@TempDir Path dir) throws Exception {
        Recorder recorder = Recorder.start(new RecordRequest(dir, "click", false), NOW);
        recorder.record(new ArraySource(new float[0], RATE), Recorder.Display.NONE);
        assertNull(recorder.finish());
        assertEquals(List.of(), files(dir));
    }

    @Test
    void aSoundThatCannotBeAFolderIsRefused(@TempDir Path dir) {
        for (String bad : new String[] {"", " click", "../click", "a/b", ".hidden"}) {
            ParrotException e = assertThrows(ParrotException.class,
                    () -> Recorder.start(new RecordRequest(dir, bad, false), NOW), bad);
            assertTrue(e.getMessage().startsWith("'" + bad + "' cannot be a sound's folder"), e.getMessage());
            assertEquals(Setting.SOUND, e.setting());
        }
    }
}
