package dev.parrot.training;

import dev.parrot.ProgressLog;
import dev.parrot.augmentation.AugmentationSettings;
import dev.parrot.calibration.ThresholdCalibration;
import dev.parrot.dataset.DatasetOptions;
import dev.parrot.features.FeatureSettings;

import java.nio.file.Path;
import java.util.List;

/**
 * Everything one training run needs. The Maven goal fills it from its parameters; programs can build one directly.
 *
 * @param recordingsDirectory one sub-folder of WAV files per sound
 * @param sounds the sounds to learn; empty for every sound folder
 * @param outputDirectory where {@code <modelName>.model} and {@code <modelName>.json} go
 * @param modelName the file names of the model, without extension
 * @param balance Parrot.py's automatic data set balancing on or off
 * @param classifier a friendly name ({@link ClassifierType}) or a Weka class name
 * @param classifierOptions Weka options over the learner's defaults, may be empty
 * @param seed the seed of every random choice
 * @param folds cross-validation folds
 * @param threads threads for reading recordings and for learners that can use them
 * @param features the feature settings
 * @param log where progress goes
 * @param dataset background labels, the silence between sounds, microphone folders, where detected segments go
 * @param augmentation the varied copies of the recordings trained on beside them
 * @param falseAlarmsPerMinute the false alarms each sound's calibrated threshold may give per minute of background
 */
public record TrainingRequest(Path recordingsDirectory, List<String> sounds, Path outputDirectory, String modelName,
        boolean balance, String classifier, String classifierOptions, long seed, int folds, int threads,
        FeatureSettings features, ProgressLog log, DatasetOptions dataset, AugmentationSettings augmentation,
        double falseAlarmsPerMinute) {

    public TrainingRequest {
        if (dataset == null) {
            dataset = DatasetOptions.defaults(defaultSegmentsDirectory(outputDirectory));
        }
        if (augmentation == null) {
            augmentation = DEFAULT_AUGMENTATION;
        }
    }

    /** A request with the default target of false alarms. */
    public TrainingRequest(Path recordingsDirectory, List<String> sounds, Path outputDirectory, String modelName,
            boolean balance, String classifier, String classifierOptions, long seed, int folds, int threads,
            FeatureSettings features, ProgressLog log, DatasetOptions dataset, AugmentationSettings augmentation) {
        this(recordingsDirectory, sounds, outputDirectory, modelName, balance, classifier, classifierOptions, seed,
                folds, threads, features, log, dataset, augmentation,
                ThresholdCalibration.DEFAULT_FALSE_ALARMS_PER_MINUTE);
    }

    /** A request with the default dataset options. */
    public TrainingRequest(Path recordingsDirectory, List<String> sounds, Path outputDirectory, String modelName,
            boolean balance, String classifier, String classifierOptions, long seed, int folds, int threads,
            FeatureSettings features, ProgressLog log) {
        this(recordingsDirectory, sounds, outputDirectory, modelName, balance, classifier, classifierOptions, seed,
                folds, threads, features, log, null, null, ThresholdCalibration.DEFAULT_FALSE_ALARMS_PER_MINUTE);
    }

    /** {@code target/parrot/segments} for models written to {@code target/models}: beside the output folder. */
    static Path defaultSegmentsDirectory(Path outputDirectory) {
        Path parent = outputDirectory == null ? null : outputDirectory.toAbsolutePath().getParent();
        return parent == null ? null : parent.resolve("parrot").resolve("segments");
    }

    public TrainingRequest withDataset(DatasetOptions options) {
        return new TrainingRequest(recordingsDirectory, sounds, outputDirectory, modelName, balance, classifier,
                classifierOptions, seed, folds, threads, features, log, options, augmentation, falseAlarmsPerMinute);
    }

    public static final String DEFAULT_CLASSIFIER = "fast-forest";
    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_FOLDS = 5;
    /** Off: on drums from a source the model never heard it did not raise accuracy (see the benchmarks page). */
    public static final AugmentationSettings DEFAULT_AUGMENTATION = AugmentationSettings.off();

    /** A request with Parrot's defaults for everything but the folders and the name. */
    public static TrainingRequest defaults(Path recordingsDirectory, Path outputDirectory, String modelName) {
        return new TrainingRequest(recordingsDirectory, List.of(), outputDirectory, modelName, true,
                DEFAULT_CLASSIFIER, "", DEFAULT_SEED, DEFAULT_FOLDS, Runtime.getRuntime().availableProcessors(),
                FeatureSettings.defaults(), ProgressLog.SILENT);
    }

    public TrainingRequest withLog(ProgressLog newLog) {
        return new TrainingRequest(recordingsDirectory, sounds, outputDirectory, modelName, balance, classifier,
                classifierOptions, seed, folds, threads, features, newLog, dataset, augmentation, falseAlarmsPerMinute);
    }

    public TrainingRequest withClassifier(String name, String options) {
        return new TrainingRequest(recordingsDirectory, sounds, outputDirectory, modelName, balance, name, options,
                seed, folds, threads, features, log, dataset, augmentation, falseAlarmsPerMinute);
    }

    public TrainingRequest withSounds(List<String> chosen) {
        return new TrainingRequest(recordingsDirectory, chosen, outputDirectory, modelName, balance, classifier,
                classifierOptions, seed, folds, threads, features, log, dataset, augmentation, falseAlarmsPerMinute);
    }

    public TrainingRequest withBalance(boolean on) {
        return new TrainingRequest(recordingsDirectory, sounds, outputDirectory, modelName, on, classifier,
                classifierOptions, seed, folds, threads, features, log, dataset, augmentation, falseAlarmsPerMinute);
    }

    public TrainingRequest withSeedAndFolds(long newSeed, int newFolds) {
        return new TrainingRequest(recordingsDirectory, sounds, outputDirectory, modelName, balance, classifier,
                classifierOptions, newSeed, newFolds, threads, features, log, dataset, augmentation,
                falseAlarmsPerMinute);
    }

    public TrainingRequest withAugmentation(AugmentationSettings settings) {
        return new TrainingRequest(recordingsDirectory, sounds, outputDirectory, modelName, balance, classifier,
                classifierOptions, seed, folds, threads, features, log, dataset, settings, falseAlarmsPerMinute);
    }

    public TrainingRequest withFalseAlarmsPerMinute(double rate) {
        return new TrainingRequest(recordingsDirectory, sounds, outputDirectory, modelName, balance, classifier,
                classifierOptions, seed, folds, threads, features, log, dataset, augmentation, rate);
    }

    public TrainingRequest withFeatures(FeatureSettings settings) {
        return new TrainingRequest(recordingsDirectory, sounds, outputDirectory, modelName, balance, classifier,
                classifierOptions, seed, folds, threads, settings, log, dataset, augmentation, falseAlarmsPerMinute);
    }
}
