package dev.parrot.training;

import dev.parrot.ParrotException;
import dev.parrot.ProgressLog;
import dev.parrot.Setting;
import dev.parrot.calibration.ThresholdCalibration;
import dev.parrot.dataset.DatasetOptions;
import dev.parrot.features.FeatureSettings;
import dev.parrot.model.AugmentationSettings;

import dev.parrot.runtime.SoundKind;

import java.lang.reflect.RecordComponent;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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
 * @param soundKinds sounds whose kind (short or held) the user set; the others' kinds are inferred from their
 *        recordings
 */
public record TrainingRequest(Path recordingsDirectory, List<String> sounds, Path outputDirectory, String modelName,
        boolean balance, String classifier, String classifierOptions, long seed, int folds, int threads,
        FeatureSettings features, ProgressLog log, DatasetOptions dataset, AugmentationSettings augmentation,
        double falseAlarmsPerMinute, Map<String, SoundKind> soundKinds) {

    public TrainingRequest {
        soundKinds = soundKinds == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(soundKinds));
        if (dataset == null) {
            dataset = DatasetOptions.defaults(defaultSegmentsDirectory(outputDirectory));
        }
        if (augmentation == null) {
            augmentation = DEFAULT_AUGMENTATION;
        }
    }

    /**
     * Refuses a request that cannot train, before anything is read.
     *
     * @throws ParrotException naming the value at fault: folds, false alarms per minute, model name or augmentation
     */
    public void validate() throws ParrotException {
        if (folds < 2) {
            throw new ParrotException("Cross-validation needs at least 2 folds, not " + folds + ".", Setting.FOLDS);
        }
        if (!(falseAlarmsPerMinute >= 0) || Double.isInfinite(falseAlarmsPerMinute)) {
            throw new ParrotException("The target of false alarms per minute must be 0 or more, not "
                    + falseAlarmsPerMinute + ".", Setting.FALSE_ALARMS_PER_MINUTE);
        }
        if (modelName == null || modelName.isBlank() || !modelName.matches("[A-Za-z0-9._-]+")) {
            throw new ParrotException("Model name '" + modelName
                    + "' cannot be a file name: use letters, digits, '.', '_' and '-'.", Setting.MODEL_NAME);
        }
        if (augmentation.problem() != null) {
            throw new ParrotException("Cannot augment the recordings: " + augmentation.problem(), Setting.AUGMENTATION);
        }
    }

    /**
     * Components that do not change the model: where the files go and what they are called, where the recordings are
     * (their contents count, through the file list), threads (the result does not depend on them), and the log.
     */
    static final Set<String> NOT_MODEL_SETTINGS = Set.of("recordingsDirectory", "outputDirectory", "modelName",
            "threads", "log");

    /**
     * Every component that changes the model, by name in declaration order, for the fingerprint of an incremental
     * build. Read from the record's components rather than listed, so that a setting added later counts without
     * anyone remembering to add it here.
     */
    public Map<String, Object> modelSettings() {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (RecordComponent component : TrainingRequest.class.getRecordComponents()) {
            if (NOT_MODEL_SETTINGS.contains(component.getName())) {
                continue;
            }
            try {
                settings.put(component.getName(), component.getAccessor().invoke(this));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("Cannot read " + component.getName() + " of the request", e);
            }
        }
        return settings;
    }

    /** {@code target/parrot/segments} for models written to {@code target/models}: beside the output folder. */
    static Path defaultSegmentsDirectory(Path outputDirectory) {
        Path parent = outputDirectory == null ? null : outputDirectory.toAbsolutePath().getParent();
        return parent == null ? null : parent.resolve("parrot").resolve("segments");
    }

    public static final String DEFAULT_CLASSIFIER = "fast-forest";
    public static final long DEFAULT_SEED = 42;
    public static final int DEFAULT_FOLDS = 5;
    /** Off: on drums from a source the model never heard it did not raise accuracy (see the benchmarks page). */
    public static final AugmentationSettings DEFAULT_AUGMENTATION = AugmentationSettings.off();

    /** A request with Parrot's defaults for everything but the folders and the name. */
    public static TrainingRequest defaults(Path recordingsDirectory, Path outputDirectory, String modelName) {
        return builder(recordingsDirectory, outputDirectory, modelName).build();
    }

    /**
     * A builder starting from Parrot's defaults: every sound folder, balancing on, {@value #DEFAULT_CLASSIFIER}, seed
     * {@value #DEFAULT_SEED}, {@value #DEFAULT_FOLDS} folds, a thread per processor, the default features, dataset
     * options and augmentation, no log.
     */
    public static Builder builder(Path recordingsDirectory, Path outputDirectory, String modelName) {
        return new Builder(recordingsDirectory, outputDirectory, modelName);
    }

    /** A builder holding this request's values, to change some of them. */
    public Builder toBuilder() {
        return new Builder(recordingsDirectory, outputDirectory, modelName).sounds(sounds).balance(balance)
                .classifier(classifier, classifierOptions).seed(seed).folds(folds).threads(threads).features(features)
                .log(log).dataset(dataset).augmentation(augmentation).falseAlarmsPerMinute(falseAlarmsPerMinute)
                .soundKinds(soundKinds);
    }

    public TrainingRequest withDataset(DatasetOptions options) {
        return toBuilder().dataset(options).build();
    }

    public TrainingRequest withLog(ProgressLog newLog) {
        return toBuilder().log(newLog).build();
    }

    public TrainingRequest withClassifier(String name, String options) {
        return toBuilder().classifier(name, options).build();
    }

    public TrainingRequest withSounds(List<String> chosen) {
        return toBuilder().sounds(chosen).build();
    }

    public TrainingRequest withBalance(boolean on) {
        return toBuilder().balance(on).build();
    }

    public TrainingRequest withSeedAndFolds(long newSeed, int newFolds) {
        return toBuilder().seed(newSeed).folds(newFolds).build();
    }

    public TrainingRequest withAugmentation(AugmentationSettings settings) {
        return toBuilder().augmentation(settings).build();
    }

    public TrainingRequest withFalseAlarmsPerMinute(double rate) {
        return toBuilder().falseAlarmsPerMinute(rate).build();
    }

    public TrainingRequest withFeatures(FeatureSettings settings) {
        return toBuilder().features(settings).build();
    }

    /** Builds a request by name rather than by position; see {@link TrainingRequest#builder}. */
    public static final class Builder {
        private final Path recordingsDirectory;
        private final Path outputDirectory;
        private final String modelName;
        private List<String> sounds = List.of();
        private boolean balance = true;
        private String classifier = DEFAULT_CLASSIFIER;
        private String classifierOptions = "";
        private long seed = DEFAULT_SEED;
        private int folds = DEFAULT_FOLDS;
        private int threads = Runtime.getRuntime().availableProcessors();
        private FeatureSettings features = FeatureSettings.defaults();
        private ProgressLog log = ProgressLog.SILENT;
        private DatasetOptions dataset;
        private AugmentationSettings augmentation = DEFAULT_AUGMENTATION;
        private double falseAlarmsPerMinute = ThresholdCalibration.DEFAULT_FALSE_ALARMS_PER_MINUTE;
        private Map<String, SoundKind> soundKinds = new LinkedHashMap<>();

        private Builder(Path recordingsDirectory, Path outputDirectory, String modelName) {
            this.recordingsDirectory = recordingsDirectory;
            this.outputDirectory = outputDirectory;
            this.modelName = modelName;
        }

        /** The sounds to learn; empty (the default) for every sound folder. */
        public Builder sounds(List<String> chosen) {
            this.sounds = chosen == null ? List.of() : List.copyOf(chosen);
            return this;
        }

        public Builder balance(boolean on) {
            this.balance = on;
            return this;
        }

        /** A friendly name ({@link ClassifierType}) or a Weka class name, and Weka options over its defaults. */
        public Builder classifier(String name, String options) {
            this.classifier = name;
            this.classifierOptions = options == null ? "" : options;
            return this;
        }

        public Builder seed(long newSeed) {
            this.seed = newSeed;
            return this;
        }

        public Builder folds(int newFolds) {
            this.folds = newFolds;
            return this;
        }

        /** Threads for reading and learning; 0 or less for one per processor. */
        public Builder threads(int newThreads) {
            this.threads = newThreads > 0 ? newThreads : Runtime.getRuntime().availableProcessors();
            return this;
        }

        public Builder features(FeatureSettings settings) {
            this.features = settings;
            return this;
        }

        public Builder log(ProgressLog newLog) {
            this.log = newLog;
            return this;
        }

        /** Background labels, silence, microphone folders, segments; null for the defaults beside the output. */
        public Builder dataset(DatasetOptions options) {
            this.dataset = options;
            return this;
        }

        public Builder augmentation(AugmentationSettings settings) {
            this.augmentation = settings;
            return this;
        }

        public Builder falseAlarmsPerMinute(double rate) {
            this.falseAlarmsPerMinute = rate;
            return this;
        }

        /** Sounds whose kind is set rather than inferred from their recordings. */
        public Builder soundKinds(Map<String, SoundKind> kinds) {
            this.soundKinds = new LinkedHashMap<>(kinds);
            return this;
        }

        public TrainingRequest build() {
            return new TrainingRequest(recordingsDirectory, sounds, outputDirectory, modelName, balance, classifier,
                    classifierOptions, seed, folds, threads, features, log, dataset, augmentation,
                    falseAlarmsPerMinute, soundKinds);
        }
    }
}
