package dev.parrot.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Writes a mono 16-bit PCM WAV file as the audio arrives, the way {@link WavWriter} writes a whole one: into a hidden
 * temporary file beside the target, whose header gets its sizes and which is moved into place in one step by
 * {@link #finish()}. A reader never sees half a recording, and what was recorded up to an interruption is kept whole
 * when {@link #finish()} runs then (from a shutdown hook, say).
 *
 * <p>Thread-safe: {@link #write} and {@link #finish()} may come from different threads; writes after the finish
 * are ignored.
 */
public final class StreamingWavWriter implements AutoCloseable {

    private static final int HEADER_BYTES = 44;

    private final Path target;
    private final Path temporary;
    private final int sampleRate;
    private final FileChannel channel;
    private ByteBuffer bytes = ByteBuffer.allocate(0);
    private long samples;
    private boolean finished;

    private StreamingWavWriter(Path target, Path temporary, int sampleRate, FileChannel channel) {
        this.target = target;
        this.temporary = temporary;
        this.sampleRate = sampleRate;
        this.channel = channel;
    }

    /** Starts a recording that {@link #finish()} moves to {@code target}, creating its folder. */
    public static StreamingWavWriter create(Path target, int sampleRate) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temporary = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        if (Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class)) {
            // Temporary files are private (rw-------); a recording is the user's, like any file they make.
            Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-r--r--"));
        }
        FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE);
        StreamingWavWriter writer = new StreamingWavWriter(target, temporary, sampleRate, channel);
        writer.writeHeader();
        return writer;
    }

    /** Appends samples (mono, -1..1; beyond that clipped), converted as {@link WavWriter#pcm16} converts them. */
    public synchronized void write(float[] buffer, int offset, int count) throws IOException {
        if (finished || count <= 0) {
            return;
        }
        if (bytes.capacity() < 2 * count) {
            bytes = ByteBuffer.allocate(2 * count).order(ByteOrder.LITTLE_ENDIAN);
        }
        bytes.clear();
        for (int i = offset, end = offset + count; i < end; i++) {
            float clipped = Math.max(-1f, Math.min(1f, buffer[i]));
            bytes.putShort((short) Math.round(clipped * 32767f));
        }
        bytes.flip();
        while (bytes.hasRemaining()) {
            channel.write(bytes);
        }
        samples += count;
    }

    /** Samples written so far. */
    public synchronized long samples() {
        return samples;
    }

    /**
     * Writes the header's sizes, forces the file to disk and moves it to the target, replacing a file there. Later
     * calls do nothing.
     *
     * @return the target
     */
    public synchronized Path finish() throws IOException {
        if (finished) {
            return target;
        }
        finished = true;
        // On failure the temporary file stays, named in the exception: it holds the audio, which is the user's.
        try (channel) {
            writeHeader();
            channel.force(true);
        } catch (IOException e) {
            throw new IOException("Cannot complete the recording " + temporary + ": " + e.getMessage(), e);
        }
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
        return target;
    }

    /** Drops what was written: the temporary file is deleted and nothing reaches the target. */
    public synchronized void abandon() throws IOException {
        finished = true;
        channel.close();
        Files.deleteIfExists(temporary);
    }

    /** Abandons the recording unless it was finished. */
    @Override
    public synchronized void close() throws IOException {
        if (!finished) {
            abandon();
        }
    }

    private void writeHeader() throws IOException {
        long dataBytes = 2 * samples;
        // A RIFF size is 32 bits: beyond 4 GB (37 hours at 16 kHz) the sizes say as much as they can.
        int data = (int) Math.min(dataBytes, 0xFFFF_FFFFL - 36);
        ByteBuffer b = ByteBuffer.allocate(HEADER_BYTES).order(ByteOrder.LITTLE_ENDIAN);
        b.put(new byte[] {'R', 'I', 'F', 'F'}).putInt(36 + data).put(new byte[] {'W', 'A', 'V', 'E'});
        b.put(new byte[] {'f', 'm', 't', ' '}).putInt(16).putShort((short) 1).putShort((short) 1)
                .putInt(sampleRate).putInt(sampleRate * 2).putShort((short) 2).putShort((short) 16);
        b.put(new byte[] {'d', 'a', 't', 'a'}).putInt(data);
        b.flip();
        long at = 0;
        while (b.hasRemaining()) {
            at += channel.write(b, at);
        }
        if (channel.position() < HEADER_BYTES) {
            channel.position(HEADER_BYTES);
        }
    }
}
