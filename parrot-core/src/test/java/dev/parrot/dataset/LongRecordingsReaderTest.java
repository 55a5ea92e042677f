package dev.parrot.dataset;

import dev.parrot.audio.WavWriter;
import dev.parrot.features.FeatureSettings;
import dev.parrot.segments.Segment;
import dev.parrot.segments.SrtFormat;
import dev.parrot.testing.CollectingLog;
import dev.parrot.testing.LongRecordings;
import dev.parrot.testing.SyntheticRecordings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Parrot.py's layout, plain long recordings, background folders and the silence between sounds. */
class LongRecordingsReaderTest {

    private static final int RATE = SyntheticRecordings.RATE;
    private static final FeatureSettings SETTINGS = FeatureSettings.defaults();

    @TempDir
    Path dir;

    private final CollectingLog log = new CollectingLog();

    private Path recordings() {
        return dir.resolve("recordings");
    }

    private Path segmentsOut() {
        return dir.resolve("target/parrot/segments");
    }

    private SoundDataset read(DatasetOptions options) throws DatasetException {
        return new DatasetReader(SETTINGS, 2, log, options).read(recordings(), List.of());
    }

    private SoundDataset read() throws DatasetException {
        return read(DatasetOptions.defaults(segmentsOut()));
    }

    /** A Parrot.py recording: source/<name>.wav and segments/<name>.v<version>.srt marking the truth. */
    private LongRecordings parrotPy(String folder, String name, int version, long seed) throws Exception {
        LongRecordings r = LongRecordings.of(folder.replaceAll("--.*", ""), 12, seed);
        Path sound = recordings().resolve(folder);
        WavWriter.writePcm16(sound.resolve("source/" + name + ".wav"), r.samples(), RATE);
        Files.createDirectories(sound.resolve("segments"));
        Files.writeString(sound.resolve("segments/" + name + ".v" + version + ".srt"), SrtFormat.format(r.truth()));
        return r;
    }

    @Test
    void readsParrotPysLayoutAndLearnsTheSilenceBetweenTheSounds() throws Exception {
        LongRecordings low = parrotPy("low", "mici_1__2024", 3, 1);
        parrotPy("high", "mici_1__2024", 3, 2);
        // What Parrot.py leaves beside the segments is not a recording of the sound.
        WavWriter.writePcm16(recordings().resolve("low/segments/mici_1__2024_comparison.wav"),
                SyntheticRecordings.take("high", 1, 1), RATE);
        Files.writeString(recordings().resolve("low/segments/mici_1__2024_thresholds.txt"), "low_min_dbfs=-40\n");

        SoundDataset dataset = read();

        assertEquals(List.of("high", "low", "silence"), dataset.sounds());
        assertEquals(List.of("silence"), dataset.background());
        assertEquals(1, dataset.recordingCount("low"));
        assertEquals(2, dataset.recordingCount("silence"), "the silence of each long recording");
        assertTrue(dataset.skipped().isEmpty(), dataset.skipped().toString());
        // Parts of 10 s: the 12 s recording is two parts, each kept whole in cross-validation.
        assertEquals(List.of("0:00-0:10", "0:10-0:12"),
                dataset.recordingsOf("low").stream().map(RecordingFeatures::part).toList());
        double seconds = low.truth().stream().mapToDouble(Segment::seconds).sum();
        int expected = (int) (seconds / 0.015);
        assertEquals(expected, dataset.windowCount("low"), low.truth().size() * 2.0);
        assertTrue(dataset.windowCount("silence") > 10 * dataset.windowCount("low") / 2,
                "most of a long recording is the room: " + dataset.windowCount("silence"));
        assertTrue(log.infos().stream().anyMatch(l -> l.matches("\\s+low\\s+1 recordings.*"
                + low.truth().size() + " segments, \\d+\\.\\d s of sound \\(from SRT\\)")), log.infos().toString());
        assertFalse(Files.exists(segmentsOut()), "segments read from SRT are not written again");
    }

    @Test
    void aManualSrtWinsOverVersionsAndTheHighestVersionOverLowerOnes() throws Exception {
        LongRecordings low = parrotPy("low", "rec", 2, 1);
        Path segments = recordings().resolve("low/segments");
        Files.writeString(segments.resolve("rec.v10.srt"), SrtFormat.format(low.truth().subList(0, 2)));
        Files.writeString(segments.resolve("rec.v9.srt"), SrtFormat.format(low.truth().subList(0, 1)));
        parrotPy("high", "rec", 1, 2);

        assertEquals(2, segmentCount(read(), "low"), "v10 is the highest version, not v9 nor v2");

        Files.writeString(segments.resolve("rec.MANUAL.srt"), SrtFormat.format(low.truth().subList(0, 3)));
        assertEquals(3, segmentCount(read(), "low"), "MANUAL wins");
    }

