package dev.parrot.audio;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feeds the WAV decoder arbitrary bytes: it must decode them or refuse them with a reason, never throw anything else
 * nor allocate by what a header claims. In the normal test run (regression mode) Jazzer replays the corpus under
 * {@code src/test/resources/dev/parrot/audio/WavDecoderFuzzTestInputs/decode/}, crashers found before included; the
 * {@code fuzz} execution of surefire fuzzes for a few seconds ({@code JAZZER_FUZZ=1}), and keeps any crasher there.
 */
class WavDecoderFuzzTest {

    private static final Path NAME = Path.of("fuzzed.wav");

    @FuzzTest(maxDuration = "5s")
    void decode(byte[] data) {
        try {
            Recording recording = WavDecoder.decode(NAME, ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN));
            // Never more samples than the bytes could hold: one byte per sample at the least.
            assertTrue(recording.samples().length <= data.length, "samples from nowhere");
            for (float v : recording.samples()) {
                assertTrue(Float.isFinite(v), "a sample that is not a number");
            }
        } catch (UnreadableRecordingException e) {
            assertFalse(e.reason().isBlank(), "a refusal without a reason");
            assertTrue(e.getMessage().startsWith(NAME.toString()), "a refusal that does not name the file");
        }
    }
}
