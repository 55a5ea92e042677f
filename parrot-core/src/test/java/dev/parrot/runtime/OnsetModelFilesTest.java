package dev.parrot.runtime;

import dev.parrot.ParrotException;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.ModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The onset model is a part of its model: written, hashed, checked and loaded with it. */
class OnsetModelFilesTest {

    private static ModelFiles copy(Path dir) throws Exception {
        Path json = TestSounds.modelFile();
        for (String ext : List.of(".json", ".model", ".onsets.model")) {
            Files.copy(json.resolveSibling("plain" + ext), dir.resolve("copy" + ext));
        }
        return new ModelFiles(dir, "copy");
    }

    @Test
    void aTrainedModelDescribesItsOnsetModelAndItsDetectorDecidesBySegment(@TempDir Path dir) throws Exception {
        ModelFiles files = copy(dir);
        ModelFiles.Loaded loaded = files.readBoth();
        ModelDescriptor.OnsetModel onsets = loaded.descriptor().onsets();
        assertNotNull(onsets);
        assertNotNull(loaded.onsets());
        assertEquals(75, onsets.segmentMillis());
        List<String> classes = new java.util.ArrayList<>(loaded.descriptor().labels());
        classes.add(ModelDescriptor.OnsetModel.NO_SOUND);
        assertEquals(classes, onsets.classes());
        assertEquals(64, onsets.classifierSha256().length());
        SoundModel model = SoundModel.load(files.descriptorFile());
        assertEquals(75, model.onsetSegmentMillis());
        assertTrue(model.descriptor().calibration().onStreams(), "calibrated on simulated streams");
    }

    @Test
    void anOnsetModelOfAnotherTrainingIsRefusedAndAMissingOneNamed(@TempDir Path dir) throws Exception {
        ModelFiles files = copy(dir);
        byte[] bytes = Files.readAllBytes(files.onsetClassifierFile());
        bytes[bytes.length - 1] ^= 1;
        Files.write(files.onsetClassifierFile(), bytes);

        ParrotException torn = assertThrows(ParrotException.class, () -> SoundModel.load(files.descriptorFile()));
        assertTrue(torn.getMessage().contains(files.onsetClassifierFile().toString())
                && torn.getMessage().contains("not the onset model"), torn.getMessage());
        assertTrue(files.readWholeDescriptor().isEmpty(), "a torn model is not kept as up to date");

        Files.delete(files.onsetClassifierFile());
        ParrotException missing = assertThrows(ParrotException.class, () -> SoundModel.load(files.descriptorFile()));
        assertTrue(missing.getMessage().contains("No onset model at " + files.onsetClassifierFile()),
                missing.getMessage());
    }

    @Test
    void aModelWrittenWithoutAnOnsetModelLeavesNoOldOneBehind(@TempDir Path dir) throws Exception {
        ModelFiles files = copy(dir);
        ModelFiles.Loaded loaded = files.readBoth();

        ModelDescriptor written = files.write(loaded.classifier().classifier(), loaded.classifier().header(),
                loaded.descriptor().withOnsets(null));

        assertFalse(Files.exists(files.onsetClassifierFile()));
        assertEquals(null, written.onsets());
        SoundModel model = SoundModel.load(files.descriptorFile());
        assertEquals(0, model.onsetSegmentMillis(), "judged window by window, as models before the onset model");
        assertThrows(IllegalArgumentException.class, () -> files.write(loaded.classifier().classifier(),
                loaded.classifier().header(), loaded.descriptor(), null), "described but not given");
    }

    @Test
    void theDetectorDecidesTheSameWhateverTheChunksItIsFed() throws Exception {
        SoundModel model = TestSounds.model();
        float[] performance = dev.parrot.testing.Signals.concat(TestSounds.quiet(0.5, 16_000, 1),
                TestSounds.sound("low", 0.3, 16_000, 2), TestSounds.quiet(0.5, 16_000, 3),
                TestSounds.sound("high", 0.3, 16_000, 4), TestSounds.quiet(0.7, 16_000, 5));
        List<String> whole = hear(model, performance, performance.length);
        List<String> chunked = hear(model, performance, 37);
        assertEquals(whole, chunked);
        assertTrue(whole.stream().anyMatch(e -> e.startsWith("low@")) && whole.stream().anyMatch(e -> e.startsWith(
                "high@")), whole.toString());
    }

    private static List<String> hear(SoundModel model, float[] samples, int chunk) {
        List<String> heard = new java.util.ArrayList<>();
        SoundDetector detector = model.newDetector(e -> heard.add(e.sound() + "@" + Math.round(e.timeSeconds() * 1000)
                + "/" + Math.round(e.decidedSeconds() * 1000)));
        for (int from = 0; from < samples.length; from += chunk) {
            detector.accept(samples, from, Math.min(chunk, samples.length - from), 16_000);
        }
        detector.finish();
        return heard;
    }
}