    /** Segments as counted by the log line of a sound. */
    private int segmentCount(SoundDataset dataset, String sound) {
        String line = log.infos().stream().filter(l -> l.strip().startsWith(sound + " ")).reduce((a, b) -> b)
                .orElseThrow();
        return Integer.parseInt(line.replaceAll(".*, (\\d+) segments.*", "$1"));
    }

    @Test
    void plainLongRecordingsAreSegmentedAndTheSegmentsWrittenUnderTarget() throws Exception {
        LongRecordings low = LongRecordings.of("low", 15, 4);
        WavWriter.writePcm16(recordings().resolve("low/session.wav"), low.samples(), RATE);
        WavWriter.writePcm16(recordings().resolve("high/nested/session.wav"), LongRecordings.of("high", 12, 5)
                .samples(), RATE);

        SoundDataset dataset = read();

        assertEquals(List.of("high", "low", "silence"), dataset.sounds());
        Path written = segmentsOut().resolve("low/session.srt");
        List<Segment> found = SrtFormat.parse(written.toString(), Files.readAllBytes(written));
        assertEquals(low.truth().size(), found.size());
        for (int i = 0; i < found.size(); i++) {
            assertEquals(low.truth().get(i).startSeconds(), found.get(i).startSeconds(), 0.02);
            assertEquals("low", found.get(i).label());
        }
        assertTrue(Files.isRegularFile(segmentsOut().resolve("high/nested/session.srt")));
        assertTrue(log.infos().stream().anyMatch(l -> l.contains(low.truth().size() + " segments")
                && l.contains("(detected)")), log.infos().toString());

        // The user corrects the detection: a MANUAL.srt beside the recording wins.
        Files.writeString(recordings().resolve("low/session.MANUAL.srt"), SrtFormat.format(low.truth().subList(0, 1)));
        assertEquals(1, segmentCount(read(), "low"));
    }

    @Test
    void shortTakesAreReadAsBeforeAndTeachNoSilence() throws Exception {
        SyntheticRecordings.write(recordings(), 3, 0.3, "low", "high");
        SoundDataset dataset = read();
        assertEquals(List.of("high", "low"), dataset.sounds());
        assertEquals(List.of(), dataset.background());
        assertFalse(Files.exists(segmentsOut()));
    }

    @Test
    void backgroundFoldersAreLearnedWholeAndMarked() throws Exception {
        SyntheticRecordings.write(recordings(), 3, 0.3, "low", "high");
        float[] talk = LongRecordings.room(3, 9);
        WavWriter.writePcm16(recordings().resolve("talking/a.wav"), talk, RATE);
        WavWriter.writePcm16(recordings().resolve("noise/fan.wav"), LongRecordings.room(1, 8), RATE);

        SoundDataset dataset = read(new DatasetOptions(List.of("talking"), "silence", true, "", segmentsOut()));

        assertEquals(List.of("high", "low", "noise", "talking"), dataset.sounds());
        assertEquals(List.of("noise", "talking"), dataset.background());
        // Every window, quiet or not: 3 s at 15 ms hops.
        assertEquals((3 * RATE - SETTINGS.windowSamples()) / SETTINGS.hopSamples() + 1, dataset.windowCount("talking"));
        assertTrue(log.infos().stream().anyMatch(l -> l.contains("talking") && l.contains("(background)")));
    }

    @Test
    void silenceCanBeRenamedOrLeftUnlearned() throws Exception {
        parrotPy("low", "rec", 1, 1);
        parrotPy("high", "rec", 1, 2);
        assertEquals(List.of("high", "low", "quiet"),
                read(new DatasetOptions(List.of(), "quiet", true, "", segmentsOut())).sounds());
        assertEquals(List.of("high", "low"),
                read(new DatasetOptions(List.of(), "silence", false, "", segmentsOut())).sounds());
    }

    @Test
    void oneSoundAndItsSilenceMakeAModel() throws Exception {
        parrotPy("low", "rec", 1, 1);
        assertEquals(List.of("low", "silence"), read().sounds());
    }

