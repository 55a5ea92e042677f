package dev.parrot.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Decodes a whole WAV file at once, for short takes whose samples are needed together; long recordings are read
 * with a {@link WavStream}, whose header parsing and decoding this is built on (every encoding it reads, mixed down
 * to mono).
 */
public final class WavDecoder {

    /** Largest file decoded at once, so that a header claiming gigabytes cannot exhaust the heap of a build. */
    public static final long MAX_FILE_BYTES = 1L << 30;

    private WavDecoder() {
    }

    /** Decodes a file and mixes it to mono at its own sample rate. */
    public static Recording read(Path file) throws UnreadableRecordingException {
        long size = -1;
        try {
            if (Files.isRegularFile(file)) {
                size = Files.size(file);
            }
        } catch (IOException e) {
            // WavStream.open names the reason
        }
        if (size > MAX_FILE_BYTES) {
            throw new UnreadableRecordingException(file, "too large (" + size + " bytes; at most " + MAX_FILE_BYTES
                    + " are decoded at once)");
        }
        try (WavStream stream = WavStream.open(file)) {
            return new Recording(file, stream.readAll(), stream.sampleRate());
        }
    }

    /** Decodes the bytes of a WAV file held in memory, named {@code file} in messages. */
    static Recording decode(Path file, ByteBuffer wav) throws UnreadableRecordingException {
        try (WavStream stream = WavStream.of(file, wav)) {
            return new Recording(file, stream.readAll(), stream.sampleRate());
        }
    }
}
