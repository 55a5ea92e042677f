package dev.parrot.benchmarks;

import dev.parrot.audio.UnreadableRecordingException;
import dev.parrot.audio.WavDecoder;
import dev.parrot.dataset.DatasetException;
import dev.parrot.dataset.DatasetReader;
import dev.parrot.runtime.AudioSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Hours of audio made as it is read, in the memory of the sample takes: a quiet room (-55 dBFS of noise) with one
 * of the sample recordings' takes of the given sounds every 2 to 4 seconds, at 16 kHz. An {@link AudioSource} for the
 * detector, or written to a WAV file of any length ({@link #writeWav}) without ever holding it.
 */
final class SyntheticSession implements AudioSource {

    static final int RATE = 16000;
    private static final double ROOM = 0.003;

    private final List<float[]> takes;
    private final long length;
    private final Random random;
    private long position;
    private long nextTake;
    private float[] take;
    private int inTake;

    /**
     * @param seconds how long the session is
     * @param sounds the sample folders whose takes are played; empty for all
     */
    SyntheticSession(double seconds, List<String> sounds, long seed) throws DatasetException,
            UnreadableRecordingException {
        this.takes = takes(sounds);
        this.length = Math.round(seconds * RATE);
        this.random = new Random(seed);
        this.nextTake = RATE;
    }

    private static List<float[]> takes(List<String> sounds) throws DatasetException, UnreadableRecordingException {
        Path recordings = SampleModel.recordings();
        List<float[]> takes = new ArrayList<>();
        for (String sound : sounds.isEmpty() ? DatasetReader.discoverSounds(recordings) : sounds) {
            for (Path file : DatasetReader.wavFiles(recordings.resolve(sound))) {
                takes.add(WavDecoder.read(file).resampledTo(RATE).samples());
            }
        }
        if (takes.isEmpty()) {
            throw new IllegalArgumentException("no takes of " + sounds + " in " + recordings);
        }
        return takes;
    }

    long length() {
        return length;
    }

    @Override
    public int sampleRate() {
        return RATE;
    }

    @Override
    public int read(float[] buffer, int offset, int count) {
        if (position >= length) {
            return -1;
        }
        int n = (int) Math.min(count, length - position);
        for (int i = 0; i < n; i++) {
            float x = (float) (random.nextGaussian() * ROOM);
            if (take == null && position >= nextTake) {
                take = takes.get(random.nextInt(takes.size()));
                inTake = 0;
            }
            if (take != null) {
                x += take[inTake++];
                if (inTake == take.length) {
                    take = null;
                    nextTake = position + RATE * 2L + random.nextInt(RATE * 2);
                }
            }
            buffer[offset + i] = x;
            position++;
        }
        return n;
    }

    @Override
    public void close() {
        // nothing to release
    }

    /** Writes the whole session as a mono 16-bit WAV file, a second at a time. */
    void writeWav(Path file) throws IOException {
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        long dataBytes = length * 2;
        if (dataBytes + 36 > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("more than a WAV file can hold: " + dataBytes + " bytes");
        }
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.TRUNCATE_EXISTING)) {
            ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
            header.put("RIFF".getBytes()).putInt((int) (36 + dataBytes)).put("WAVE".getBytes());
            header.put("fmt ".getBytes()).putInt(16).putShort((short) 1).putShort((short) 1).putInt(RATE)
                    .putInt(RATE * 2).putShort((short) 2).putShort((short) 16);
            header.put("data".getBytes()).putInt((int) dataBytes);
            out.write(header.flip());
            float[] second = new float[RATE];
            ByteBuffer bytes = ByteBuffer.allocate(RATE * 2).order(ByteOrder.LITTLE_ENDIAN);
            int n;
            while ((n = read(second, 0, second.length)) > 0) {
                bytes.clear();
                for (int i = 0; i < n; i++) {
                    bytes.putShort((short) Math.round(Math.max(-1f, Math.min(1f, second[i])) * 32767f));
                }
                out.write(bytes.flip());
            }
        }
    }
}