    @Test
    void microphoneFoldersTrainOneSound() throws Exception {
        SyntheticRecordings.write(recordings().resolve("tmp"), 2, 0.3, "low", "high");
        Files.move(recordings().resolve("tmp/low"), recordings().resolve("low--dpa"));
        Files.move(recordings().resolve("tmp/high"), recordings().resolve("high--desk"));
        SyntheticRecordings.write(recordings().resolve("tmp2"), 3, 0.3, "low");
        Files.move(recordings().resolve("tmp2/low"), recordings().resolve("low--desk"));
        Files.delete(recordings().resolve("tmp"));
        Files.delete(recordings().resolve("tmp2"));

        SoundDataset dataset = read(new DatasetOptions(List.of(), "silence", true, "--", segmentsOut()));

        assertEquals(List.of("high", "low"), dataset.sounds());
        assertEquals(5, dataset.recordingCount("low"));
        assertTrue(dataset.recordingsOf("low").stream().anyMatch(r -> r.file().startsWith("low--dpa/")));
    }

    @Test
    void badSegmentsAreNamedByFileAndLineAndCostOnlyWhatIsBad() throws Exception {
        parrotPy("high", "rec", 1, 2);
        LongRecordings low = parrotPy("low", "good", 1, 1);
        Path segments = recordings().resolve("low/segments");
        // Another label, a segment past the end, one running past it: warnings, the rest is used.
        Files.writeString(segments.resolve("good.v1.srt"), SrtFormat.format(List.of(
                low.truth().get(0), new Segment(low.truth().get(1).startSeconds(), low.truth().get(1).endSeconds(),
                        "hiss", 0), new Segment(11.8, 12.5, "low", 0), new Segment(20, 21, "low", 0))));
        // Malformed: the recording is skipped, naming the SRT and its line.
        WavWriter.writePcm16(recordings().resolve("low/source/broken.wav"), low.samples(), RATE);
        Files.writeString(segments.resolve("broken.v1.srt"), "1\n00:00:01,000 --> 00:00:02\nlow\n");
        // Nothing rises above the room.
        WavWriter.writePcm16(recordings().resolve("low/source/empty.wav"), LongRecordings.room(12, 3), RATE);

        SoundDataset dataset = read();

        Path srt = segments.resolve("good.v1.srt");
        assertTrue(log.warnings().contains(srt + ":6: the label 'hiss' is not the folder's sound 'low'; the segment"
                + " is learned as 'low', as Parrot.py does"), log.warnings().toString());
        assertTrue(log.warnings().stream().anyMatch(w -> w.startsWith(srt + ":10: ")
                && w.contains("runs past the end of the audio (00:00:12,000); cut there")), log.warnings().toString());
        assertTrue(log.warnings().stream().anyMatch(w -> w.startsWith(srt + ":14: ")
                && w.contains("starts past the end")), log.warnings().toString());
        assertEquals(2, dataset.skipped().size(), dataset.skipped().toString());
        SkippedRecording broken = dataset.skipped().get(0);
        assertEquals("low/source/broken.wav", broken.file());
        assertTrue(broken.reason().contains(segments.resolve("broken.v1.srt") + ":2: "), broken.reason());
        assertTrue(broken.reason().contains("is not a time range"), broken.reason());
        SkippedRecording empty = dataset.skipped().get(1);
        assertEquals("low/source/empty.wav", empty.file());
        assertTrue(empty.reason().startsWith("no sound found"), empty.reason());
        assertTrue(empty.reason().contains("empty.MANUAL.srt"), empty.reason());
        assertEquals(1, dataset.recordingCount("low"));
    }

    @Test
    void aSoundLeftWithoutDataFailsNamingItsFolder() throws Exception {
        parrotPy("high", "rec", 1, 2);
        WavWriter.writePcm16(recordings().resolve("low/source/empty.wav"), LongRecordings.room(12, 3), RATE);
        DatasetException e = assertThrows(DatasetException.class, this::read);
        assertTrue(e.getMessage().contains("'low' has no usable recording in " + recordings().resolve("low")),
                e.getMessage());
    }

    @Test
    void theDataSetDoesNotDependOnTheThreadCount() throws Exception {
        parrotPy("low", "a", 1, 1);
        WavWriter.writePcm16(recordings().resolve("high/long.wav"), LongRecordings.of("high", 11, 2).samples(), RATE);
        SyntheticRecordings.write(recordings(), 2, 0.3, "high");
        DatasetOptions options = DatasetOptions.defaults(segmentsOut());
        SoundDataset one = new DatasetReader(SETTINGS, 1, log, options).read(recordings(), List.of());
        SoundDataset two = new DatasetReader(SETTINGS, 3, log, options).read(recordings(), List.of());
        assertEquals(one.recordings().stream().map(r -> r.file() + r.part() + r.sound()).toList(),
                two.recordings().stream().map(r -> r.file() + r.part() + r.sound()).toList());
    }
}
