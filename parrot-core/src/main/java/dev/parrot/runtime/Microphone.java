package dev.parrot.runtime;

import dev.parrot.ParrotException;
import dev.parrot.Setting;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A microphone through Java Sound as an {@link AudioSource}: the default input, or one named, recording 16-bit mono
 * at a given rate (Parrot.py's 16 kHz unless told otherwise).
 *
 * <p>A reader that falls behind (a starved CPU, a listener that takes too long) lets the line's buffer fill, after
 * which the device loses audio anyway. When a read finds the buffer full, the microphone drops the oldest audio in it,
 * keeps the newest chunk, and counts what it dropped ({@link #droppedSamples()}): the reader is back in real time,
 * memory stays that of the buffer, and the caller can say how much was lost.
 *
 * <pre>{@code
 * try (Microphone microphone = Microphone.open(null)) {
 *     model.newDetector(event -> System.out.println(event.sound())).run(microphone);
 * }
 * }</pre>
 *
 * <p>Not thread-safe, as an {@link AudioSource}; {@link #close()} may be called from another thread to end a
 * blocked {@link #read}.
 */
public final class Microphone implements AudioSource {

    /** Parrot.py's rate, and the models'. */
    public static final int SAMPLE_RATE = 16_000;

    /** How much the line holds before it overflows: long enough for a garbage collection or a busy moment. */
    static final double BUFFER_SECONDS = 0.5;

    private static final int FRAME_BYTES = 2;

    /**
     * The device calls a microphone makes, so that what it does around them (overflow, conversion, the end) can be
     * tested without a device.
     */
    interface Line {
        /** The line's buffer, in bytes. */
        int bufferBytes();

        /** Bytes that can be read without blocking. */
        int available();

        /** Blocks until {@code length} bytes are read, or fewer when the line is stopped or closed. */
        int read(byte[] bytes, int offset, int length);

        void close();
    }

    private final Line line;
    private final String name;
    private final int sampleRate;
    private final byte[] discard;
    private byte[] bytes = new byte[0];
    private long droppedSamples;
    private int overflows;
    private volatile boolean closed;

    Microphone(Line line, String name, int sampleRate) {
        this.line = line;
        this.name = name;
        this.sampleRate = sampleRate;
        this.discard = new byte[Math.max(FRAME_BYTES, line.bufferBytes())];
    }

    /** The default microphone, or the one named, at {@link #SAMPLE_RATE}; see {@link #open(String, int)}. */
    public static Microphone open(String name) throws ParrotException {
        return open(name, SAMPLE_RATE);
    }

    /**
     * Opens and starts a microphone recording 16-bit mono at {@code sampleRate}.
     *
     * @param name null or blank for the default input; otherwise matched, ignoring case, against the names of the
     *        input devices ({@link #names()}): the one of that name, or the only one whose name contains it
     * @throws ParrotException when there is no input device, none matches the name (the message lists those there
     *         are), or the device cannot record that format or is busy
     */
    public static Microphone open(String name, int sampleRate) throws ParrotException {
        AudioFormat format = format(sampleRate);
        int bufferBytes = (int) (sampleRate * BUFFER_SECONDS) * FRAME_BYTES;
        String what = sampleRate + " Hz 16-bit mono audio";
        TargetDataLine line;
        String chosen;
        try {
            if (name == null || name.isBlank()) {
                line = AudioSystem.getTargetDataLine(format);
                chosen = "the default microphone";
            } else {
                List<Mixer.Info> inputs = inputs();
                String selected = select(name, inputs.stream().map(Mixer.Info::getName).toList(), what);
                Mixer.Info info = inputs.stream().filter(i -> i.getName().equals(selected)).findFirst()
                        .orElseThrow();
                Mixer mixer = AudioSystem.getMixer(info);
                DataLine.Info wanted = new DataLine.Info(TargetDataLine.class, format);
                if (!mixer.isLineSupported(wanted)) {
                    throw new ParrotException("The microphone '" + info.getName() + "' cannot record " + what
                            + "; choose another by name.", Setting.MICROPHONE);
                }
                line = (TargetDataLine) mixer.getLine(wanted);
                chosen = "'" + info.getName() + "'";
            }
            line.open(format, bufferBytes);
            line.start();
        } catch (IllegalArgumentException e) {
            // Java Sound's way of saying that no device offers the line: a machine without a sound card, a container.
            throw new ParrotException("No microphone can record " + what + " here (Java Sound: " + e.getMessage()
                    + "). Record from a WAV file instead.", Setting.INPUT);
        } catch (LineUnavailableException | SecurityException e) {
            throw new ParrotException("The microphone cannot be opened for " + what + ": " + e.getMessage()
                    + " (is another program using it?)", Setting.MICROPHONE);
        }
        TargetDataLine opened = line;
        return new Microphone(new Line() {
            @Override
            public int bufferBytes() {
                return opened.getBufferSize();
            }

            @Override
            public int available() {
                return opened.available();
            }

            @Override
            public int read(byte[] bytes, int offset, int length) {
                return opened.read(bytes, offset, length);
            }

            @Override
            public void close() {
                opened.stop();
                opened.close();
            }
        }, chosen, sampleRate);
    }

    /**
     * The device a name means among those there are: the one of that name, ignoring case, or else the only one whose
     * name contains it.
     *
     * @throws ParrotException when there is none, or several contain it; the message lists the names
     */
    static String select(String name, List<String> names, String what) throws ParrotException {
        if (names.isEmpty()) {
            throw new ParrotException("No microphone named '" + name + "': Java Sound finds no input device here that"
                    + " could record " + what + ". Record from a WAV file instead.", Setting.INPUT);
        }
        String wanted = name.strip().toLowerCase(Locale.ROOT);
        List<String> containing = new ArrayList<>();
        for (String n : names) {
            if (n.toLowerCase(Locale.ROOT).equals(wanted)) {
                return n;
            }
            if (n.toLowerCase(Locale.ROOT).contains(wanted)) {
                containing.add(n);
            }
        }
        if (containing.size() == 1) {
            return containing.get(0);
        }
        String list = String.join("', '", names);
        if (containing.isEmpty()) {
            throw new ParrotException("No microphone is named '" + name + "'; the input devices are: '" + list
                    + "'.", Setting.MICROPHONE);
        }
        throw new ParrotException("'" + name + "' names several microphones: '" + String.join("', '", containing)
                + "'; give more of the name. The input devices are: '" + list + "'.", Setting.MICROPHONE);
    }

    /** The names of the devices Java Sound can record from, in its order; empty where there are none. */
    public static List<String> names() {
        return inputs().stream().map(Mixer.Info::getName).toList();
    }

    private static List<Mixer.Info> inputs() {
        List<Mixer.Info> inputs = new ArrayList<>();
        for (Mixer.Info info : AudioSystem.getMixerInfo()) {
            Mixer mixer = AudioSystem.getMixer(info);
            if (mixer.isLineSupported(new javax.sound.sampled.Line.Info(TargetDataLine.class))) {
                inputs.add(info);
            }
        }
        return inputs;
    }

    private static AudioFormat format(int sampleRate) {
        return new AudioFormat(sampleRate, 16, 1, true, false);
    }

    /** Which device this is: "the default microphone" or its name in quotes. */
    public String name() {
        return name;
    }

    @Override
    public int sampleRate() {
        return sampleRate;
    }

    /**
     * Reads the next {@code count} samples, blocking until they are there. When the line's buffer is full, the oldest
     * audio in it is dropped first (see the class comment).
     *
     * @return {@code count}, or fewer at the end; -1 once the microphone is closed
     */
    @Override
    public int read(float[] buffer, int offset, int count) throws IOException {
        if (closed) {
            return -1;
        }
        int want = count * FRAME_BYTES;
        int available = line.available();
        if (available >= line.bufferBytes()) {
            // Full: the device is losing audio now. What it holds is the oldest; keep only the newest chunk.
            int drop = (available - Math.min(want, available)) / FRAME_BYTES * FRAME_BYTES;
            for (int left = drop; left > 0; ) {
                int n = line.read(discard, 0, Math.min(left, discard.length));
                if (n <= 0) {
                    return -1;
                }
                left -= n;
            }
            droppedSamples += drop / FRAME_BYTES;
            overflows++;
        }
        if (bytes.length < want) {
            bytes = new byte[want];
        }
        int read = 0;
        while (read < want) {
            int n = line.read(bytes, read, want - read);
            if (n <= 0) {
                break;
            }
            read += n;
        }
        int samples = read / FRAME_BYTES;
        if (samples == 0) {
            return -1;
        }
        for (int i = 0; i < samples; i++) {
            int lo = bytes[2 * i] & 0xFF;
            int hi = bytes[2 * i + 1];
            buffer[offset + i] = (short) ((hi << 8) | lo) / 32768f;
        }
        return samples;
    }

    /** Samples dropped because the reader fell behind, since the microphone was opened. */
    public long droppedSamples() {
        return droppedSamples;
    }

    /** {@link #droppedSamples()} in seconds. */
    public double droppedSeconds() {
        return droppedSamples / (double) sampleRate;
    }

    /** How many times the reader found the buffer full. */
    public int overflows() {
        return overflows;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            line.close();
        }
    }
}
