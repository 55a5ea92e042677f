package dev.parrot.runtime;

import be.tarsos.dsp.resample.Resampler;
import dev.parrot.features.FeatureExtractor;
import dev.parrot.features.FeatureSettings;
import dev.parrot.features.OnsetFeatures;
import dev.parrot.features.SoundWindows;

import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Recognises sounds in a live stream: it cuts the audio it is fed ({@link #accept}, or {@link #run} on an
 * {@link AudioSource}) into the model's windows (30 ms every 15 ms with the default settings), classifies the windows
 * its {@link DetectionSettings} judge, and tells its {@link SoundListener} when a sound passes them (the decisions are
 * an {@link EventDecider}'s). The model's background labels are never reported, whatever the settings.
 *
 * <p>The audio may come at any rate, in chunks of any size: audio that is not at the model's rate is resampled on the
 * way in. The detector keeps the {@link FeatureExtractor#historySamples()} before each window, so that a model trained
 * with context windows sees the same context live as in training. A TarsosDSP {@code AudioDispatcher} feeds one through
 * {@link dev.parrot.runtime.tarsos.TarsosDetector}.
 *
 * <pre>{@code
 * SoundModel model = SoundModel.load(Path.of("target/models/noises.json"));
 * SoundDetector detector = model.newDetector(event -> System.out.println(event.sound()));
 * try (AudioSource file = AudioInputs.wav(Path.of("session.wav"))) {
 *     detector.run(file); // stop() from another thread ends it early
 * }
 * }</pre>
 *
 * <p>Not thread-safe: a detector belongs to the one thread that feeds it, and calls its listener there.
 */
public final class SoundDetector {

    private final SoundModel model;
    private final DetectionSettings detection;
    private final SoundListener listener;
    private final SoundClassifier classifier;
    private final List<String> labels;
    private final int rate;
    private final int window;
    private final int hop;
    private final int history;
    private final double[] probabilities;
    private final EventDecider decider;
    /** The onset model's features, null when short sounds are judged window by window. */
    private final OnsetFeatures onsetFeatures;
    private final float[] onsetVector;
    private final double[] onsetProbabilities;

    /** Audio at the model's rate; {@code buffer[0]} is sample {@code bufferStart} of the stream. */
    private float[] buffer;
    private long bufferStart;
    private int buffered;
    private long nextWindow;

    private int inputRate = -1;
    private Resampler resampler;
    private double factor;
    private float[] resampled = new float[0];
    private boolean finished;
    private volatile boolean stopped;

    SoundDetector(SoundModel model, DetectionSettings detection, SoundListener listener) {
        detection.checkSounds(model.labels(), model.source());
        this.model = model;
        this.detection = detection;
        this.listener = listener;
        this.classifier = model.newClassifier();
        this.labels = model.labels();
        FeatureSettings settings = model.settings();
        this.rate = settings.sampleRate();
        this.window = settings.windowSamples();
        this.hop = settings.hopSamples();
        this.history = new FeatureExtractor(settings).historySamples();
        this.probabilities = new double[labels.size()];
        this.buffer = new float[Math.max(4 * (window + history), rate / 2)];
        // An onset model decides short sounds when the detector judges onsets; other rules judge windows.
        boolean bySegment = model.onsetSegmentMillis() > 0 && detection.rule() == DecisionRule.ONSET;
        this.onsetFeatures = bySegment ? model.newOnsetFeatures() : null;
        this.onsetVector = bySegment ? new float[onsetFeatures.dimension()] : null;
        this.onsetProbabilities = new double[labels.size() + 1];
        // Background (talking, the room, the silence between sounds) is what the model knows not to act on.
        this.decider = new EventDecider(detection.withMuted(Set.copyOf(model.backgroundLabels())), labels,
                hop / (double) rate, window / (double) rate, bySegment ? model.onsetSegmentMillis() / 1000.0 : 0);
    }

    public SoundModel model() {
        return model;
    }

    public DetectionSettings detection() {
        return detection;
    }

    /** Seconds of audio (at the model's rate) the detector has taken in. */
    public double secondsProcessed() {
        return (bufferStart + buffered) / (double) rate;
    }

    /**
     * Feeds the detector the next samples of its stream (mono, -1..1, at any rate: audio not at the model's rate is
     * resampled on the way in). Windows complete with these samples are judged before this returns, and the listener
     * is called for what they report.
     *
     * @throws IllegalStateException when the rate differs from the stream's so far: a detector follows one stream
     */
    public void accept(float[] samples, int offset, int count, int sampleRate) {
        if (inputRate < 0) {
            inputRate = sampleRate;
            if (sampleRate != rate) {
                factor = rate / (double) sampleRate;
                resampler = new Resampler(true, factor, factor);
            }
        } else if (sampleRate != inputRate) {
            throw new IllegalStateException("The stream changed its sample rate from " + inputRate + " to "
                    + sampleRate + " Hz; a detector follows one stream.");
        }
        take(samples, offset, count, false);
        recognise();
    }

    /** Ends the stream: what the resampler still holds is judged. Later calls do nothing. */
    public void finish() {
        if (finished) {
            return;
        }
        finished = true;
        if (resampler != null) {
            take(new float[0], 0, 0, true);
        }
        recognise();
        decider.finish(secondsProcessed(), listener);
    }

    /**
     * Reads {@code source} to its end, or until {@link #stop()}, feeding every chunk to this detector, then
     * {@linkplain #finish() finishes}. The source is not closed: its owner closes it.
     *
     * @throws IOException when the source cannot be read
     */
    public void run(AudioSource source) throws IOException {
        float[] chunk = new float[hopAt(source.sampleRate())];
        int sampleRate = source.sampleRate();
        while (!stopped) {
            int n = source.read(chunk, 0, chunk.length);
            if (n < 0) {
                break;
            }
            accept(chunk, 0, n, sampleRate);
        }
        finish();
    }

    /** Makes {@link #run(AudioSource)} return after the chunk it is on; safe to call from any thread. */
    public void stop() {
        stopped = true;
    }

    /** One hop of the model at the source's rate: a sound is reported as soon as its window is complete. */
    private int hopAt(int sourceRate) {
        return Math.max(1, (int) Math.round(hop * (double) sourceRate / rate));
    }

    private void take(float[] samples, int from, int count, boolean last) {
        if (resampler == null) {
            append(samples, from, count);
            return;
        }
        int room = (int) Math.ceil(count * factor) + 64;
        if (resampled.length < room) {
            resampled = new float[room];
        }
        int consumed = 0;
        // The resampler need not take all input in one call; it keeps a filter's width back until the last batch.
        while (true) {
            Resampler.Result r = resampler.process(factor, samples, from + consumed, count - consumed, last,
                    resampled, 0, resampled.length);
            consumed += r.inputSamplesConsumed;
            append(resampled, 0, r.outputSamplesGenerated);
            if (r.inputSamplesConsumed == 0 && r.outputSamplesGenerated == 0) {
                break;
            }
            if (consumed >= count && !last) {
                break;
            }
        }
    }

    private void append(float[] samples, int from, int count) {
        if (count <= 0) {
            return;
        }
        if (buffered + count > buffer.length) {
            // Keep only what the next window and its context still need, and an awaited onset's segment.
            long keepFrom = Math.max(bufferStart, nextWindow - history);
            double pending = decider.pendingOnsetSeconds();
            if (!Double.isNaN(pending)) {
                keepFrom = Math.max(bufferStart, Math.min(keepFrom,
                        Math.round(pending * rate) - onsetFeatures.beforeSamples()));
            }
            int drop = (int) Math.min(buffered, keepFrom - bufferStart);
            System.arraycopy(buffer, drop, buffer, 0, buffered - drop);
            Arrays.fill(buffer, buffered - drop, buffered, 0f);
            buffered -= drop;
            bufferStart += drop;
            if (buffered + count > buffer.length) {
                buffer = Arrays.copyOf(buffer, Math.max(2 * buffer.length, buffered + count));
            }
        }
        System.arraycopy(samples, from, buffer, buffered, count);
        buffered += count;
    }

    /** The onset model's probabilities for the segment from the onset at {@code onsetSeconds}, which is buffered. */
    private double[] onsetProbabilities(double onsetSeconds) {
        int at = (int) (Math.round(onsetSeconds * rate) - bufferStart);
        onsetFeatures.extract(buffer, at, onsetVector);
        model.onsetProbabilities(onsetVector, onsetProbabilities);
        return onsetProbabilities;
    }

    private void recognise() {
        while (nextWindow + window <= bufferStart + buffered) {
            int offset = (int) (nextWindow - bufferStart);
            double level = SoundWindows.levelDbfs(buffer, offset, window);
            double seconds = nextWindow / (double) rate;
            // Until the buffer first moves on, the context of early windows lies before index 0, which the
            // extractor reads as silence: the start of the stream is treated like the start of a recording.
            decider.next(seconds, level, () -> {
                classifier.probabilities(buffer, offset, probabilities);
                return probabilities;
            }, this::onsetProbabilities, listener);
            nextWindow += hop;
        }
    }
}
