package dev.parrot.training;

import dev.parrot.ProgressLog;
import dev.parrot.audio.UnreadableRecordingException;
import dev.parrot.audio.WavDecoder;
import dev.parrot.calibration.SimulatedStream;
import dev.parrot.calibration.SoundKinds;
import dev.parrot.calibration.StreamReplay;
import dev.parrot.dataset.RecordingFeatures;
import dev.parrot.dataset.SoundDataset;
import dev.parrot.evaluation.CrossValidation;
import dev.parrot.features.FeatureExtractor;
import dev.parrot.features.FeatureSettings;
import dev.parrot.features.OnsetFeatures;
import dev.parrot.features.SoundWindows;
import dev.parrot.model.DetectionCalibration;
import dev.parrot.model.ModelInput;
import dev.parrot.onsets.OnsetExamples;
import dev.parrot.onsets.OnsetLearner;
import dev.parrot.runtime.DetectionSettings;
import dev.parrot.runtime.OnsetRule;
import dev.parrot.runtime.SoundKind;
import weka.classifiers.Classifier;
import weka.core.Instances;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The material of calibration on simulated streams, made fold by fold as cross-validation trains its models: each
 * fold's held-out takes placed at random live levels and gaps between stretches of its held-out background recordings
 * ({@link SimulatedStream}), and what the fold's window model and an onset model trained without the fold's
 * recordings say of that stream ({@link StreamReplay}). So the detector that calibration replays has never heard the
 * takes, nor the background, it is judged on, as a user's detector has never heard the next click.
 */
final class StreamFolds implements CrossValidation.FoldObserver {

    private final SoundDataset dataset;
    private final OnsetExamples.Examples examples;
    private final OnsetLearner learner;
    private final Map<String, SoundKinds.Choice> kinds;
    private final Instances header;
    private final Path recordingsDirectory;
    private final String name;
    private final long seed;
    private final ProgressLog log;
    private final FeatureSettings settings;
    private final StreamReplay replay;
    private final DetectionSettings rule = DetectionSettings.onsets();
    private final boolean anyHeld;

    StreamFolds(TrainingRequest request, SoundDataset dataset, OnsetExamples.Examples examples, OnsetLearner learner,
            Map<String, SoundKinds.Choice> kinds, Instances header) {
        this.dataset = dataset;
        this.examples = examples;
        this.learner = learner;
        this.kinds = kinds;
        this.header = header;
        this.recordingsDirectory = request.recordingsDirectory();
        this.name = request.modelName();
        this.seed = request.seed();
        this.log = request.log();
        this.settings = request.features();
        this.replay = new StreamReplay(settings.sampleRate(), settings.hopSamples(), settings.windowSamples(),
                OnsetLearner.DEFAULT_SEGMENT_MILLIS / 1000.0);
        this.anyHeld = kinds.values().stream().anyMatch(c -> c.kind() == SoundKind.HELD);
    }

    StreamReplay replay() {
        return replay;
    }

    /** What the streams were, for the model JSON. */
    DetectionCalibration.Streams description() {
        List<String> background = dataset.background().isEmpty() || examples.background().isEmpty() ? null
                : dataset.background();
        return new DetectionCalibration.Streams(replay.count(), round(replay.seconds() / 60),
                round(replay.backgroundSeconds() / 60), background, OnsetLearner.DEFAULT_SEGMENT_MILLIS);
    }

