package dev.parrot.dataset;

import dev.parrot.ProgressLog;
import dev.parrot.audio.WavWriter;
import dev.parrot.calibration.SoundKinds;
import dev.parrot.features.FeatureSettings;
import dev.parrot.runtime.SoundKind;
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

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A segment is measured as a take is, by how long its sound stays near its loudest, not by how generously it was
 * marked: the same click recorded as takes or in a long recording is the same kind of sound.
 */
class SegmentSustainTest {

    private static final int RATE = 16_000;

    /** A click of 60 ms at full level, then a ring 25 dB down for 300 ms: what a marked segment includes. */
    private static float[] clickWithRing(long seed) {
        return Signals.concat(TestSounds.sound("high", 0.06, RATE, seed),
                Signals.scaled(TestSounds.sound("high", 0.3, RATE, seed + 1), 0.056));
    }

    @Test
    void aGenerouslyMarkedClickIsShortInALongRecordingAsInItsTakes(@TempDir Path dir) throws Exception {
        Path recordings = dir.resolve("recordings");
        for (int t = 0; t < 3; t++) {
            WavWriter.writePcm16(recordings.resolve("high/take_" + t + ".wav"), Signals.concat(
                    TestSounds.quiet(0.1, RATE, t), clickWithRing(10 + t), TestSounds.quiet(0.1, RATE, 20 + t)), RATE);
        }
        float[] audio = TestSounds.quiet(20, RATE, 3);
        List<Segment> marked = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            double at = 1 + 1.8 * i;
            float[] click = clickWithRing(30 + i);
            System.arraycopy(click, 0, audio, (int) (at * RATE), click.length);
            marked.add(new Segment(at, at + 0.4, "high", 0));
        }
        LongRecordings.writeAsParrotPy(recordings.resolve("high"), "session", audio, RATE, marked);
        for (int t = 0; t < 3; t++) {
            WavWriter.writePcm16(recordings.resolve("low/take_" + t + ".wav"), TestSounds.take("low", RATE, 40 + t),
                    RATE);
        }
        FeatureSettings settings = FeatureSettings.defaults();
        SoundDataset dataset = new DatasetReader(settings, 1, ProgressLog.SILENT,
                DatasetOptions.builder(dir.resolve("segments")).build()).read(recordings, List.of());

        List<Double> sustains = dataset.segmentSeconds().get("high");
        assertEquals(10, sustains.size());
        for (double s : sustains) {
            assertTrue(s >= 0.03 && s <= 0.12, "the click, not its 0.4 s mark: " + sustains);
        }
        Map<String, SoundKinds.Choice> kinds = SoundKinds.choose(dataset,
                settings.hopSamples() / (double) settings.sampleRate(), Map.of(), "set");
        assertEquals(SoundKind.SHORT, kinds.get("high").kind(), kinds.get("high").reason());
    }
}
