package dev.parrot.runtime.tarsos;

import be.tarsos.dsp.AudioDispatcher;
import be.tarsos.dsp.io.TarsosDSPAudioFloatConverter;
import be.tarsos.dsp.io.TarsosDSPAudioFormat;
import be.tarsos.dsp.io.TarsosDSPAudioInputStream;
import be.tarsos.dsp.io.jvm.AudioDispatcherFactory;
import be.tarsos.dsp.io.jvm.JVMAudioInputStream;
import dev.parrot.ParrotException;
import dev.parrot.audio.UnreadableRecordingException;
import dev.parrot.audio.WavStream;
import dev.parrot.runtime.SoundModel;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;

/**
 * TarsosDSP dispatchers of mono audio for a {@link TarsosDetector}: the default microphone, or a WAV file played
 * through as if it were live. Any other mono {@link AudioDispatcher} works as well, e.g. one from
 * {@link AudioDispatcherFactory#fromFile}.
 */
public final class TarsosInputs {

    /** How much audio the microphone line may hold before the dispatcher takes it: room for a busy moment. */
    private static final double LINE_BUFFER_SECONDS = 0.1;

    private TarsosInputs() {
    }

    /**
     * The default microphone through {@code javax.sound}, at the model's rate in 16-bit mono, delivered one hop
     * (15 ms) at a time so that a sound is reported as soon as its window is complete. Start it with
     * {@code new Thread(dispatcher).start()}; stop it with {@link AudioDispatcher#stop()}.
     *
     * @throws ParrotException when there is no microphone, or it cannot record mono 16-bit audio at that rate
     */
    public static AudioDispatcher microphone(SoundModel model) throws ParrotException {
        int rate = model.settings().sampleRate();
        int hop = model.settings().hopSamples();
        AudioFormat format = new AudioFormat(rate, 16, 1, true, false);
        try {
            TargetDataLine line = AudioSystem.getTargetDataLine(format);
            line.open(format, Math.max(hop * 4, (int) (rate * LINE_BUFFER_SECONDS)) * format.getFrameSize());
            line.start();
            return new AudioDispatcher(new JVMAudioInputStream(new AudioInputStream(line)), hop, 0);
        } catch (LineUnavailableException | IllegalArgumentException | SecurityException e) {
            throw new ParrotException("No microphone can record " + rate + " Hz 16-bit mono audio here: "
                    + e.getMessage());
        }
    }

    /**
     * A WAV file of any encoding, rate and channel count (mixed to mono, at its own rate), delivered in buffers of
     * {@code bufferSize} samples without overlap, streamed from disk as {@link dev.parrot.runtime.AudioInputs#wav(Path)}
     * is. A file that cannot be read on makes the dispatcher fail as TarsosDSP's dispatchers do, with an
     * {@link Error} carrying the message.
     *
     * @throws UnreadableRecordingException when the file cannot be decoded, with the reason
     */
    public static AudioDispatcher wav(Path file, int bufferSize) throws UnreadableRecordingException {
        return new AudioDispatcher(new DispatchedWav(WavStream.open(file)), bufferSize, 0);
    }

    /** A streamed WAV file as TarsosDSP reads audio: 32-bit float samples, which its converter reads back exactly. */
    private static final class DispatchedWav implements TarsosDSPAudioInputStream {

        private final WavStream stream;
        private final TarsosDSPAudioFormat format;
        private float[] samples = new float[0];

        DispatchedWav(WavStream stream) {
            this.stream = stream;
            this.format = new TarsosDSPAudioFormat(TarsosDSPAudioFloatConverter.PCM_FLOAT, stream.sampleRate(),
                    Float.SIZE, 1, Float.BYTES, stream.sampleRate(), false);
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            int wanted = length / Float.BYTES;
            if (wanted == 0) {
                return 0;
            }
            if (samples.length < wanted) {
                samples = new float[wanted];
            }
            int n;
            try {
                n = stream.read(samples, 0, wanted);
            } catch (UnreadableRecordingException e) {
                throw new IOException(e.getMessage(), e);
            }
            if (n < 0) {
                return -1;
            }
            ByteBuffer out = ByteBuffer.wrap(bytes, offset, n * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int i = 0; i < n; i++) {
                out.putFloat(samples[i]);
            }
            return n * Float.BYTES;
        }

        @Override
        public long skip(long bytes) throws IOException {
            long skipped = 0;
            byte[] discard = new byte[Math.toIntExact(Math.min(bytes, 1 << 16))];
            while (skipped < bytes) {
                int n = read(discard, 0, (int) Math.min(discard.length, bytes - skipped));
                if (n <= 0) {
                    break;
                }
                skipped += n;
            }
            return skipped;
        }

        @Override
        public void close() {
            stream.close();
        }

        @Override
        public TarsosDSPAudioFormat getFormat() {
            return format;
        }

        @Override
        public long getFrameLength() {
            return stream.length();
        }
    }
}
