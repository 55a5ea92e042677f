package dev.parrot.audio;

import be.tarsos.dsp.io.TarsosDSPAudioFloatConverter;
import be.tarsos.dsp.io.TarsosDSPAudioFormat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * A RIFF/WAVE file read a chunk at a time: integer PCM of 8, 16, 24 or 32 bits, 32- or 64-bit IEEE float, plain or
 * WAVE_FORMAT_EXTENSIBLE, any number of channels and any sample rate, mixed down to mono. Only the header is read
 * on opening; the samples are read from the file as they are asked for, so a recording of any length needs the
 * memory of one read ({@value #READ_BYTES} bytes).
 *
 * <p>The header is parsed here rather than by {@code javax.sound}, because users need to hear why a file is refused
 * ("truncated: ...", "unsupported encoding: A-law") and javax.sound only says it could not read the stream. The
 * sample conversion itself is TarsosDSP's.
 */
public final class WavStream implements SampleStream {

    /** Bytes of audio read from the file at a time. */
    static final int READ_BYTES = 1 << 16;

    private static final int MAX_CHANNELS = 64;
    private static final int MIN_RATE = 1000;
    private static final int MAX_RATE = 768_000;
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    /** The 'fmt ' chunk's fields, WAVE_FORMAT_EXTENSIBLE's included, fit in this; the rest is not read. */
    private static final int FMT_BYTES_READ = 64;
    /** Writers that stream a WAV before knowing its length leave one of these in the data chunk's size. */
    private static final long UNKNOWN_SIZE_MAX = 0xFFFFFFFFL;

    /** Bytes read at a position: a file, or an array for the fuzzer. */
    interface Bytes extends AutoCloseable {
        long size();

        /** Like {@link FileChannel#read(ByteBuffer, long)}: how many were read, -1 at the end. */
        int read(ByteBuffer into, long position) throws IOException;

        @Override
        void close();
    }

    private final Path file;
    private final Bytes bytes;
    private final Format format;
    private final long dataStart;
    private final long frames;
    private final TarsosDSPAudioFloatConverter converter;
    private final ByteBuffer raw;
    private final float[] interleaved;
    private long framesRead;

    private WavStream(Path file, Bytes bytes, Format format, long dataStart, long frames) throws
            UnreadableRecordingException {
        this.file = file;
        this.bytes = bytes;
        this.format = format;
        this.dataStart = dataStart;
        this.frames = frames;
        this.converter = converter(file, format);
        // No more than the file holds: a short take needs no 64 KB.
        int bufferFrames = (int) Math.min(frames, Math.max(1, READ_BYTES / format.blockAlign));
        this.raw = ByteBuffer.allocate(bufferFrames * format.blockAlign).order(ByteOrder.LITTLE_ENDIAN);
        this.interleaved = new float[bufferFrames * format.channels];
    }

    /**
     * Opens a file and reads its header.
     *
     * @throws UnreadableRecordingException when it is no WAV file this reader can decode, with the reason
     */
    public static WavStream open(Path file) throws UnreadableRecordingException {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // A pipe or a device reports no size and may never end: it is not read at all.
            throw new UnreadableRecordingException(file, "not a regular file (a folder, pipe or device?)");
        }
        FileChannel channel;
        long size;
        try {
            channel = FileChannel.open(file, StandardOpenOption.READ);
            size = channel.size();
        } catch (IOException e) {
            throw new UnreadableRecordingException(file, "cannot be opened: " + e.getMessage());
        }
        if (size == 0) {
            closeQuietly(channel);
            throw new UnreadableRecordingException(file, "empty file (0 bytes)");
        }
        // The size when opened is the file's: one that grows while it is read (a recording in progress) is read up
        // to it, and one that shrinks is truncated, which the reads find out.
        return open(file, new Bytes() {
            @Override
            public long size() {
                return size;
            }

            @Override
            public int read(ByteBuffer into, long position) throws IOException {
                return channel.read(into, position);
            }

            @Override
            public void close() {
                closeQuietly(channel);
            }
        });
    }

    /** A WAV file held in memory, named {@code file} in messages. */
    static WavStream of(Path file, ByteBuffer wav) throws UnreadableRecordingException {
        ByteBuffer all = wav.duplicate();
        return open(file, new Bytes() {
            @Override
            public long size() {
                return all.limit();
            }

            @Override
            public int read(ByteBuffer into, long position) {
                if (position >= all.limit()) {
                    return -1;
                }
                int n = (int) Math.min(into.remaining(), all.limit() - position);
                into.put(into.position(), all, (int) position, n);
                into.position(into.position() + n);
                return n;
            }

            @Override
            public void close() {
                // nothing to release
            }
        });
    }

    private static WavStream open(Path file, Bytes bytes) throws UnreadableRecordingException {
        try {
            return parse(file, bytes);
        } catch (UnreadableRecordingException | RuntimeException e) {
            bytes.close();
            throw e;
        }
    }

    private static WavStream parse(Path file, Bytes bytes) throws UnreadableRecordingException {
        long size = bytes.size();
        if (size < 12) {
            throw new UnreadableRecordingException(file, "not a WAV file: only " + size
                    + " bytes, shorter than a RIFF header");
        }
        ByteBuffer header = readAt(file, bytes, 0, 12);
        String riff = fourCc(header);
        header.getInt(); // RIFF size: many writers get it wrong, and the chunks tell the truth
        String wave = fourCc(header);
        if (!"RIFF".equals(riff) || !"WAVE".equals(wave)) {
            throw new UnreadableRecordingException(file, "not a WAV file: starts with '" + printable(riff)
                    + "' / '" + printable(wave) + "' instead of 'RIFF' / 'WAVE'");
        }
        Format format = null;
        long at = 12;
        while (size - at >= 8) {
            ByteBuffer chunk = readAt(file, bytes, at, 8);
            String id = fourCc(chunk);
            long chunkSize = Integer.toUnsignedLong(chunk.getInt());
            at += 8;
            long remaining = size - at;
            if ("fmt ".equals(id)) {
                if (chunkSize < 16 || chunkSize > remaining) {
                    throw new UnreadableRecordingException(file, "truncated or corrupt 'fmt ' chunk of "
                            + chunkSize + " bytes with " + remaining + " left in the file");
                }
                format = Format.parse(file, readAt(file, bytes, at, (int) Math.min(chunkSize, FMT_BYTES_READ)));
                at = skip(at, chunkSize, size);
            } else if ("data".equals(id)) {
                if (format == null) {
                    throw new UnreadableRecordingException(file, "corrupt: 'data' chunk comes before the 'fmt ' chunk");
                }
                long length = chunkSize;
                if (chunkSize > remaining) {
                    boolean streamed = chunkSize == UNKNOWN_SIZE_MAX || chunkSize == 0;
                    if (!streamed) {
                        throw new UnreadableRecordingException(file, "truncated: the data chunk declares "
                                + chunkSize + " bytes but only " + remaining + " are present");
                    }
                    length = remaining;
                } else if (chunkSize == 0 && !startsWithChunk(file, bytes, at, remaining)) {
                    length = remaining; // a streaming writer that never came back to fill in the size
                }
                long frames = length / format.blockAlign;
                if (frames == 0) {
                    throw new UnreadableRecordingException(file, "no samples: the data chunk holds " + length
                            + " bytes, less than one frame of " + format.blockAlign);
                }
                return new WavStream(file, bytes, format, at, frames);
            } else {
                if (chunkSize > remaining) {
                    break; // trailing junk after the audio would have been found already
                }
                at = skip(at, chunkSize, size);
            }
        }
        if (format == null) {
            throw new UnreadableRecordingException(file, "truncated or corrupt: no 'fmt ' chunk");
        }
        throw new UnreadableRecordingException(file, "truncated or corrupt: no 'data' chunk");
    }

    @Override
    public Path source() {
        return file;
    }

    /** The file's own rate. */
    @Override
    public int sampleRate() {
        return format.sampleRate;
    }

    /** Frames in the file: one mono sample each. */
    @Override
    public long length() {
        return frames;
    }

    /** The file's channels, which {@link #read} mixes to one. */
    public int channels() {
        return format.channels;
    }

    /** Bytes of the file per second of audio, for sizes in messages. */
    public long bytesPerSecond() {
        return (long) format.blockAlign * format.sampleRate;
    }

    @Override
    public int read(float[] buffer, int offset, int count) throws UnreadableRecordingException {
        if (framesRead >= frames) {
            return -1;
        }
        int bufferFrames = raw.capacity() / format.blockAlign;
        int n = (int) Math.min(Math.min(count, bufferFrames), frames - framesRead);
        if (n <= 0) {
            return 0;
        }
        raw.clear().limit(n * format.blockAlign);
        long position = dataStart + framesRead * format.blockAlign;
        try {
            while (raw.hasRemaining()) {
                int got = bytes.read(raw, position + raw.position());
                if (got < 0) {
                    long dataBytes = frames * format.blockAlign;
                    throw new UnreadableRecordingException(file, "truncated: the audio ends after "
                            + (position + raw.position() - dataStart) + " of its " + dataBytes + " bytes");
                }
            }
        } catch (IOException e) {
            throw new UnreadableRecordingException(file, "cannot be read: " + e.getMessage());
        }
        raw.flip();
        toMono(n, buffer, offset);
        framesRead += n;
        return n;
    }

    private void toMono(int n, float[] mono, int offset) {
        int samples = n * format.channels;
        int containerBits = format.blockAlign / format.channels * 8;
        byte[] array = raw.array();
        if (format.floating && containerBits == 64) {
            for (int i = 0; i < samples; i++) {
                interleaved[i] = (float) raw.getDouble();
            }
        } else if (containerBits == 8) {
            // TarsosDSP's unsigned converter centres on 127, which turns the silence of 8-bit WAV (128) into a DC
            // offset of -42 dBFS that lifts every window above the silence floor.
            for (int i = 0; i < samples; i++) {
                interleaved[i] = ((array[i] & 0xFF) - 128) / 128f;
            }
        } else {
            converter.toFloatArray(array, 0, interleaved, 0, samples);
        }
        float scale = 1f / format.channels;
        for (int f = 0, i = 0; f < n; f++) {
            float sum = 0;
            for (int c = 0; c < format.channels; c++) {
                sum += interleaved[i++];
            }
            float v = sum * scale;
            mono[offset + f] = Float.isFinite(v) ? v : 0f;
        }
    }

    @Override
    public void close() {
        bytes.close();
    }

    /** TarsosDSP's converter for what needs one: neither 8-bit nor 64-bit float, which are converted here. */
    private static TarsosDSPAudioFloatConverter converter(Path file, Format format)
            throws UnreadableRecordingException {
        int containerBits = format.blockAlign / format.channels * 8;
        if ((format.floating && containerBits == 64) || containerBits == 8) {
            return null;
        }
        TarsosDSPAudioFormat.Encoding encoding = format.floating ? TarsosDSPAudioFloatConverter.PCM_FLOAT
                : TarsosDSPAudioFormat.Encoding.PCM_SIGNED;
        TarsosDSPAudioFormat tarsos = new TarsosDSPAudioFormat(encoding, format.sampleRate, containerBits,
                format.channels, format.blockAlign, format.sampleRate, false);
        TarsosDSPAudioFloatConverter converter = TarsosDSPAudioFloatConverter.getConverter(tarsos);
        if (converter == null) {
            throw new UnreadableRecordingException(file, "unsupported encoding: " + format.describe());
        }
        return converter;
    }

    private static ByteBuffer readAt(Path file, Bytes bytes, long position, int length)
            throws UnreadableRecordingException {
        ByteBuffer b = ByteBuffer.allocate(length).order(ByteOrder.LITTLE_ENDIAN);
        try {
            while (b.hasRemaining()) {
                if (bytes.read(b, position + b.position()) < 0) {
                    throw new UnreadableRecordingException(file, "truncated: the file ends inside its header, after "
                            + (position + b.position()) + " bytes");
                }
            }
        } catch (IOException e) {
            throw new UnreadableRecordingException(file, "cannot be read: " + e.getMessage());
        }
        return b.flip();
    }

    private static String fourCc(ByteBuffer in) {
        byte[] id = new byte[4];
        in.get(id);
        return new String(id, StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether the bytes ahead are a chunk header (four printable characters and a size that fits): then a data chunk
     * that declares 0 bytes really is empty, rather than left unfilled by a streaming writer with the audio after it.
     */
    private static boolean startsWithChunk(Path file, Bytes bytes, long at, long remaining)
            throws UnreadableRecordingException {
        if (remaining < 8) {
            return false;
        }
        ByteBuffer ahead = readAt(file, bytes, at, 8);
        for (int i = 0; i < 4; i++) {
            byte b = ahead.get(i);
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
        }
        return Integer.toUnsignedLong(ahead.getInt(4)) <= remaining - 8;
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static long skip(long at, long chunkSize, long size) {
        long padded = chunkSize + (chunkSize & 1); // chunks are word-aligned
        return Math.min(size, at + padded);
    }

    private static void closeQuietly(FileChannel channel) {
        try {
            channel.close();
        } catch (IOException e) {
            // nothing was written: nothing is lost
        }
    }

    /** What the 'fmt ' chunk says, checked for sizes no real recording has. */
    private record Format(int tag, int channels, int sampleRate, int blockAlign, int bitsPerSample,
            boolean floating) {

        static Format parse(Path file, ByteBuffer fmt) throws UnreadableRecordingException {
            int tag = Short.toUnsignedInt(fmt.getShort());
            int channels = Short.toUnsignedInt(fmt.getShort());
            long rate = Integer.toUnsignedLong(fmt.getInt());
            fmt.getInt(); // byte rate: derived, and often wrong in the wild
            int blockAlign = Short.toUnsignedInt(fmt.getShort());
            int bits = Short.toUnsignedInt(fmt.getShort());
            int effectiveTag = tag;
            if (tag == FORMAT_EXTENSIBLE) {
                if (fmt.remaining() < 2 + 22) {
                    throw new UnreadableRecordingException(file, "corrupt: WAVE_FORMAT_EXTENSIBLE header is too short");
                }
                fmt.getShort(); // cbSize
                // Valid bits below the container size need no care: samples stay left-aligned in their
                // container, so converting by the container is right.
                fmt.getShort();
                fmt.getInt(); // channel mask
                effectiveTag = Short.toUnsignedInt(fmt.getShort()); // the sub-format GUID starts with the tag
            }
            if (effectiveTag != FORMAT_PCM && effectiveTag != FORMAT_FLOAT) {
                throw new UnreadableRecordingException(file, "unsupported encoding: " + encodingName(effectiveTag)
                        + " (format tag " + effectiveTag + "); save it as PCM or 32-bit float WAV");
            }
            if (channels == 0 || channels > MAX_CHANNELS) {
                throw new UnreadableRecordingException(file, "corrupt header: " + channels + " channels");
            }
            if (rate < MIN_RATE || rate > MAX_RATE) {
                throw new UnreadableRecordingException(file, "corrupt header: sample rate of " + rate + " Hz");
            }
            if (blockAlign == 0 || blockAlign % channels != 0) {
                throw new UnreadableRecordingException(file, "corrupt header: block align of " + blockAlign
                        + " bytes" + (blockAlign == 0 ? "" : " cannot hold " + channels + " channels"));
            }
            boolean floating = effectiveTag == FORMAT_FLOAT;
            int container = blockAlign * 8 / channels;
            boolean supported = floating ? (container == 32 || container == 64)
                    : (container == 8 || container == 16 || container == 24 || container == 32);
            if (!supported || bits > container) {
                throw new UnreadableRecordingException(file, "unsupported encoding: "
                        + (floating ? "float" : "PCM") + " with " + bits + " bits per sample in frames of "
                        + blockAlign + " bytes for " + channels + " channels");
            }
            return new Format(tag, channels, (int) rate, blockAlign, bits, floating);
        }

        String describe() {
            return (floating ? "float " : "PCM ") + bitsPerSample + "-bit, " + channels + " channels";
        }

        private static String encodingName(int tag) {
            return switch (tag) {
                case 2 -> "Microsoft ADPCM";
                case 6 -> "A-law";
                case 7 -> "mu-law";
                case 0x11 -> "IMA ADPCM";
                case 0x55 -> "MP3";
                default -> "compressed audio";
            };
        }
    }
}
