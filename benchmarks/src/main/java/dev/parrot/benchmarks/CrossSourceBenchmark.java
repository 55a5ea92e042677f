package dev.parrot.benchmarks;


import dev.parrot.ProgressLog;
import dev.parrot.audio.UnreadableRecordingException;
import dev.parrot.dataset.DatasetReader;
import dev.parrot.dataset.SoundDataset;
import dev.parrot.features.FeatureSettings;
import dev.parrot.model.AugmentationSettings;
import dev.parrot.model.LoadedClassifier;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.runtime.Prediction;
import dev.parrot.runtime.SoundClassifier;
import dev.parrot.runtime.SoundModel;
import dev.parrot.training.SoundModelTrainer;
import dev.parrot.training.TrainingRequest;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Trains on the recordings of one source with {@link SoundModelTrainer}, exactly as {@code parrot:train} does, and
 * recognises every recording of another source as a whole: a clip's label is the sound with the highest mean
 * probability over the clip's windows that hold sound, the rule of the reference pipeline. Prints one JSON line.
 *
 * <pre>
 * usage: CrossSourceBenchmark TRAIN_DIR TEST_DIR [--classifier NAME] [--options "WEKA OPTIONS"] [--folds K]
 *                             [--threads N] [--context WINDOWS] [--seeds N] [--augment N|V1,...,V12]
 *                             [--out DIR] [--quiet]
 *        CrossSourceBenchmark --loso SPLIT_DIR --sources A,B,C,D [the same options]
 * </pre>
 *
 * <p>With {@code --loso}, leave one source out: for each source S, train on {@code SPLIT_DIR/without-S} (every other
 * source) and test on {@code SPLIT_DIR/S}, all folds in this one JVM (run.py makes the folders). Prints one JSON
 * line with each fold's clip accuracy and their mean; the training and throughput measurements are left out.
 *
 * <p>Measured: the training wall and CPU time of the first run, in a fresh JVM as {@code parrot:train} runs (the
 * whole {@link SoundModelTrainer#train} call: decoding, features, balancing, cross-validation, final model,
 * writing), the peak heap after it (sum of the peaks of the heap pools, an upper bound of what was in use at once),
 * and afterwards, single-threaded, how many windows per second decoding plus feature extraction handles over the
 * train and test recordings. With {@code --seeds N} the training is repeated with seeds 1 to N and the clip
 * accuracy is their mean (with min and max): on a few dozen test clips one seed can be a clip or two off.
 */
public final class CrossSourceBenchmark {

    private CrossSourceBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>();
        List<String> positional = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--quiet")) {
                options.put("quiet", "true");
            } else if (args[i].startsWith("--")) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                positional.add(args[i]);
            }
        }
        boolean loso = options.containsKey("loso");
        if (loso ? !positional.isEmpty() || !options.containsKey("sources") : positional.size() != 2) {
            System.err.println("usage: CrossSourceBenchmark TRAIN_DIR TEST_DIR [--classifier NAME] [--options OPTS]"
                    + " [--folds K] [--threads N] [--context WINDOWS] [--seeds N] [--out DIR] [--quiet]\n"
                    + "       CrossSourceBenchmark --loso SPLIT_DIR --sources A,B,... [the same options]");
            System.exit(2);
        }
        Path train = loso ? Path.of(options.get("loso")) : Path.of(positional.get(0));
        Path test = loso ? train : Path.of(positional.get(1));
        Path out = options.containsKey("out") ? Path.of(options.get("out"))
                : Files.createTempDirectory("parrot-bench-model");
        int threads = Integer.parseInt(options.getOrDefault("threads",
                Integer.toString(Runtime.getRuntime().availableProcessors())));
        FeatureSettings features = FeatureSettings.defaults();
        if (options.containsKey("context")) {
            features = features.withContextWindows(Integer.parseInt(options.get("context")));
        }
        ProgressLog log = options.containsKey("quiet") ? ProgressLog.SILENT : new StderrLog();
        TrainingRequest request = TrainingRequest.defaults(train, out, "bench")
                .withClassifier(options.getOrDefault("classifier", TrainingRequest.DEFAULT_CLASSIFIER),
                        options.getOrDefault("options", ""))
                .withSeedAndFolds(TrainingRequest.DEFAULT_SEED,
                        Integer.parseInt(options.getOrDefault("folds", Integer.toString(TrainingRequest.DEFAULT_FOLDS))))
                .withFeatures(features)
                .withLog(log);
        request = request.toBuilder().threads(threads)
                .augmentation(options.containsKey("augment") ? augmentation(options.get("augment"))
                        : request.augmentation())
                .build();

        int seeds = Integer.parseInt(options.getOrDefault("seeds", "1"));
        if (loso) {
            System.out.println(toJson(leaveOneSourceOut(request, train, List.of(options.get("sources").split(",")),
                    seeds, log)));
            return;
        }
        List<Double> accuracies = new ArrayList<>();
        List<Double> cvAccuracies = new ArrayList<>();
        List<Double> warmSeconds = new ArrayList<>();
        double trainSeconds = 0;
        double trainCpuSeconds = 0;
        long peakHeap = 0;
        ModelDescriptor descriptor = null;
        ClipScore first = null;
        for (int s = 0; s < seeds; s++) {
            long seed = seeds == 1 ? TrainingRequest.DEFAULT_SEED : s + 1;
            TrainingRequest seeded = request.withSeedAndFolds(seed, request.folds());
            long cpu = processCpuNanos();
            long started = System.nanoTime();
            SoundModelTrainer.TrainingResult result = new SoundModelTrainer().train(seeded);
            double seconds = (System.nanoTime() - started) / 1e9;
            if (s == 0) {
                trainSeconds = seconds;
                trainCpuSeconds = (processCpuNanos() - cpu) / 1e9;
                peakHeap = peakHeapBytes();
            } else {
                warmSeconds.add(seconds);
            }
            ClipScore score = classifyClips(test, SoundModel.load(result.files().descriptorFile()), log);
            accuracies.add(score.accuracy());
            cvAccuracies.add(result.descriptor().evaluation().clipAccuracy());
            if (s == 0) {
                descriptor = result.descriptor();
                first = score;
            }
        }

        Throughput throughput = featureThroughput(features, train, test);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("clip_accuracy", round(mean(accuracies), 4));
        json.put("clip_accuracy_min", round(accuracies.stream().mapToDouble(d -> d).min().orElse(0), 4));
        json.put("clip_accuracy_max", round(accuracies.stream().mapToDouble(d -> d).max().orElse(0), 4));
        json.put("seeds", seeds);
        json.put("test_clips", first.clips());
        json.put("train_windows", descriptor.evaluation().windows());
        json.put("grouped_cv_accuracy", round(descriptor.evaluation().accuracy(), 4));
        json.put("grouped_cv_clip_accuracy", round(mean(cvAccuracies), 4));
        json.put("train_s", round(trainSeconds, 2));
        json.put("train_cpu_s", round(trainCpuSeconds, 2));
        if (!warmSeconds.isEmpty()) {
            json.put("train_warm_s", round(median(warmSeconds), 2));
        }
        json.put("peak_heap_mb", round(peakHeap / 1048576.0, 1));
        json.put("feature_windows", throughput.windows());
        json.put("feature_windows_per_s", Math.round(throughput.windows() / throughput.seconds()));
        json.put("classifier", descriptor.classifier().name() + " " + descriptor.classifier().options());
        json.put("feature_dimension", descriptor.features().dimension());
        json.put("confusion", first.confusion());
        System.out.println(toJson(json));
    }

    /**
     * Each source held out in turn: trained on {@code split/without-<source>}, tested on {@code split/<source>}, with
     * seeds 1 to {@code seeds} (or the default seed alone). The mean is over held-out sources, each weighing the same.
     */
    static Map<String, Object> leaveOneSourceOut(TrainingRequest request, Path split, List<String> sources, int seeds,
            ProgressLog log) throws Exception {
        List<Map<String, Object>> folds = new ArrayList<>();
        List<Double> foldMeans = new ArrayList<>();
        double trainSeconds = 0;
        ModelDescriptor descriptor = null;
        for (String source : sources) {
            List<Double> accuracies = new ArrayList<>();
            ClipScore first = null;
            for (int s = 0; s < seeds; s++) {
                long seed = seeds == 1 ? TrainingRequest.DEFAULT_SEED : s + 1;
                TrainingRequest fold = TrainingRequest.builder(split.resolve("without-" + source),
                                request.outputDirectory(), request.modelName())
                        .sounds(request.sounds()).balance(request.balance())
                        .classifier(request.classifier(), request.classifierOptions()).seed(seed)
                        .folds(request.folds()).threads(request.threads()).features(request.features())
                        .log(request.log()).dataset(request.dataset()).augmentation(request.augmentation()).build();
                long started = System.nanoTime();
                SoundModelTrainer.TrainingResult result = new SoundModelTrainer().train(fold);
                trainSeconds += (System.nanoTime() - started) / 1e9;
                ClipScore score = classifyClips(split.resolve(source),
                        SoundModel.load(result.files().descriptorFile()), log);
                accuracies.add(score.accuracy());
                if (first == null) {
                    first = score;
                    descriptor = result.descriptor();
                }
            }
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("held_out", source);
            row.put("test_clips", first.clips());
            row.put("clip_accuracy", round(mean(accuracies), 4));
            row.put("clip_accuracy_min", round(accuracies.stream().mapToDouble(d -> d).min().orElse(0), 4));
            row.put("clip_accuracy_max", round(accuracies.stream().mapToDouble(d -> d).max().orElse(0), 4));
            row.put("confusion", first.confusion());
            folds.add(row);
            foldMeans.add(mean(accuracies));
            log.info(String.format(Locale.ROOT, "held out %s: %.3f over %d clips", source,
                    mean(accuracies), first.clips()));
        }
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mean_clip_accuracy", round(mean(foldMeans), 4));
        json.put("seeds", seeds);
        json.put("train_s_total", round(trainSeconds, 2));
        json.put("classifier", descriptor.classifier().name() + " " + descriptor.classifier().options());
        json.put("feature_dimension", descriptor.features().dimension());
        json.put("augmentation", request.augmentation().describe());
        json.put("folds", folds);
        return json;
    }

    /**
     * {@code --augment N}: the standard ranges with N copies; {@code --augment 0}: off; {@code N+context}: the
     * standard ranges with every copy in context ({@link AugmentationSettings#withContext()}); or all twelve or
     * sixteen {@link AugmentationSettings} values, comma-separated, in their order.
     */
    static AugmentationSettings augmentation(String spec) {
        if (spec.endsWith("+context")) {
            return augmentation(spec.substring(0, spec.length() - "+context".length())).withContext();
        }
        String[] v = spec.split(",");
        if (v.length == 1) {
            int copies = Integer.parseInt(v[0]);
            return copies == 0 ? AugmentationSettings.off() : AugmentationSettings.standard(copies);
        }
        double[] d = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            d[i] = Double.parseDouble(v[i]);
        }
        AugmentationSettings settings = new AugmentationSettings((int) d[0], d[1], d[2], d[3], d[4], d[5], d[6],
                d[7], d[8], d[9], d[10], d[11]);
        return d.length == 16 ? settings.withContext(d[12], d[13], d[14], d[15]) : settings;
    }

    static double mean(List<Double> values) {
        return values.stream().mapToDouble(d -> d).average().orElse(0);
    }

    static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** Clip accuracy on every recording under {@code testDir} of a sound the model knows. */
    static ClipScore classifyClips(Path testDir, SoundModel model, ProgressLog log) throws Exception {
        // The runtime's own clip rule: the most probable sound over the mean of the windows that hold sound.
        SoundClassifier classifier = model.newClassifier();
        List<String> labels = model.labels();
        Map<String, Map<String, Integer>> confusion = new LinkedHashMap<>();
        int right = 0;
        int clips = 0;
        for (String sound : DatasetReader.discoverSounds(testDir)) {
            if (!labels.contains(sound)) {
                continue;
            }
            Map<String, Integer> row = new LinkedHashMap<>();
            confusion.put(sound, row);
            for (Path file : DatasetReader.wavFiles(testDir.resolve(sound))) {
                Prediction overall;
                try {
                    overall = classifier.classify(file).overall();
                } catch (UnreadableRecordingException e) {
                    log.warn("test clip skipped: " + file + ": " + e.reason());
                    continue;
                }
                if (overall.isSilence()) {
                    log.warn("test clip skipped: " + file + ": silent");
                    continue;
                }
                String predicted = overall.label();
                row.merge(predicted, 1, Integer::sum);
                clips++;
                if (predicted.equals(sound)) {
                    right++;
                }
            }
        }
        return new ClipScore(clips == 0 ? 0 : right / (double) clips, clips, confusion);
    }

    /** Decoding plus features of every window with sound, one thread, so that it compares with the reference's. */
    static Throughput featureThroughput(FeatureSettings settings, Path... dirs) throws Exception {
        DatasetReader reader = new DatasetReader(settings, 1, ProgressLog.SILENT);
        long started = System.nanoTime();
        long windows = 0;
        for (Path dir : dirs) {
            SoundDataset dataset = reader.read(dir, List.of());
            windows += dataset.windowCount();
        }
        return new Throughput(windows, (System.nanoTime() - started) / 1e9);
    }

    static long peakHeapBytes() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP && pool.getPeakUsage() != null) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }

    /** Just enough JSON for maps and lists of numbers, strings and nested maps. */
    static String toJson(Object value) {
        if (value instanceof Map<?, ?> map) {
            StringBuilder b = new StringBuilder("{");
            map.forEach((k, v) -> {
                if (b.length() > 1) {
                    b.append(", ");
                }
                b.append(toJson(k.toString())).append(": ").append(toJson(v));
            });
            return b.append('}').toString();
        }
        if (value instanceof List<?> list) {
            StringBuilder b = new StringBuilder("[");
            for (Object item : list) {
                if (b.length() > 1) {
                    b.append(", ");
                }
                b.append(toJson(item));
            }
            return b.append(']').toString();
        }
        if (value instanceof String s) {
            return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
        }
        return String.valueOf(value);
    }

    record ClipScore(double accuracy, int clips, Map<String, Map<String, Integer>> confusion) {
    }

    record Throughput(long windows, double seconds) {
    }

    /** Progress to stderr, so that stdout holds only the result. */
    static final class StderrLog implements ProgressLog {
        @Override
        public void info(String message) {
            System.err.println("[info] " + message);
        }

        @Override
        public void warn(String message) {
            System.err.println("[warn] " + message);
        }
    }
}
