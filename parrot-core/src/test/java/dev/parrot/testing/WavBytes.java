package dev.parrot.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Builds WAV files chunk by chunk, so that tests can make every encoding and every kind of broken header without
 * committing binary fixtures. Sizes are written as given, which is how the broken ones are made.
 */
public final class WavBytes {

    public static final int PCM = 1;
    public static final int FLOAT = 3;
    public static final int A_LAW = 6;
    public static final int EXTENSIBLE = 0xFFFE;

    private final ByteArrayOutputStream chunks = new ByteArrayOutputStream();
    private String riffId = "RIFF";
    private String formType = "WAVE";
    private Long riffSize;

    public static WavBytes wav() {
        return new WavBytes();
    }

    /** A plain 16-byte 'fmt ' chunk; the byte rate is derived from the arguments. */
    public WavBytes fmt(int tag, int channels, int sampleRate, int blockAlign, int bitsPerSample) {
        ByteBuffer b = le(16);
        b.putShort((short) tag).putShort((short) channels).putInt(sampleRate).putInt(sampleRate * blockAlign)
                .putShort((short) blockAlign).putShort((short) bitsPerSample);
        return chunk("fmt ", b.array());
    }

    /** Integer PCM with samples of {@code bits} bits in containers of the same size. */
    public WavBytes pcm(int channels, int sampleRate, int bits) {
        return fmt(PCM, channels, sampleRate, channels * bits / 8, bits);
    }

    /** IEEE float of 32 or 64 bits. */
    public WavBytes ieeeFloat(int channels, int sampleRate, int bits) {
        return fmt(FLOAT, channels, sampleRate, channels * bits / 8, bits);
    }

    /**
     * A 40-byte WAVE_FORMAT_EXTENSIBLE 'fmt ' chunk: {@code containerBits} per sample in the frame, of which
     * {@code validBits} carry audio, and a sub-format GUID that starts with {@code subFormatTag}.
     */
    public WavBytes extensible(int channels, int sampleRate, int containerBits, int validBits, int subFormatTag) {
        int blockAlign = channels * containerBits / 8;
        ByteBuffer b = le(40);
        b.putShort((short) EXTENSIBLE).putShort((short) channels).putInt(sampleRate).putInt(sampleRate * blockAlign)
                .putShort((short) blockAlign).putShort((short) containerBits);
        b.putShort((short) 22).putShort((short) validBits).putInt(channels == 2 ? 0x3 : 0x4);
        // KSDATAFORMAT_SUBTYPE_PCM / _IEEE_FLOAT: the tag, then the fixed tail 00000000-0010-8000-00AA00389B71.
        b.putShort((short) subFormatTag).putShort((short) 0).putShort((short) 0x0010).putShort((short) 0)
                .put(new byte[] {(byte) 0x80, 0x00, 0x00, (byte) 0xAA, 0x00, 0x38, (byte) 0x9B, 0x71});
        return chunk("fmt ", b.array());
    }

    /** A chunk whose declared size is its length, padded to an even length as RIFF requires. */
    public WavBytes chunk(String id, byte[] body) {
        return chunk(id, body.length, body);
    }

    /** A chunk that declares {@code declaredSize} bytes whatever it holds; padded when the body is odd. */
    public WavBytes chunk(String id, long declaredSize, byte[] body) {
        ByteBuffer header = le(8);
        header.put(id.getBytes(StandardCharsets.ISO_8859_1)).putInt((int) declaredSize);
        chunks.writeBytes(header.array());
        chunks.writeBytes(body);
        if ((body.length & 1) == 1 && declaredSize == body.length) {
            chunks.write(0);
        }
        return this;
    }

    public WavBytes data(byte[] samples) {
        return chunk("data", samples);
    }

    /** A data chunk that declares another size than it holds: truncated files and streaming writers. */
    public WavBytes data(long declaredSize, byte[] samples) {
        return chunk("data", declaredSize, samples);
    }

    /** Bytes as they are, for trailing junk and cut-off chunk headers. */
    public WavBytes raw(byte[] bytes) {
        chunks.writeBytes(bytes);
        return this;
    }

    public WavBytes riff(String id, String form) {
        this.riffId = id;
        this.formType = form;
        return this;
    }

    public WavBytes riffSize(long size) {
        this.riffSize = size;
        return this;
    }

    public byte[] bytes() {
        byte[] body = chunks.toByteArray();
        ByteBuffer b = le(12 + body.length);
        b.put(riffId.getBytes(StandardCharsets.ISO_8859_1))
                .putInt((int) (riffSize != null ? riffSize : 4 + body.length))
                .put(formType.getBytes(StandardCharsets.ISO_8859_1))
                .put(body);
        return b.array();
    }

    public Path writeTo(Path file) throws IOException {
        Files.createDirectories(file.toAbsolutePath().getParent());
        return Files.write(file, bytes());
    }

    // ---- sample encodings, little-endian as in WAV ----

    public static byte[] unsigned8(int... values) {
        byte[] out = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = (byte) values[i];
        }
        return out;
    }

    public static byte[] signed16(int... values) {
        ByteBuffer b = le(values.length * 2);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    public static byte[] signed24(int... values) {
        ByteBuffer b = le(values.length * 3);
        for (int v : values) {
            b.put((byte) v).put((byte) (v >> 8)).put((byte) (v >> 16));
        }
        return b.array();
    }

    public static byte[] signed32(int... values) {
        ByteBuffer b = le(values.length * 4);
        for (int v : values) {
            b.putInt(v);
        }
        return b.array();
    }

    public static byte[] float32(float... values) {
        ByteBuffer b = le(values.length * 4);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    public static byte[] float64(double... values) {
        ByteBuffer b = le(values.length * 8);
        for (double v : values) {
            b.putDouble(v);
        }
        return b.array();
    }

    private static ByteBuffer le(int size) {
        return ByteBuffer.allocate(size).order(ByteOrder.LITTLE_ENDIAN);
    }
}
