package dev.parrot.audio;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.nio.ByteBuffer;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feeds the streaming WAV reader arbitrary bytes and reads them back in chunks of a size the input picks, some
 * resampled to 16 kHz as training reads long recordings: it must hand out exactly the samples it announced, all finite, or
 * refuse with a reason naming the file, never throw anything else. Run like {@link WavDecoderFuzzTest}: the corpus
 * under {@code src/test/resources/dev/parrot/audio/WavStreamFuzzTestInputs/stream/} is replayed in every test run, and
 * the {@code fuzz-wav-stream} execution fuzzes for a few seconds.
 */
class WavStreamFuzzTest {

    private static final Path NAME = Path.of("fuzzed.wav");
    private static final int TARGET_RATE = 16000;

    @FuzzTest(maxDuration = "5s")
    void stream(byte[] data) {
        // Chunk sizes from the input's length, so that the kept WAV files are the corpus as they are. A quarter of the
        // inputs are resampled too: making TarsosDSP's resampler takes tens of milliseconds, which would otherwise
        // leave a few hundred inputs in the seconds the fuzzer has.
        int chunk = 1 + data.length % 997;
        boolean resampled = data.length % 4 == 0;
        try (SampleStream wav = WavStream.of(NAME, ByteBuffer.wrap(data));
                SampleStream stream = resampled ? wav.resampledTo(TARGET_RATE) : wav) {
            long announced = stream.length();
            // A file refuses to have no samples; resampled, a few samples at a high rate may round to none, as
            // Resampling rounds a whole recording.
            boolean roundsToNone = resampled && Math.round(wav.length() * (double) TARGET_RATE / wav.sampleRate()) == 0;
            assertTrue(announced > 0 || roundsToNone, "a stream of no samples");
            long most = resampled ? (long) data.length * (TARGET_RATE / 1000) : data.length;
            assertTrue(announced <= most, "samples from nowhere");
            float[] buffer = new float[chunk];
            long total = 0;
            int n;
            while ((n = stream.read(buffer, 0, chunk)) >= 0) {
                assertTrue(n >= 1 && n <= chunk, "a read of " + n + " samples for " + chunk);
                for (int i = 0; i < n; i++) {
                    assertTrue(Float.isFinite(buffer[i]), "a sample that is not a number");
                }
                total += n;
            }
            assertEquals(announced, total, "samples handed out against those announced");
        } catch (UnreadableRecordingException e) {
            assertFalse(e.reason().isBlank(), "a refusal without a reason");
            assertTrue(e.getMessage().startsWith(NAME.toString()), "a refusal that does not name the file");
        }
    }
}
