package dev.parrot.audio;

import dev.parrot.testing.WavBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;

import static dev.parrot.testing.WavBytes.wav;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WavStreamTest {

    @TempDir
    Path dir;

    /**
     * Three channels of 24-bit PCM: 9-byte frames, which never fill the 64 KiB reads evenly, so frames straddle every
     * boundary between reads.
     */
    private static final int CHANNELS = 3;

    private static int sample(int frame, int channel) {
        return ((frame * 7919 + channel * 104_729) % 16_000_000) - 8_000_000;
    }

    private Path threeChannels24Bit(int frames) throws Exception {
        int[] values = new int[frames * CHANNELS];
        for (int f = 0; f < frames; f++) {
            for (int c = 0; c < CHANNELS; c++) {
                values[f * CHANNELS + c] = sample(f, c);
            }
        }
        return wav().pcm(CHANNELS, 48000, 24).data(WavBytes.signed24(values)).writeTo(dir.resolve("three.wav"));
    }

    /** What frame {@code f} decodes to: the channels' mean, each a 24-bit value over 2^23. */
    private static float expectedMono(int f) {
        double sum = 0;
        for (int c = 0; c < CHANNELS; c++) {
            sum += sample(f, c) / 8_388_608.0;
        }
        return (float) (sum / CHANNELS);
    }

    @ParameterizedTest(name = "reads of {0} samples")
    @ValueSource(ints = {1, 661, 7282, 100_000})
    void readsInAnyChunksGiveEverySampleOnceInOrder(int chunk) throws Exception {
        int frames = 20_000; // 180 000 bytes: three reads of the file and a bit
        Path file = threeChannels24Bit(frames);
        float[] got = new float[frames];
        int total = 0;
        try (WavStream stream = WavStream.open(file)) {
            assertEquals(frames, stream.length());
            assertEquals(48000, stream.sampleRate());
            assertEquals(CHANNELS, stream.channels());
            float[] buffer = new float[chunk];
            int n;
            while ((n = stream.read(buffer, 0, chunk)) >= 0) {
                assertTrue(n > 0 && n <= chunk, "a read of " + n);
                System.arraycopy(buffer, 0, got, total, n);
                total += n;
            }
            assertEquals(-1, stream.read(buffer, 0, chunk), "the end stays the end");
        }
        assertEquals(frames, total);
        for (int f = 0; f < frames; f++) {
            assertEquals(expectedMono(f), got[f], 1e-6f, "frame " + f);
        }
    }

    @Test
    void aFileThatEndsEarlyWhileItIsReadIsNamedWithTheReason() throws Exception {
        Path file = threeChannels24Bit(20_000);
        try (WavStream stream = WavStream.open(file)) {
            float[] buffer = new float[1000];
            assertEquals(1000, stream.read(buffer, 0, 1000));
            // Cut the file after the header and 5000 frames: another program truncated it, or a disk failed.
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
                channel.truncate(44 + 5000 * 9);
            }
            UnreadableRecordingException e = assertThrows(UnreadableRecordingException.class, () -> {
                while (stream.read(buffer, 0, buffer.length) >= 0) {
                    // read on to where the file ends
                }
            });
            assertEquals(file, e.file());
            assertEquals("truncated: the audio ends after " + 5000 * 9 + " of its " + 20_000 * 9 + " bytes",
                    e.reason());
        }
    }

    @Test
    void theLengthOfAStreamedWriterWithoutSizeIsWhatTheFileHolds() throws Exception {
        Path file = wav().pcm(1, 16000, 16).data(0xFFFFFFFFL, WavBytes.signed16(1, 2, 3, 4, 5))
                .writeTo(dir.resolve("streamed.wav"));
        try (WavStream stream = WavStream.open(file)) {
            assertEquals(5, stream.length());
        }
    }

    @ParameterizedTest(name = "{0} Hz, {1} samples")
    @CsvSource({"44100, 1323001", "22050, 100000", "11025, 16385", "48000, 300007", "8000, 16384", "96000, 50000",
            "37800, 200003", "16001, 40000", "44100, 100"})
    void resampledWhileStreamingItIsTheWholeRecordingResampledToTheBit(int rate, int frames) throws Exception {
        Random random = new Random(rate + frames);
        int[] values = new int[frames];
        for (int i = 0; i < frames; i++) {
            values[i] = (int) Math.round(random.nextGaussian() * 3000);
        }
        Path file = wav().pcm(1, rate, 16).data(WavBytes.signed16(values)).writeTo(dir.resolve("noise.wav"));
        float[] whole = Resampling.resample(WavDecoder.read(file).samples(), rate, 16000);

        try (SampleStream stream = WavStream.open(file).resampledTo(16000)) {
            assertEquals(whole.length, stream.length(), "the length the whole recording is resampled to");
            assertEquals(16000, stream.sampleRate());
            float[] buffer = new float[480];
            int at = 0;
            int n;
            while ((n = stream.read(buffer, 0, buffer.length)) >= 0) {
                for (int i = 0; i < n; i++) {
                    assertEquals(Float.floatToIntBits(whole[at + i]), Float.floatToIntBits(buffer[i]),
                            "sample " + (at + i) + " of " + whole.length);
                }
                at += n;
            }
            assertEquals(whole.length, at);
        }
    }

    @Test
    void aStreamAtTheTargetRateIsNotResampled() throws Exception {
        Path file = wav().pcm(1, 16000, 16).data(WavBytes.signed16(1, 2, 3)).writeTo(dir.resolve("same.wav"));
        try (WavStream stream = WavStream.open(file)) {
            assertEquals(stream, stream.resampledTo(16000));
        }
    }
}
