package dev.parrot.benchmarks;

import dev.parrot.features.FeatureExtractor;
import dev.parrot.runtime.SoundClassifier;
import dev.parrot.runtime.SoundModel;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.concurrent.TimeUnit;

/**
 * What live recognition costs per window: one 30 ms window of audio to the probability of each sound (features and
 * classifier), and the features alone. Sampled per call, so the percentiles show the worst windows, not only the
 * mean: live recognition has to keep up every 15 ms.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(2)
public class WindowBenchmark {

    private SoundClassifier classifier;
    private FeatureExtractor extractor;
    private double[] probabilities;
    private float[] features;
    /** Windows that hold sound, from every sample recording, each with the audio around it. */
    private float[][] windows;
    private int[] offsets;
    private int next;

    @Setup(Level.Trial)
    public void trainAndLoad() throws Exception {
        SoundModel model = SoundModel.load(SampleModel.train());
        classifier = model.newClassifier();
        extractor = model.newFeatureExtractor();
        probabilities = new double[model.labels().size()];
        features = new float[extractor.dimension()];
        SampleModel.Windows sample = SampleModel.soundWindows(model.settings());
        windows = sample.audio();
        offsets = sample.offsets();
    }

    @Benchmark
    public double[] windowToProbabilities() {
        int i = next++ % windows.length;
        classifier.probabilities(windows[i], offsets[i], probabilities);
        return probabilities;
    }

    @Benchmark
    public float[] featuresOnly() {
        int i = next++ % windows.length;
        extractor.extract(windows[i], offsets[i], features);
        return features;
    }
}
