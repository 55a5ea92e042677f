package dev.parrot.audio;

import dev.parrot.testing.WavBytes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

import static dev.parrot.testing.WavBytes.wav;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WavDecoderTest {

    private static final float TOLERANCE = 1e-4f;

    @TempDir
    Path dir;

    private Recording decode(WavBytes wav) throws Exception {
        return WavDecoder.read(wav.writeTo(dir.resolve("take.wav")));
    }

    private UnreadableRecordingException refused(byte[] bytes) throws IOException {
        Path file = Files.write(dir.resolve("bad.wav"), bytes);
        UnreadableRecordingException e = assertThrows(UnreadableRecordingException.class, () -> WavDecoder.read(file));
        assertEquals(file, e.file());
        assertTrue(e.getMessage().contains(file.toString()), e.getMessage());
        return e;
    }

    private static void assertSamples(float[] expected, float[] actual, float tolerance) {
        assertEquals(expected.length, actual.length, "sample count");
        for (int i = 0; i < expected.length; i++) {
            assertEquals(expected[i], actual[i], tolerance, "sample " + i + " of " + Arrays.toString(actual));
        }
    }

    @Test
    void aFolderOrDeviceIsRefusedWithoutReadingIt() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("folder.wav"));
        UnreadableRecordingException e = assertThrows(UnreadableRecordingException.class,
                () -> WavDecoder.read(folder));
        assertEquals("not a regular file (a folder, pipe or device?)", e.reason());
        Path endless = Path.of("/dev/zero");
        if (Files.exists(endless)) {
            assertEquals(e.reason(), assertThrows(UnreadableRecordingException.class,
                    () -> WavDecoder.read(endless)).reason());
        }
    }

    @Test
    void unsigned8BitPcmIsCentredOn128() throws Exception {
        Recording r = decode(wav().pcm(1, 8000, 8).data(WavBytes.unsigned8(128, 192, 64, 255, 0)));
        assertEquals(8000, r.sampleRate());
        // 128 is silence in 8-bit WAV: anything else there is a DC offset in every recording of this kind.
        assertEquals(0f, r.samples()[0], 1e-6f, "128 must decode to silence");
        assertSamples(new float[] {0f, 0.5f, -0.5f, 127 / 128f, -1f}, r.samples(), 1e-6f);
    }

    @Test
    void signed16BitPcm() throws Exception {
        Recording r = decode(wav().pcm(1, 16000, 16).data(WavBytes.signed16(0, 16384, -16384, 32767, -32768)));
        assertEquals(16000, r.sampleRate());
        assertSamples(new float[] {0f, 0.5f, -0.5f, 1f, -1f}, r.samples(), TOLERANCE);
    }

    @Test
    void signed24BitPcm() throws Exception {
        Recording r = decode(wav().pcm(1, 48000, 24)
                .data(WavBytes.signed24(0, 0x400000, -0x400000, 0x7FFFFF, -0x800000, 0x000100)));
        assertEquals(48000, r.sampleRate());
        assertSamples(new float[] {0f, 0.5f, -0.5f, 1f, -1f, 256f / 0x800000}, r.samples(), TOLERANCE);
    }

    @Test
    void signed32BitPcm() throws Exception {
        Recording r = decode(wav().pcm(1, 44100, 32)
                .data(WavBytes.signed32(0, 1 << 30, -(1 << 30), Integer.MAX_VALUE, Integer.MIN_VALUE)));
        assertEquals(44100, r.sampleRate());
        assertSamples(new float[] {0f, 0.5f, -0.5f, 1f, -1f}, r.samples(), TOLERANCE);
    }

    @Test
    void float32() throws Exception {
        Recording r = decode(wav().ieeeFloat(1, 22050, 32).data(WavBytes.float32(0f, 0.25f, -0.75f, 1f)));
        assertEquals(22050, r.sampleRate());
        assertArrayEquals(new float[] {0f, 0.25f, -0.75f, 1f}, r.samples());
    }

    @Test
    void float64() throws Exception {
        Recording r = decode(wav().ieeeFloat(1, 96000, 64).data(WavBytes.float64(0.0, 0.125, -0.5, -1.0)));
        assertEquals(96000, r.sampleRate());
        assertArrayEquals(new float[] {0f, 0.125f, -0.5f, -1f}, r.samples());
    }

    @Test
    void floatWithAnEighteenByteFmtChunk() throws Exception {
        // Many float writers add cbSize = 0 to the plain header.
        java.nio.ByteBuffer fmt = java.nio.ByteBuffer.allocate(18).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        fmt.putShort((short) WavBytes.FLOAT).putShort((short) 1).putInt(16000).putInt(64000).putShort((short) 4)
                .putShort((short) 32).putShort((short) 0);
        Recording r = decode(wav().chunk("fmt ", fmt.array()).data(WavBytes.float32(0.5f, -0.25f)));
        assertArrayEquals(new float[] {0.5f, -0.25f}, r.samples());
    }

    @Test
    void nonFiniteFloatSamplesBecomeSilence() throws Exception {
        Recording r = decode(wav().ieeeFloat(1, 16000, 32)
                .data(WavBytes.float32(Float.NaN, 0.5f, Float.POSITIVE_INFINITY)));
        assertArrayEquals(new float[] {0f, 0.5f, 0f}, r.samples());
    }

    @Test
    void extensiblePcm16() throws Exception {
        Recording r = decode(wav().extensible(1, 16000, 16, 16, WavBytes.PCM)
                .data(WavBytes.signed16(8192, -16384)));
        assertSamples(new float[] {0.25f, -0.5f}, r.samples(), TOLERANCE);
    }

    @Test
    void extensiblePcm24BitsInA32BitContainer() throws Exception {
        // Valid bits sit at the top of the container, so the container's scale is the right one.
        Recording r = decode(wav().extensible(1, 48000, 32, 24, WavBytes.PCM)
                .data(WavBytes.signed32(0x400000 << 8, -0x400000 << 8)));
        assertSamples(new float[] {0.5f, -0.5f}, r.samples(), TOLERANCE);
    }

    @Test
    void extensibleFloat() throws Exception {
        Recording r = decode(wav().extensible(2, 44100, 32, 32, WavBytes.FLOAT)
                .data(WavBytes.float32(0.5f, 0.25f, -1f, 0f)));
        assertEquals(44100, r.sampleRate());
        assertArrayEquals(new float[] {0.375f, -0.5f}, r.samples());
    }

    @Test
    void stereoIsMixedToMono() throws Exception {
        Recording r = decode(wav().pcm(2, 44100, 16)
                .data(WavBytes.signed16(16384, -16384, 16384, 8192, 0, -32768)));
        assertSamples(new float[] {0f, 0.375f, -0.5f}, r.samples(), TOLERANCE);
    }

    @Test
    void fourChannels24BitAreMixedToMono() throws Exception {
        Recording r = decode(wav().pcm(4, 48000, 24)
                .data(WavBytes.signed24(0x400000, 0x400000, -0x400000, 0x7FFFFF)));
        assertSamples(new float[] {(0.5f + 0.5f - 0.5f + 1f) / 4}, r.samples(), TOLERANCE);
    }

    @Test
    void oddSizedChunksBeforeAndAfterFmtAreSkippedWithTheirPadByte() throws Exception {
        byte[] list = "INFOISFTx".getBytes(java.nio.charset.StandardCharsets.US_ASCII); // 9 bytes: one pad byte
        Recording r = decode(wav().chunk("JUNK", new byte[3]).pcm(1, 16000, 16).chunk("LIST", list)
                .chunk("fact", new byte[] {3, 0, 0, 0}).data(WavBytes.signed16(100, 200, 300)));
        assertSamples(new float[] {100 / 32767f, 200 / 32767f, 300 / 32767f}, r.samples(), 1e-6f);
    }

    @Test
    void streamingSizeSentinelReadsWhatIsPresent() throws Exception {
        Recording r = decode(wav().riffSize(0xFFFFFFFFL).pcm(1, 16000, 16)
                .data(0xFFFFFFFFL, WavBytes.signed16(16384, -16384, 0, 8192)));
        assertSamples(new float[] {0.5f, -0.5f, 0f, 0.25f}, r.samples(), TOLERANCE);
    }

    @Test
    void streamingSentinelWithAHalfFrameAtTheEndKeepsTheWholeFrames() throws Exception {
        byte[] data = Arrays.copyOf(WavBytes.signed16(16384, 16384, -16384), 5); // a frame and a half of stereo
        Recording r = decode(wav().pcm(2, 16000, 16).data(0xFFFFFFFFL, data));
        assertSamples(new float[] {0.5f}, r.samples(), TOLERANCE);
    }

    @Test
    void riffSizeThatLiesDoesNotMatter() throws Exception {
        Recording r = decode(wav().riffSize(12).pcm(1, 16000, 16).data(WavBytes.signed16(16384)));
        assertSamples(new float[] {0.5f}, r.samples(), TOLERANCE);
    }

    @Test
    void durationComesFromTheSampleRate() throws Exception {
        Recording r = decode(wav().pcm(1, 8000, 16).data(new byte[2 * 4000]));
        assertEquals(0.5, r.durationSeconds(), 1e-9);
    }

    // ---- bad input ----

    @Test
    void emptyFile() throws Exception {
        assertEquals("empty file (0 bytes)", refused(new byte[0]).reason());
    }

    @Test
    void missingFileIsNamedNotThrown() {
        Path missing = dir.resolve("nope.wav");
        UnreadableRecordingException e = assertThrows(UnreadableRecordingException.class,
                () -> WavDecoder.read(missing));
        assertTrue(e.reason().startsWith("cannot be opened"), e.reason());
    }

    @Test
    void notRiff() throws Exception {
        byte[] mp3ish = "ID3\u0004\u0000\u0000\u0000\u0000\u0000\u0000ABCDEFGH".getBytes(
                java.nio.charset.StandardCharsets.ISO_8859_1);
        String reason = refused(mp3ish).reason();
        assertTrue(reason.startsWith("not a WAV file"), reason);
        assertTrue(reason.contains("'ID3?'"), reason);
    }

    @Test
    void riffButNotWave() throws Exception {
        String reason = refused(wav().riff("RIFF", "AVI ").pcm(1, 16000, 16).data(new byte[4]).bytes()).reason();
        assertTrue(reason.startsWith("not a WAV file"), reason);
        assertTrue(reason.contains("'AVI '"), reason);
    }

    @Test
    void tooShortForARiffHeader() throws Exception {
        String reason = refused("RIFF".getBytes(java.nio.charset.StandardCharsets.US_ASCII)).reason();
        assertTrue(reason.contains("only 4 bytes"), reason);
    }

    @Test
    void truncatedInsideTheFmtChunk() throws Exception {
        byte[] whole = wav().pcm(1, 16000, 16).data(WavBytes.signed16(1, 2, 3)).bytes();
        String reason = refused(Arrays.copyOf(whole, 12 + 8 + 10)).reason();
        assertTrue(reason.startsWith("truncated"), reason);
        assertTrue(reason.contains("'fmt '"), reason);
    }

    @Test
    void truncatedBeforeAnyChunk() throws Exception {
        String reason = refused(wav().bytes()).reason();
        assertTrue(reason.startsWith("truncated"), reason);
        assertTrue(reason.contains("no 'fmt ' chunk"), reason);
    }

    @Test
    void fmtWithoutData() throws Exception {
        String reason = refused(wav().pcm(1, 16000, 16).bytes()).reason();
        assertTrue(reason.contains("no 'data' chunk"), reason);
    }

    @Test
    void dataBeforeFmt() throws Exception {
        String reason = refused(wav().data(new byte[4]).pcm(1, 16000, 16).bytes()).reason();
        assertTrue(reason.contains("'data' chunk comes before the 'fmt ' chunk"), reason);
    }

    @Test
    void truncatedDataChunk() throws Exception {
        String reason = refused(wav().pcm(1, 16000, 16).data(96000, new byte[1200]).bytes()).reason();
        assertEquals("truncated: the data chunk declares 96000 bytes but only 1200 are present", reason);
    }

    @Test
    void aLawIsAnUnsupportedEncoding() throws Exception {
        String reason = refused(wav().fmt(WavBytes.A_LAW, 1, 8000, 1, 8).data(new byte[16]).bytes()).reason();
        assertTrue(reason.startsWith("unsupported encoding: A-law (format tag 6)"), reason);
    }

    @Test
    void extensibleWithACompressedSubFormatIsUnsupported() throws Exception {
        String reason = refused(wav().extensible(1, 8000, 8, 8, 7).data(new byte[16]).bytes()).reason();
        assertTrue(reason.startsWith("unsupported encoding: mu-law"), reason);
    }

    @Test
    void twelveBitFloatIsUnsupported() throws Exception {
        String reason = refused(wav().fmt(WavBytes.FLOAT, 1, 16000, 2, 16).data(new byte[16]).bytes()).reason();
        assertTrue(reason.startsWith("unsupported encoding: float with 16 bits"), reason);
    }

    @Test
    void zeroChannels() throws Exception {
        String reason = refused(wav().fmt(WavBytes.PCM, 0, 16000, 2, 16).data(new byte[16]).bytes()).reason();
        assertEquals("corrupt header: 0 channels", reason);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1_000_000_000})
    void absurdSampleRate(int rate) throws Exception {
        String reason = refused(wav().fmt(WavBytes.PCM, 1, rate, 2, 16).data(new byte[16]).bytes()).reason();
        assertEquals("corrupt header: sample rate of " + rate + " Hz", reason);
    }

    @Test
    void blockAlignOfZero() throws Exception {
        String reason = refused(wav().fmt(WavBytes.PCM, 1, 16000, 0, 16).data(new byte[16]).bytes()).reason();
        assertEquals("corrupt header: block align of 0 bytes", reason);
    }

    @Test
    void blockAlignThatDoesNotSplitIntoChannels() throws Exception {
        String reason = refused(wav().fmt(WavBytes.PCM, 2, 16000, 3, 16).data(new byte[16]).bytes()).reason();
        assertEquals("corrupt header: block align of 3 bytes cannot hold 2 channels", reason);
    }

    @Test
    void zeroSamples() throws Exception {
        String reason = refused(wav().pcm(1, 16000, 16).data(new byte[0]).bytes()).reason();
        assertTrue(reason.startsWith("no samples"), reason);
    }

    @Test
    void lessThanOneFrame() throws Exception {
        String reason = refused(wav().pcm(2, 16000, 24).data(new byte[5]).bytes()).reason();
        assertTrue(reason.startsWith("no samples"), reason);
    }

    @Test
    void emptyDataChunkFollowedByMetadataHasNoSamples() throws Exception {
        // A zero size is also what some streaming writers leave, but here the chunk after it shows that the
        // recording really is empty: its metadata must not be played as audio.
        byte[] bytes = wav().pcm(1, 16000, 16).data(new byte[0])
                .chunk("LIST", "INFOISFT\u0004\u0000\u0000\u0000Lavf".getBytes(
                        java.nio.charset.StandardCharsets.ISO_8859_1))
                .bytes();
        String reason = refused(bytes).reason();
        assertTrue(reason.startsWith("no samples"), reason);
    }

    @Test
    void writerOutputReadsBack() throws Exception {
        float[] samples = {0f, 0.5f, -0.5f, 0.999f, -1f};
        Path file = dir.resolve("round.wav");
        WavWriter.writePcm16(file, samples, 16000);
        Recording r = WavDecoder.read(file);
        assertEquals(16000, r.sampleRate());
        assertSamples(samples, r.samples(), 1e-4f);
    }
}
