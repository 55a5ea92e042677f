package dev.parrot.runtime;

import dev.parrot.audio.SampleStream;
import dev.parrot.audio.UnreadableRecordingException;
import dev.parrot.audio.WavStream;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Audio for a {@link SoundDetector} in Parrot's own terms ({@link AudioSource}): a WAV file streamed from disk. Programs
 * that already have a TarsosDSP {@code AudioDispatcher} use {@link dev.parrot.runtime.tarsos.TarsosInputs} and
 * {@link dev.parrot.runtime.tarsos.TarsosDetector} instead.
 */
public final class AudioInputs {

    private AudioInputs() {
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
        return source(WavStream.open(file));
    }

    /**
     * As {@link #wav(Path)}, resampled to {@code sampleRate} on the way, streamed too: the same samples as resampling
     * the whole recording.
     *
     * @throws UnreadableRecordingException when the file is no WAV file that can be decoded, with the reason
     */
    public static AudioSource wav(Path file, int sampleRate) throws UnreadableRecordingException {
        return source(WavStream.open(file).resampledTo(sampleRate));
    }

    private static AudioSource source(SampleStream stream) {
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
}
