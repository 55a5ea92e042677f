package dev.parrot.benchmarks;

import dev.parrot.ProgressLog;
import dev.parrot.dataset.DatasetReader;
import dev.parrot.dataset.SoundDataset;
import dev.parrot.dataset.TrainingSet;
import dev.parrot.model.LoadedClassifier;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.ModelFiles;
import dev.parrot.training.ClassifierType;
import dev.parrot.training.TrainingRequest;
import weka.classifiers.Classifier;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.SerializationHelper;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * The default model of the sample recordings in its two file formats: the forest as data (what {@code parrot:train}
 * writes) and Java's serialisation of the same forest (what it wrote before). Prints each file's size and how long
 * reading it takes (median of repeated reads in one JVM, after warm-up), and checks that both give the same
 * probabilities on every window trained on.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.parrot.benchmarks.ModelFileFormats [reads]</pre>
 */
public final class ModelFileFormats {

    public static void main(String[] args) throws Exception {
        int reads = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        Path out = Files.createTempDirectory("parrot-bench-formats");
        TrainingRequest request = TrainingRequest.defaults(SampleModel.recordings(), out, "noises")
                .withSeedAndFolds(42, 2);
        SoundDataset dataset = new DatasetReader(request.features(), request.threads(), ProgressLog.SILENT,
                request.dataset()).read(request.recordingsDirectory(), request.sounds());
        Instances header = TrainingSet.header("noises", dataset.featureNames(), dataset.sounds());
        Instances data = TrainingSet.build(header, dataset.sounds(), dataset.recordings(), request.balance(),
                request.seed()).data();
        Classifier forest = ClassifierType.create(request.classifier(), request.classifierOptions(),
                (int) request.seed(), request.threads());
        forest.buildClassifier(data);

        ModelFiles asData = new ModelFiles(out.resolve("data"), "noises");
        asData.write(forest, header, new ModelDescriptor(ModelDescriptor.FORMAT_VERSION, "noises", null, null,
                dataset.sounds(), null, null, null, null));
        ModelFiles serialised = new ModelFiles(out.resolve("java"), "noises");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        SerializationHelper.writeAll(bytes, new Object[] {forest, new Instances(header, 0)});
        Files.createDirectories(serialised.classifierFile().getParent());
        Files.write(serialised.classifierFile(), bytes.toByteArray());

        LoadedClassifier a = asData.readClassifier();
        LoadedClassifier b = serialised.readClassifier();
        for (Instance window : data) {
            double[] expected = forest.distributionForInstance(window);
            if (!Arrays.equals(expected, a.classifier().distributionForInstance(window))
                    || !Arrays.equals(expected, b.classifier().distributionForInstance(window))) {
                throw new AssertionError("a format changed the probabilities of a window");
            }
        }
        System.out.printf(Locale.ROOT, "%s on %d windows of %d sounds; same probabilities from both files on all%n",
                request.classifier(), data.numInstances(), dataset.sounds().size());
        report("forest format", asData, reads);
        report("Java serialisation", serialised, reads);
        try (var tree = Files.walk(out)) {
            tree.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    private static void report(String format, ModelFiles files, int reads) throws Exception {
        for (int i = 0; i < reads; i++) {
            files.readClassifier();
        }
        long[] nanos = new long[reads];
        for (int i = 0; i < reads; i++) {
            long t0 = System.nanoTime();
            files.readClassifier();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        System.out.printf(Locale.ROOT, "%-20s %9d bytes  read in %6.2f ms (median of %d, p90 %.2f ms)%n", format,
                Files.size(files.classifierFile()), nanos[reads / 2] / 1e6, reads, nanos[reads * 9 / 10] / 1e6);
    }
}
