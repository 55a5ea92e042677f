package dev.parrot.runtime;

import dev.parrot.audio.Recording;
import dev.parrot.audio.UnreadableRecordingException;
import dev.parrot.audio.SampleStream;
import dev.parrot.audio.StreamedWindows;
import dev.parrot.audio.WavStream;
import dev.parrot.features.FeatureExtractor;
import dev.parrot.features.FeatureSettings;
import dev.parrot.features.SoundWindows;
import dev.parrot.model.ClipVote;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Classifies windows and whole recordings with a {@link SoundModel}, computing features with the same
 * {@link FeatureExtractor} that made the training data.
 *
 * <p>Not thread-safe: it owns a feature extractor and its buffers. Make one per thread with
 * {@link SoundModel#newClassifier()}.
 */
public final class SoundClassifier {

    /** The share of a recording's classified windows heard as a sound that makes it that sound, not background. */
    public static final double SOUND_SHARE = ClipVote.SOUND_SHARE;

    private final SoundModel model;
    private final FeatureSettings settings;
    private final FeatureExtractor extractor;
    private final float[] features;

    SoundClassifier(SoundModel model) {
        this.model = model;
        this.settings = model.settings();
        this.extractor = model.newFeatureExtractor();
        this.features = new float[extractor.dimension()];
    }

    public SoundModel model() {
        return model;
    }

    /** The sample rate windows must be at: the model's (16 kHz with the default settings). */
    public int sampleRate() {
        return settings.sampleRate();
    }

    /** Samples in one window (480, 30 ms, with the default settings). */
    public int windowSamples() {
        return settings.windowSamples();
    }

    /**
     * The probabilities of the window starting at {@code offset} in {@code samples}, in {@link SoundModel#labels()}
     * order, written into {@code out}. The samples are mono at {@link #sampleRate()}; with context windows the
     * {@link FeatureExtractor#historySamples()} before {@code offset} are read too, and samples outside the array
     * count as silence. Allocates little: the path for live recognition.
     */
    public void probabilities(float[] samples, int offset, double[] out) {
        extractor.extract(samples, offset, features);
        model.probabilities(features, out);
    }

    /** What the model hears in the window starting at {@code offset}; see {@link #probabilities}. */
    public Prediction classifyWindow(float[] samples, int offset) {
        double[] p = new double[model.labels().size()];
        probabilities(samples, offset, p);
        return Prediction.of(model.labels(), p);
    }

    /**
     * Reads a WAV file (any rate or channel count; it is mixed to mono and resampled) and classifies it. The file is
     * streamed, twice (the levels of its windows first, to find its loudest, then the features of those that hold
     * sound), so a recording of any length is classified in the memory of its timeline.
     */
    public RecordingClassification classify(Path wav) throws UnreadableRecordingException {
        return classify(wav, () -> WavStream.open(wav).resampledTo(settings.sampleRate()));
    }

    /**
     * Classifies every window of a recording. Windows more than the model's silence threshold below the recording's
     * loudest window, or below its silence floor, are silence and are not classified, exactly as in training; a
     * recording without any other window is the model's {@link SoundModel#silenceLabel()}. Otherwise the recording is
     * the label with the highest mean probability over the classified windows, except that a model with background
     * labels calls it a sound when at least {@link #SOUND_SHARE} of those windows are heard as a sound: a click in a
     * stretch of room noise is a click.
     */
    public RecordingClassification classify(Recording recording) {
        try {
            return classify(recording.source(),
                    () -> SampleStream.of(recording).resampledTo(settings.sampleRate()));
        } catch (UnreadableRecordingException e) {
            throw new IllegalStateException("audio in memory cannot fail to be read", e);
        }
    }

    /** A way to read the same audio again from its start, at the model's rate. */
    private interface Audio {
        SampleStream open() throws UnreadableRecordingException;
    }

    private RecordingClassification classify(Path source, Audio audio) throws UnreadableRecordingException {
        int window = settings.windowSamples();
        double[] levels;
        double duration;
        try (SampleStream stream = audio.open()) {
            duration = stream.durationSeconds();
            StreamedWindows windows = new StreamedWindows(stream, window, settings.hopSamples(), 0);
            levels = new double[Math.toIntExact(windows.count())];
            while (windows.next()) {
                levels[(int) windows.index()] = SoundWindows.levelDbfs(windows.samples(), windows.offset(), window);
            }
        }
        double loudest = Double.NEGATIVE_INFINITY;
        for (double level : levels) {
            loudest = Math.max(loudest, level);
        }
        double threshold = SoundWindows.soundThreshold(loudest, settings);
        List<String> labels = model.labels();
        double[] p = new double[labels.size()];
        List<WindowResult> timeline = new ArrayList<>(levels.length);
        Prediction quiet = Prediction.silence(model.silenceLabel());
        ClipVote vote = new ClipVote(labels, model.descriptor().background());
        try (SampleStream stream = audio.open()) {
            StreamedWindows windows = new StreamedWindows(stream, window, settings.hopSamples(),
                    extractor.historySamples());
            while (windows.next()) {
                double level = levels[(int) windows.index()];
                double seconds = windows.start() / (double) settings.sampleRate();
                if (level >= threshold) {
                    probabilities(windows.samples(), windows.offset(), p);
                    vote.add(p);
                    timeline.add(new WindowResult(seconds, level, Prediction.of(labels, p)));
                } else {
                    timeline.add(new WindowResult(seconds, level, quiet));
                }
            }
        }
        Prediction overall = quiet;
        int winner = vote.winner();
        if (winner >= 0) {
            double[] mean = vote.mean();
            overall = new Prediction(labels.get(winner), mean[winner], Prediction.of(labels, mean).probabilities());
        }
        return new RecordingClassification(source, duration, timeline, overall);
    }
}
