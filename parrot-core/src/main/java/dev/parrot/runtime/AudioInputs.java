package dev.parrot.runtime;

import be.tarsos.dsp.AudioDispatcher;
import be.tarsos.dsp.io.jvm.AudioDispatcherFactory;
import be.tarsos.dsp.io.jvm.JVMAudioInputStream;
import dev.parrot.ParrotException;
import dev.parrot.audio.Recording;
import dev.parrot.audio.UnreadableRecordingException;
import dev.parrot.audio.WavDecoder;
import dev.parrot.audio.WavStream;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.TargetDataLine;
import javax.sound.sampled.UnsupportedAudioFileException;
import java.io.IOException;
import java.nio.file.Path;

/**
 * TarsosDSP dispatchers of mono audio for a {@link SoundDetector}: the default microphone, or a WAV file played
 * through as if it were live. Any other mono {@link AudioDispatcher} works as well, e.g. one from
 * {@link AudioDispatcherFactory#fromFile}.
 */
public final class AudioInputs {

    /** How much audio the microphone line may hold before the dispatcher takes it: room for a busy moment. */
    private static final double LINE_BUFFER_SECONDS = 0.1;

    private AudioInputs() {
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
     * A WAV file of any encoding, rate and channel count, streamed from disk (mixed to mono, at its own rate): a
     * {@link SoundDetector} {@linkplain SoundDetector#run(AudioSource) runs} over a recording of any length in the
     * memory of a few reads. A file that cannot be read on (it ends early, a disk fails) makes {@link
     * AudioSource#read} throw an {@link IOException} whose message names the file and the reason, with the
     * {@link UnreadableRecordingException} as its cause.
     *
     * @throws UnreadableRecordingException when the file is no WAV file that can be decoded, with the reason
     */
    public static AudioSource wav(Path file) throws UnreadableRecordingException {
        WavStream stream = WavStream.open(file);
        return new AudioSource() {
            @Override
            public int sampleRate() {
                return stream.sampleRate();
            }

            @Override
            public int read(float[] buffer, int offset, int count) throws IOException {
                try {
                    return stream.read(buffer, offset, count);
                } catch (UnreadableRecordingException e) {
                    throw new IOException(e.getMessage(), e);
                }
            }

            @Override
            public void close() {
                stream.close();
            }
        };
    }

    /**
     * A WAV file of any encoding, rate and channel count (mixed to mono, at its own rate), delivered in buffers of
     * {@code bufferSize} samples without overlap.
     *
     * @throws UnreadableRecordingException when the file cannot be decoded, with the reason
     */
    public static AudioDispatcher wav(Path file, int bufferSize) throws UnreadableRecordingException {
        Recording recording = WavDecoder.read(file);
        try {
            return AudioDispatcherFactory.fromFloatArray(recording.samples(), recording.sampleRate(), bufferSize, 0);
        } catch (UnsupportedAudioFileException e) {
            throw new UnreadableRecordingException(file, "cannot be played as a stream: " + e.getMessage());
        }
    }
}