    @Override
    public void fold(int fold, Classifier model, List<Integer> heldOut) throws Exception {
        long started = System.nanoTime();
        List<RecordingFeatures> recordings = dataset.recordings();
        Set<String> heldParts = new HashSet<>();
        for (int i : heldOut) {
            heldParts.add(key(recordings.get(i).file(), recordings.get(i).part()));
        }
        List<RecordingFeatures> groups = examples.groups().stream()
                .filter(g -> !heldParts.contains(key(g.file(), g.part()))).toList();
        OnsetLearner.Trained onsets = learner.train(name, examples.classes(), groups, seed + fold);

        List<SimulatedStream.Take> takes = new ArrayList<>();
        List<float[]> beds = new ArrayList<>();
        for (int i : heldOut) {
            RecordingFeatures r = recordings.get(i);
            if (dataset.background().contains(r.sound())) {
                float[] whole = examples.background().get(r.file());
                if (whole != null) {
                    beds.add(part(whole, r.part()));
                }
            } else if (r.part().isEmpty()) {
                try {
                    float[] samples = WavDecoder.read(recordingsDirectory.resolve(r.file()))
                            .resampledTo(settings.sampleRate()).samples();
                    takes.add(take(samples, r.sound()));
                } catch (UnreadableRecordingException e) {
                    // Read a moment ago; gone since. The stream goes without it.
                }
            }
        }
        // A long recording's segments are placed as its takes would be: those that start in the fold's parts of it.
        for (OnsetExamples.SegmentSound s : examples.segmentSounds()) {
            if (heldParts.contains(key(s.file(), s.part()))) {
                takes.add(take(s.samples(), s.sound()));
            }
        }
        SimulatedStream.Built stream = SimulatedStream.build(takes, beds, settings.sampleRate(),
                new Random(seed * 1_000_033L + fold));
        replay.add(judge(stream, model, onsets));
        log.info(String.format(Locale.ROOT, "  fold %d: a simulated stream of %.1f min (%d sounds, %.1f min of %s)"
                        + " judged by the fold's models (%.1f s)", fold + 1, stream.seconds() / 60, takes.size(),
                stream.backgroundSeconds() / 60, beds.isEmpty() ? "quiet room" : "background",
                (System.nanoTime() - started) / 1e9));
    }

    private SimulatedStream.Take take(float[] samples, String sound) {
        SoundKinds.Choice kind = kinds.get(sound);
        return new SimulatedStream.Take(samples, dataset.sounds().indexOf(sound),
                kind != null && kind.kind() == SoundKind.HELD);
    }

    /**
     * Which cross-validation unit examples belong to: a take's file, or the part of a long or background recording,
     * known by the second it starts at (a recording read only in part names its last part's end otherwise).
     */
    static String key(String file, String part) {
        return part.isEmpty() ? file : file + "@" + RecordingFeatures.partStartSeconds(part);
    }

    /** What the fold's models say of the stream: every window's level, and the probabilities decisions ask for. */
    private StreamReplay.Stream judge(SimulatedStream.Built built, Classifier model, OnsetLearner.Trained onsets)
            throws Exception {
        float[] samples = built.samples();
        int window = settings.windowSamples();
        int[] starts = SoundWindows.allStarts(samples.length, settings);
        double[] levels = new double[starts.length];
        for (int w = 0; w < starts.length; w++) {
            levels[w] = SoundWindows.levelDbfs(samples, starts[w], window);
        }
        // Held sounds are judged on every window loud enough; short ones only on onset segments.
        float[][] rows = new float[starts.length][];
        if (anyHeld) {
            FeatureExtractor extractor = new FeatureExtractor(settings);
            float[] vector = new float[extractor.dimension()];
            for (int w = 0; w < starts.length; w++) {
                if (levels[w] >= rule.minimumLevelDbfs()) {
                    extractor.extract(samples, starts[w], vector);
                    double[] d = model.distributionForInstance(ModelInput.instance(header, vector));
                    rows[w] = new float[d.length];
                    for (int i = 0; i < d.length; i++) {
                        rows[w][i] = (float) d[i];
                    }
                }
            }
        }
        Map<Long, double[]> onsetProbabilities = new HashMap<>();
        OnsetFeatures features = new OnsetFeatures(settings, onsets.description().segmentMillis());
        float[] vector = new float[features.dimension()];
        OnsetRule onsetRule = new OnsetRule(rule, settings.hopSamples() / (double) settings.sampleRate());
        for (int w = 0; w < starts.length; w++) {
            if (onsetRule.next(levels[w])) {
                features.extract(samples, starts[w], vector);
                onsetProbabilities.put((long) starts[w], onsets.classifier().distributionForInstance(
                        ModelInput.instance(onsets.header(), vector)));
            }
        }
        return new StreamReplay.Stream(levels, rows, onsetProbabilities, built.truth(), built.backgroundSeconds());
    }

    /** The audio of a part of a background recording ({@code m:ss-m:ss}), or the whole when it is not a part. */
    static float[] part(float[] whole, String part, int rate) {
        if (part.indexOf('-') < 0) {
            return whole;
        }
        int from = (int) Math.min(whole.length, (long) RecordingFeatures.partStartSeconds(part) * rate);
        int to = (int) Math.min(whole.length, (long) RecordingFeatures.partEndSeconds(part) * rate);
        return Arrays.copyOfRange(whole, from, Math.max(from, to));
    }

    private float[] part(float[] whole, String part) {
        return part(whole, part, settings.sampleRate());
    }

    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
