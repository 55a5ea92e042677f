package dev.parrot.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes mono 16-bit PCM WAV files, the format Parrot.py records in: for saving detected clips, and for tests and
 * benchmarks that need recordings of known content.
 */
public final class WavWriter {

    private WavWriter() {
    }

    /** The bytes of a mono 16-bit PCM WAV file; samples outside [-1, 1] are clipped. */
    public static byte[] pcm16(float[] samples, int sampleRate) {
        int dataBytes = samples.length * 2;
        ByteBuffer b = ByteBuffer.allocate(44 + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(36 + dataBytes).put(new byte[] {'W', 'A', 'V', 'E'});
        b.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        b.put(new byte[] {'d', 'a', 't', 'a'}).putInt(dataBytes);
        for (float s : samples) {
            float clipped = Math.max(-1f, Math.min(1f, s));
            b.putShort((short) Math.round(clipped * 32767f));
        }
        return b.array();
    }

    /** Writes a mono 16-bit PCM WAV file, creating its folder. */
    public static void writePcm16(Path file, float[] samples, int sampleRate) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Files.write(file, pcm16(samples, sampleRate));
    }
}
