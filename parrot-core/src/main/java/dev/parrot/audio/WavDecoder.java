package dev.parrot.audio;

import be.tarsos.dsp.io.TarsosDSPAudioFloatConverter;
import be.tarsos.dsp.io.TarsosDSPAudioFormat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Reads RIFF/WAVE files: integer PCM of 8, 16, 24 or 32 bits, 32- or 64-bit IEEE float, plain or
 * WAVE_FORMAT_EXTENSIBLE, any number of channels and any sample rate, mixed down to mono.
 *
 * <p>The header is parsed here rather than by {@code javax.sound}, because users need to hear why a file is refused
 * ("truncated: ...", "unsupported encoding: A-law") and javax.sound only says it could not read the stream. The
 * sample conversion itself is TarsosDSP's.
 */
public final class WavDecoder {

    /** Largest file accepted, so that a header claiming gigabytes cannot exhaust the heap of a build. */
    public static final long MAX_FILE_BYTES = 1L << 30;

    private static final int MAX_CHANNELS = 64;
    private static final int MIN_RATE = 1000;
    private static final int MAX_RATE = 768_000;
    private static final int FORMAT_PCM = 1;
    private static final int FORMAT_FLOAT = 3;
    private static final int FORMAT_EXTENSIBLE = 0xFFFE;
    /** Writers that stream a WAV before knowing its length leave one of these in the data chunk's size. */
    private static final long UNKNOWN_SIZE_MAX = 0xFFFFFFFFL;

    private WavDecoder() {
    }

