package dev.parrot.runtime.tarsos;

import be.tarsos.dsp.AudioDispatcher;
import be.tarsos.dsp.AudioEvent;
import be.tarsos.dsp.AudioProcessor;
import dev.parrot.runtime.SoundDetector;

/**
 * A {@link SoundDetector} as a TarsosDSP {@link AudioProcessor}: each buffer its dispatcher delivers goes to
 * {@link SoundDetector#accept}, the end of the stream to {@link SoundDetector#finish()}. The dispatcher may deliver
 * mono audio at any rate, in buffers of any size and overlap: only the new part of each buffer is used.
 *
 * <pre>{@code
 * AudioDispatcher microphone = TarsosInputs.microphone(model);
 * TarsosDetector.attach(model.newDetector(event -> System.out.println(event.sound())), microphone);
 * microphone.run(); // or new Thread(microphone).start()
 * }</pre>
 *
 * <p>Not thread-safe, like the detector: it belongs to the one thread of its dispatcher.
 */
public final class TarsosDetector implements AudioProcessor {

    private final SoundDetector detector;

    private TarsosDetector(SoundDetector detector) {
        this.detector = detector;
    }

    /**
     * Adds a detector to a dispatcher after checking that it delivers mono audio (TarsosDSP hands over interleaved
     * samples of several channels as if they were one).
     *
     * @throws IllegalArgumentException when the dispatcher's audio has more than one channel
     */
    public static TarsosDetector attach(SoundDetector detector, AudioDispatcher dispatcher) {
        int channels = dispatcher.getFormat().getChannels();
        if (channels != 1) {
            throw new IllegalArgumentException("The audio has " + channels + " channels; a sound detector needs"
                    + " mono. Read files with TarsosInputs.wav(...) or AudioInputs.wav(...), which mix them down.");
        }
        TarsosDetector processor = new TarsosDetector(detector);
        dispatcher.addAudioProcessor(processor);
        return processor;
    }

    public SoundDetector detector() {
        return detector;
    }

    @Override
    public boolean process(AudioEvent event) {
        float[] samples = event.getFloatBuffer();
        int overlap = Math.min(event.getOverlap(), samples.length);
        // The dispatcher repeats the tail of the previous buffer as overlap; only what follows it is new.
        detector.accept(samples, overlap, samples.length - overlap, Math.round(event.getSampleRate()));
        return true;
    }

    @Override
    public void processingFinished() {
        detector.finish();
    }
}
