package dev.parrot.model.forest;

import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.parrot.ParrotException;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feeds the forest model reader arbitrary bytes: it must read a forest that it writes back byte for byte and that
 * answers every window with one probability per sound, or refuse with a {@link ParrotException} naming the file;
 * never throw anything else, allocate by what a count claims, or walk a tree forever. Run as
 * {@link dev.parrot.audio.WavDecoderFuzzTest} is: the corpus (small forests, one trained) and every crasher under
 * {@code src/test/resources/dev/parrot/model/forest/ForestFormatFuzzTestInputs/read/}, fuzzed by surefire's
 * {@code fuzz-forest}.
 */
class ForestFormatFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void read(byte[] data) {
        ForestFile file;
        try {
            file = ForestFormat.read(data, "fuzzed.model");
        } catch (ParrotException e) {
            assertTrue(e.getMessage().startsWith("fuzzed.model is "), e.getMessage());
            return;
        }
        assertArrayEquals(data, ForestFormat.toBytes(file), "what was read is not what is written back");
        TreeForest forest = file.forest();
        for (double value : new double[] {Double.NEGATIVE_INFINITY, 0, Double.MAX_VALUE, Double.NaN}) {
            double[] x = new double[forest.features()];
            java.util.Arrays.fill(x, value);
            double[] p = forest.distribution(x);
            assertEquals(file.labels().size(), p.length);
            for (double v : p) {
                assertTrue(v >= 0 && v <= 1, "a probability of " + v);
            }
        }
    }
}
