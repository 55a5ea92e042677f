package dev.parrot.model;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.parrot.ParrotException;

import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feeds the reader of Weka's serialisation arbitrary bytes: it must read a classifier and header of one of Parrot's
 * learners, with the note that says the file must come from a trusted source, or refuse with a
 * {@link ParrotException} naming the file; never throw anything else nor allocate by what a length claims. Run as
 * {@link dev.parrot.audio.WavDecoderFuzzTest} is: the corpus (small models of several learners) and every crasher
 * under {@code src/test/resources/dev/parrot/model/WekaModelFormatFuzzTestInputs/read/}, fuzzed by surefire's
 * {@code fuzz-weka-model}.
 */
class WekaModelFormatFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void read(byte[] data) {
        LoadedClassifier loaded;
        try {
            loaded = WekaModelFormat.read(data, "fuzzed.model");
        } catch (ParrotException e) {
            assertTrue(e.getMessage().startsWith("fuzzed.model is "), e.getMessage());
            return;
        }
        assertNotNull(loaded.classifier());
        assertTrue(loaded.note().startsWith("fuzzed.model is a ") && loaded.note().contains("trusted source"),
                loaded.note());
    }
}
