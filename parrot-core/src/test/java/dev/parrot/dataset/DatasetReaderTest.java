package dev.parrot.dataset;

import dev.parrot.ProgressLog;
import dev.parrot.audio.WavWriter;
import dev.parrot.features.FeatureExtractor;
import dev.parrot.features.FeatureSettings;
import dev.parrot.testing.CollectingLog;
import dev.parrot.testing.Signals;
import dev.parrot.testing.SyntheticRecordings;
import dev.parrot.testing.WavBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class DatasetReaderTest {

    private static final FeatureSettings SETTINGS = FeatureSettings.defaults();

    @TempDir
    Path dir;

    private SoundDataset read(List<String> sounds) throws DatasetException {
        return new DatasetReader(SETTINGS, 2, ProgressLog.SILENT).read(dir, sounds);
    }

    private DatasetException fails(Path recordings, List<String> sounds) {
        return assertThrows(DatasetException.class,
                () -> new DatasetReader(SETTINGS, 2, ProgressLog.SILENT).read(recordings, sounds));
    }

    @Test
    void missingRecordingsFolderIsNamed() {
        Path missing = dir.resolve("recordings");
        for (List<String> sounds : List.of(List.<String>of(), List.of("low", "high"))) {
            DatasetException e = fails(missing, sounds);
            assertTrue(e.getMessage().contains(missing.toString()), e.getMessage());
            assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
        }
    }

    @Test
    void recordingsPathThatIsAFile() throws Exception {
        Path file = Files.writeString(dir.resolve("recordings"), "not a folder");
        DatasetException e = fails(file, List.of());
        assertTrue(e.getMessage().contains(file + " does not exist as a folder"), e.getMessage());
    }

    @Test
    void namedSoundWithoutFolder() throws Exception {
        SyntheticRecordings.write(dir, 2, 0.2, "low", "high");
        DatasetException e = fails(dir, List.of("low", "whistle"));
        assertTrue(e.getMessage().contains("'whistle'"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("whistle").toString()), e.getMessage());
    }

    @Test
    void aMisspeltSoundListsTheFoldersAndTheOneMeant() throws Exception {
        SyntheticRecordings.write(dir, 2, 0.2, "low", "high");
        Files.createDirectories(dir.resolve("whistle"));
        DatasetException e = fails(dir, List.of("low", "whistel"));
        assertTrue(e.getMessage().contains("The sound folders in " + dir + " are: high, low, whistle;"),
                e.getMessage());
        assertTrue(e.getMessage().contains("did you mean 'whistle'?"), e.getMessage());
        DatasetException farOff = fails(dir, List.of("low", "trumpet"));
        assertTrue(farOff.getMessage().contains("are: high, low, whistle."), farOff.getMessage());
        assertTrue(!farOff.getMessage().contains("did you mean"), farOff.getMessage());
    }

    @Test
    void soundFoldersLeftOutOfSoundsAreNamedInTheLog() throws Exception {
        SyntheticRecordings.write(dir, 2, 0.2, "low", "high", "mid", "rush");
        CollectingLog log = new CollectingLog();
        new DatasetReader(SETTINGS, 2, log).read(dir, List.of("low", "high"));
        assertTrue(log.infos().stream().anyMatch(m -> m.contains("Learning 2 of the 4 sound folders")
                && m.contains("left out: mid, rush")), log.infos().toString());
        CollectingLog all = new CollectingLog();
        new DatasetReader(SETTINGS, 2, all).read(dir, List.of());
        assertTrue(all.infos().stream().noneMatch(m -> m.contains("left out")), all.infos().toString());
    }

    @Test
    void soundNamedTwice() throws Exception {
        SyntheticRecordings.write(dir, 2, 0.2, "low", "high");
        DatasetException e = fails(dir, List.of("low", "high", "low"));
        assertTrue(e.getMessage().contains("'low'"), e.getMessage());
        assertTrue(e.getMessage().contains("more than once"), e.getMessage());
        DatasetException same = fails(dir, List.of("low", "low"));
        assertTrue(same.getMessage().contains("more than once"), same.getMessage());
    }

    @Test
    void onlyOneSound() throws Exception {
        SyntheticRecordings.write(dir, 2, 0.2, "low");
        DatasetException e = fails(dir, List.of());
        assertTrue(e.getMessage().contains("only 'low'"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.toString()), e.getMessage());
        SyntheticRecordings.write(dir, 2, 0.2, "high");
        DatasetException named = fails(dir, List.of("high"));
        assertTrue(named.getMessage().contains("only 'high'"), named.getMessage());
    }

    @Test
    void noSoundFolderAtAll() throws Exception {
        Files.createDirectories(dir.resolve(".git"));
        Files.writeString(dir.resolve("README.txt"), "recordings go in sub-folders");
        DatasetException e = fails(dir, List.of());
        assertTrue(e.getMessage().contains("no sound folder"), e.getMessage());
    }

    @Test
    void soundWhoseFilesAreAllUnreadable() throws Exception {
        SyntheticRecordings.write(dir, 2, 0.2, "low");
        Files.createDirectories(dir.resolve("high"));
        Files.write(dir.resolve("high/empty.wav"), new byte[0]);
        Files.writeString(dir.resolve("high/notes.wav"), "this is text");
        DatasetException e = fails(dir, List.of());
        assertTrue(e.getMessage().contains("'high'"), e.getMessage());
        assertTrue(e.getMessage().contains(dir.resolve("high").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("all 2 were skipped"), e.getMessage());
    }

    @Test
    void soundFolderWithoutWavFiles() throws Exception {
        SyntheticRecordings.write(dir, 2, 0.2, "low");
        Files.createDirectories(dir.resolve("high"));
        Files.writeString(dir.resolve("high/take.mp3"), "not a wav");
        DatasetException e = fails(dir, List.of());
        assertTrue(e.getMessage().contains(dir.resolve("high").toString()), e.getMessage());
        assertTrue(e.getMessage().contains("holds no .wav file"), e.getMessage());
    }

    @Test
    void unreadableFilesAreSkippedWithReasonsAndTheRestIsRead() throws Exception {
        SyntheticRecordings.write(dir, 3, 0.3, "low", "high");
        Files.write(dir.resolve("low/empty.wav"), new byte[0]);
        Files.write(dir.resolve("low/alaw.wav"),
                WavBytes.wav().fmt(WavBytes.A_LAW, 1, 8000, 1, 8).data(new byte[800]).bytes());
        byte[] whole = WavBytes.wav().pcm(1, 16000, 16).data(new byte[9600]).bytes();
        Files.write(dir.resolve("high/cut.wav"), java.util.Arrays.copyOf(whole, 1000));
        WavWriter.writePcm16(dir.resolve("high/silence.wav"), new float[4800], 16000);

        CollectingLog log = new CollectingLog();
        SoundDataset dataset = new DatasetReader(SETTINGS, 2, log).read(dir, List.of());

        assertEquals(List.of("high", "low"), dataset.sounds());
        assertEquals(3, dataset.recordingsOf("low").size());
        assertEquals(3, dataset.recordingsOf("high").size());
        assertEquals(4, dataset.skipped().size());
        assertEquals(List.of("high/cut.wav", "high/silence.wav", "low/alaw.wav", "low/empty.wav"),
                dataset.skipped().stream().map(SkippedRecording::file).toList());
        SkippedRecording cut = dataset.skipped().get(0);
        assertEquals("high", cut.sound());
        assertEquals("truncated: the data chunk declares 9600 bytes but only 956 are present", cut.reason());
        assertTrue(dataset.skipped().get(1).reason().startsWith("silent"), dataset.skipped().get(1).reason());
        assertTrue(dataset.skipped().get(2).reason().startsWith("unsupported encoding: A-law"));
        assertEquals("empty file (0 bytes)", dataset.skipped().get(3).reason());
        assertEquals(4, log.warnings().size());
        assertTrue(log.warnings().stream().anyMatch(w -> w.contains(dir.resolve("low/empty.wav").toString())
                && w.contains("empty file")), log.warnings().toString());
    }

    @Test
    void recordingsCarryTheirWindowsWithSound() throws Exception {
        SyntheticRecordings.write(dir, 2, 0.3, "low", "high");
        SoundDataset dataset = read(List.of());
        FeatureExtractor extractor = new FeatureExtractor(SETTINGS);
        assertEquals(extractor.featureNames(), dataset.featureNames());
        for (RecordingFeatures r : dataset.recordings()) {
            assertEquals(0.3, r.durationSeconds(), 1e-9);
            // 0.3 s is 19 windows; the silences around the burst take some of them.
            assertTrue(r.windows().length > 8 && r.windows().length < 19, r.file() + ": " + r.windows().length);
            for (float[] w : r.windows()) {
                assertEquals(extractor.dimension(), w.length);
            }
        }
        assertEquals(dataset.windowCount("low") + dataset.windowCount("high"), dataset.windowCount());
        assertEquals(1.2, dataset.audioSeconds(), 1e-9);
        assertEquals("high/take-0.wav", dataset.recordings().get(0).file());
    }

    @Test
    void otherRateAndStereoAreResampledToTheFeatureRate() throws Exception {
        SyntheticRecordings.write(dir, 1, 0.3, "low", "high");
        float[] take = Signals.sine(400, 0.5, 44100, 13230);
        int[] stereo = new int[take.length * 2];
        for (int i = 0; i < take.length; i++) {
            stereo[2 * i] = Math.round(take[i] * 8_000_000);
            stereo[2 * i + 1] = Math.round(take[i] * 8_000_000);
        }
        WavBytes.wav().pcm(2, 44100, 24).data(WavBytes.signed24(stereo)).writeTo(dir.resolve("low/stereo.wav"));
        SoundDataset dataset = read(List.of());
        RecordingFeatures stereoTake = dataset.recordingsOf("low").get(0);
        assertEquals("low/stereo.wav", stereoTake.file());
        assertEquals(0.3, stereoTake.durationSeconds(), 1e-3);
        assertEquals(19, stereoTake.windows().length, "no silence in a steady tone");
    }

    @Test
    void namedSoundsOnlyAndInTheirOrder() throws Exception {
        SyntheticRecordings.write(dir, 2, 0.2, "low", "high", "rush");
        SoundDataset dataset = read(List.of("rush", "low"));
        assertEquals(List.of("rush", "low"), dataset.sounds());
        assertTrue(dataset.recordings().stream().noneMatch(r -> r.sound().equals("high")));
    }

    @Test
    void hiddenFilesAndFoldersAreNotRecordingsButNestedAndUpperCaseAre() throws Exception {
        SyntheticRecordings.write(dir, 1, 0.2, "low", "high");
        Files.write(dir.resolve("low/.take-0.wav"), new byte[0]); // macOS resource fork
        Files.createDirectories(dir.resolve(".cache"));
        Files.copy(dir.resolve("high/take-0.wav"), dir.resolve("high/TAKE-1.WAV"));
        Files.createDirectories(dir.resolve("high/session-2"));
        Files.copy(dir.resolve("high/take-0.wav"), dir.resolve("high/session-2/take.wav"));
        SoundDataset dataset = read(List.of());
        assertEquals(List.of("high", "low"), dataset.sounds());
        assertEquals(List.of("high/TAKE-1.WAV", "high/session-2/take.wav", "high/take-0.wav"),
                dataset.recordingsOf("high").stream().map(RecordingFeatures::file).toList());
        assertTrue(dataset.skipped().isEmpty(), dataset.skipped().toString());
    }

    @Test
    void theNumberOfThreadsDoesNotChangeTheResult() throws Exception {
        SyntheticRecordings.write(dir, 4, 0.2, "low", "high", "rush");
        SoundDataset one = new DatasetReader(SETTINGS, 1, ProgressLog.SILENT).read(dir, List.of());
        SoundDataset two = new DatasetReader(SETTINGS, 2, ProgressLog.SILENT).read(dir, List.of());
        assertEquals(one.recordings().size(), two.recordings().size());
        for (int i = 0; i < one.recordings().size(); i++) {
            RecordingFeatures a = one.recordings().get(i);
            RecordingFeatures b = two.recordings().get(i);
            assertEquals(a.file(), b.file());
            assertEquals(a.windows().length, b.windows().length);
            for (int w = 0; w < a.windows().length; w++) {
                assertArrayEquals(a.windows()[w], b.windows()[w], a.file() + " window " + w);
            }
        }
    }
}
