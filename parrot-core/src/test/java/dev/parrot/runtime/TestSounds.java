package dev.parrot.runtime;

import dev.parrot.audio.WavWriter;
import dev.parrot.features.FeatureSettings;
import dev.parrot.testing.Signals;
import dev.parrot.training.SoundModelTrainer;
import dev.parrot.training.TrainingRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Comparator;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Recordings of three sounds a model tells apart easily (a low tone, a high tone, a noise burst) and models trained
 * on them once per test run, so that the runtime tests check the runtime rather than how hard sounds are.
 */
public final class TestSounds {

    public static final int RATE = 16_000;
    public static final String[] SOUNDS = {"low", "high", "rush"};
    /** The kinds the test models are trained with: "rush" is held, like a hiss. */
    public static final Map<String, SoundKind> KINDS = Map.of("low", SoundKind.SHORT, "high", SoundKind.SHORT,
            "rush", SoundKind.HELD);

    private static SoundModel plain;
    private static SoundModel withContext;

    private TestSounds() {
    }

    /**
     * {@code seconds} of one sound, deterministic for a seed. The noise is a dense mix of partials below 5 kHz, so
     * that resampling (which cuts near 8 kHz) leaves every sound as it was.
     */
    public static float[] sound(String sound, double seconds, int rate, long seed) {
        Random random = new Random(seed);
        float[] x = new float[(int) (seconds * rate)];
        double drift = 1 + 0.03 * random.nextGaussian();
        double[] partials = new double[30];
        double[] phases = new double[partials.length];
        for (int k = 0; k < partials.length; k++) {
            partials[k] = 400 + 4600 * random.nextDouble();
            phases[k] = 2 * Math.PI * random.nextDouble();
        }
        for (int i = 0; i < x.length; i++) {
            double t = i / (double) rate;
            double fade = Math.min(1, Math.min(t, seconds - t) / 0.01);
            double v = switch (sound) {
                case "low" -> 0.5 * Math.sin(2 * Math.PI * 300 * drift * t);
                case "high" -> 0.5 * Math.sin(2 * Math.PI * 3000 * drift * t);
                case "rush" -> {
                    double sum = 0;
                    for (int k = 0; k < partials.length; k++) {
                        sum += Math.sin(2 * Math.PI * partials[k] * t + phases[k]);
                    }
                    yield 0.3 / Math.sqrt(partials.length / 2.0) * sum;
                }
                default -> throw new IllegalArgumentException(sound);
            };
            x[i] = (float) (fade * v);
        }
        return x;
    }

    /** Near-silence: room noise far below any sound, and below the silence floor. */
    public static float[] quiet(double seconds, int rate, long seed) {
        Random random = new Random(seed);
        float[] x = new float[(int) (seconds * rate)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.0001 * random.nextGaussian());
        }
        return x;
    }

    /** A take as a user records it: a little quiet, the sound, a little quiet. */
    public static float[] take(String sound, int rate, long seed) {
        return Signals.concat(quiet(0.1, rate, seed), sound(sound, 0.25, rate, seed + 1), quiet(0.1, rate, seed + 2));
    }

    /** {@code takes} recordings of each sound under {@code <folder>/<sound>/}. */
    public static void writeRecordings(Path folder, int takes, long seed) throws IOException {
        for (String sound : SOUNDS) {
            for (int t = 0; t < takes; t++) {
                WavWriter.writePcm16(folder.resolve(sound).resolve(sound + "_" + t + ".wav"),
                        take(sound, RATE, seed + 100L * t + sound.hashCode()), RATE);
            }
        }
    }

    /** Trains a small model into {@code target/runtime-test/<name>} and returns its descriptor file. */
    public static Path train(String name, FeatureSettings features) throws Exception {
        Path root = Path.of("target", "runtime-test", name).toAbsolutePath();
        Path recordings = root.resolve("recordings");
        if (!holdsExactly(recordings, SOUNDS)) {
            // Left by a build whose test sounds had other names (target is not cleaned between builds).
            deleteTree(recordings);
            writeRecordings(recordings, 6, 1);
        }
        TrainingRequest request = TrainingRequest.defaults(recordings, root.resolve("models"), name)
                .withClassifier("random-forest", "-I 10")
                .withSeedAndFolds(42, 2)
                .withFeatures(features)
                // Two short sounds and a held one, set rather than inferred: takes of 0.25 s sit at the border.
                .toBuilder().soundKinds(KINDS).build();
        return new SoundModelTrainer().train(request).files().descriptorFile();
    }

    private static boolean holdsExactly(Path folder, String[] sounds) throws IOException {
        if (!Files.isDirectory(folder)) {
            return false;
        }
        try (Stream<Path> children = Files.list(folder)) {
            return children.map(p -> p.getFileName().toString()).collect(Collectors.toSet())
                    .equals(Set.of(sounds));
        }
    }

    private static void deleteTree(Path folder) throws IOException {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    public static synchronized SoundModel model() throws Exception {
        if (plain == null) {
            plain = SoundModel.load(train("plain", FeatureSettings.defaults()));
        }
        return plain;
    }

    /** A model whose features carry the two windows before each window. */
    public static synchronized SoundModel contextModel() throws Exception {
        if (withContext == null) {
            withContext = SoundModel.load(train("context", FeatureSettings.defaults().withContextWindows(2)));
        }
        return withContext;
    }

    public static Path modelFile() throws Exception {
        model();
        return Path.of("target", "runtime-test", "plain", "models", "plain.json").toAbsolutePath();
    }
}