    /** Decodes a file and mixes it to mono at its own sample rate. */
    public static Recording read(Path file) throws UnreadableRecordingException {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            // A pipe or a device reports no size and may never end: it is not read at all.
            throw new UnreadableRecordingException(file, "not a regular file (a folder, pipe or device?)");
        }
        long size;
        try {
            size = Files.size(file);
        } catch (IOException e) {
            throw new UnreadableRecordingException(file, "cannot be opened: " + e.getMessage());
        }
        if (size == 0) {
            throw new UnreadableRecordingException(file, "empty file (0 bytes)");
        }
        if (size > MAX_FILE_BYTES) {
            throw new UnreadableRecordingException(file, "too large (" + size + " bytes; at most " + MAX_FILE_BYTES
                    + " are read)");
        }
        ByteBuffer bytes;
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            // Allocated by the size the file system reports, never by what the header claims; a file that grows while
            // it is read (a recording in progress) is read up to that size.
            bytes = ByteBuffer.allocate((int) size);
            while (bytes.hasRemaining() && channel.read(bytes) >= 0) {
                // keep reading until the whole file is in
            }
            bytes.flip();
        } catch (IOException e) {
            throw new UnreadableRecordingException(file, "cannot be read: " + e.getMessage());
        }
        return decode(file, bytes.order(ByteOrder.LITTLE_ENDIAN));
    }

    static Recording decode(Path file, ByteBuffer in) throws UnreadableRecordingException {
        if (in.remaining() < 12) {
            throw new UnreadableRecordingException(file, "not a WAV file: only " + in.remaining()
                    + " bytes, shorter than a RIFF header");
        }
        String riff = fourCc(in);
        in.getInt(); // RIFF size: many writers get it wrong, and the chunks tell the truth
        String wave = fourCc(in);
        if (!"RIFF".equals(riff) || !"WAVE".equals(wave)) {
            throw new UnreadableRecordingException(file, "not a WAV file: starts with '" + printable(riff)
                    + "' / '" + printable(wave) + "' instead of 'RIFF' / 'WAVE'");
        }
        Format format = null;
        while (in.remaining() >= 8) {
            String id = fourCc(in);
            long chunkSize = Integer.toUnsignedLong(in.getInt());
            if ("fmt ".equals(id)) {
                if (chunkSize < 16 || chunkSize > in.remaining()) {
                    throw new UnreadableRecordingException(file, "truncated or corrupt 'fmt ' chunk of "
                            + chunkSize + " bytes with " + in.remaining() + " left in the file");
                }
                format = Format.parse(file, in.slice(in.position(), (int) chunkSize).order(ByteOrder.LITTLE_ENDIAN));
                skip(in, chunkSize);
            } else if ("data".equals(id)) {
                if (format == null) {
                    throw new UnreadableRecordingException(file, "corrupt: 'data' chunk comes before the 'fmt ' chunk");
                }
                long available = in.remaining();
                long length = chunkSize;
                if (chunkSize > available) {
                    boolean streamed = chunkSize == UNKNOWN_SIZE_MAX || chunkSize == 0;
                    if (!streamed) {
                        throw new UnreadableRecordingException(file, "truncated: the data chunk declares "
                                + chunkSize + " bytes but only " + available + " are present");
                    }
                    length = available;
                } else if (chunkSize == 0 && !startsWithChunk(in)) {
                    length = available; // a streaming writer that never came back to fill in the size
                }
                return samples(file, format, in.slice(in.position(), (int) length));
            } else {
                if (chunkSize > in.remaining()) {
                    break; // trailing junk after the audio would have been found already
                }
                skip(in, chunkSize);
            }
        }
        if (format == null) {
            throw new UnreadableRecordingException(file, "truncated or corrupt: no 'fmt ' chunk");
        }
        throw new UnreadableRecordingException(file, "truncated or corrupt: no 'data' chunk");
    }

    private static Recording samples(Path file, Format format, ByteBuffer data) throws UnreadableRecordingException {
        int frames = data.remaining() / format.blockAlign;
        if (frames == 0) {
            throw new UnreadableRecordingException(file, "no samples: the data chunk holds " + data.remaining()
                    + " bytes, less than one frame of " + format.blockAlign);
        }
        byte[] raw = new byte[frames * format.blockAlign];
        data.get(raw);
        int containerBits = format.blockAlign / format.channels * 8;
        float[] interleaved = new float[frames * format.channels];
        if (format.floating && containerBits == 64) {
            ByteBuffer b = ByteBuffer.wrap(raw).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < interleaved.length; i++) {
                interleaved[i] = (float) b.getDouble();
            }
        } else if (containerBits == 8) {
            // TarsosDSP's unsigned converter centres on 127, which turns the silence of 8-bit WAV (128) into a DC
            // offset of -42 dBFS that lifts every window above the silence floor.
            for (int i = 0; i < interleaved.length; i++) {
                interleaved[i] = ((raw[i] & 0xFF) - 128) / 128f;
            }
        } else {
            TarsosDSPAudioFormat.Encoding encoding = format.floating ? TarsosDSPAudioFloatConverter.PCM_FLOAT
                    : TarsosDSPAudioFormat.Encoding.PCM_SIGNED;
            TarsosDSPAudioFormat tarsos = new TarsosDSPAudioFormat(encoding, format.sampleRate, containerBits,
                    format.channels, format.blockAlign, format.sampleRate, false);
            TarsosDSPAudioFloatConverter converter = TarsosDSPAudioFloatConverter.getConverter(tarsos);
            if (converter == null) {
                throw new UnreadableRecordingException(file, "unsupported encoding: " + format.describe());
            }
            converter.toFloatArray(raw, interleaved);
        }
        float[] mono = new float[frames];
        float scale = 1f / format.channels;
        for (int f = 0, i = 0; f < frames; f++) {
            float sum = 0;
            for (int c = 0; c < format.channels; c++) {
                sum += interleaved[i++];
            }
            float v = sum * scale;
            mono[f] = Float.isFinite(v) ? v : 0f;
        }
        return new Recording(file, mono, format.sampleRate);
    }

    private static String fourCc(ByteBuffer in) {
        byte[] id = new byte[4];
        in.get(id);
        return new String(id, java.nio.charset.StandardCharsets.ISO_8859_1);
    }

    /**
     * Whether the bytes ahead are a chunk header (four printable characters and a size that fits): then a data chunk
     * that declares 0 bytes really is empty, rather than left unfilled by a streaming writer with the audio after it.
     */
    private static boolean startsWithChunk(ByteBuffer in) {
        if (in.remaining() < 8) {
            return false;
        }
        int at = in.position();
        for (int i = 0; i < 4; i++) {
            byte b = in.get(at + i);
            if (b < 0x20 || b > 0x7e) {
                return false;
            }
        }
        return Integer.toUnsignedLong(in.getInt(at + 4)) <= in.remaining() - 8;
    }

    private static String printable(String s) {
        return s.replaceAll("[^\\x20-\\x7e]", "?");
    }

    private static void skip(ByteBuffer in, long chunkSize) {
        long padded = chunkSize + (chunkSize & 1); // chunks are word-aligned
        in.position((int) Math.min(in.limit(), in.position() + padded));
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
