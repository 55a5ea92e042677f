package dev.parrot.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.parrot.features.FeatureSettings;

import java.util.List;

/**
 * What {@code <modelName>.json} holds: how a model was made and how good it is. The train goal writes it; the report
 * and classify goals and the runtime API only read it. Newer files may carry fields an older reader does not know,
 * which it ignores; {@link #formatVersion} changes only when a field changes meaning.
 *
 * @param formatVersion {@link #FORMAT_VERSION}
 * @param name the model name (the file names without extension)
 * @param createdAt when training finished, ISO-8601
 * @param parrotVersion the version of Parrot that trained it
 * @param labels the sounds, in the order of the classifier's class values
 * @param features the settings that reproduce the features, and their number
 * @param training what the model was trained on
 * @param classifier the Weka learner and its options
 * @param evaluation the cross-validated estimate
 * @param background the labels that hold things that must never fire (talking, the room, the silence between
 *        sounds): a consumer reports none of them as a sound; empty in files written before there were any
 * @param silenceLabel the background label of quiet audio, which a recording with nothing loud enough to classify is
 *        given; null when the model learned none
 * @param fingerprint what the model was made from and the hash of its classifier file; null in models trained before
 *     Parrot wrote it, which are then retrained once
 * @param calibration the detector settings training chose and what they are expected to give; null in files written
 *        before there was calibration
 * @param onsets the onset model that decides short sounds at their onsets, a part of the model in its own file; null
 *        when there is none (models trained before it, or without short sounds), whose detector judges windows
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelDescriptor(int formatVersion, String name, String createdAt, String parrotVersion,
        List<String> labels, Features features, Training training, ClassifierInfo classifier,
        Evaluation evaluation, List<String> background, String silenceLabel, ModelFingerprint fingerprint,
        DetectionCalibration calibration, OnsetModel onsets) {

    public static final int FORMAT_VERSION = 1;

    public ModelDescriptor {
        background = background == null ? List.of() : List.copyOf(background);
    }

    /** A descriptor of a model without an onset model. */
    public ModelDescriptor(int formatVersion, String name, String createdAt, String parrotVersion,
            List<String> labels, Features features, Training training, ClassifierInfo classifier,
            Evaluation evaluation, List<String> background, String silenceLabel, ModelFingerprint fingerprint,
            DetectionCalibration calibration) {
        this(formatVersion, name, createdAt, parrotVersion, labels, features, training, classifier, evaluation,
                background, silenceLabel, fingerprint, calibration, null);
    }

    /**
     * The part of a model that decides short sounds at their onsets: a classifier of onset segments (the audio from an
     * onset's first window over {@code segmentMillis}, see {@code OnsetFeatures}), trained on the takes heard in
     * context and on the onsets the detector's rule finds in the background.
     *
     * @param segmentMillis how much audio from an onset a decision takes
     * @param dimension values per segment
     * @param classes its class values: the model's labels, then {@link #NO_SOUND}
     * @param examples per class value, the onset segments it learnt from
     * @param classifierSha256 the hash of its file ({@code <name>.onsets.model}), so that the files of two trainings
     *        are never mixed
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OnsetModel(int segmentMillis, int dimension, List<String> classes, List<Integer> examples,
            String classifierSha256) {

        /** The class of onsets at which none of the model's labels was made (noise, the rule's misfires). */
        public static final String NO_SOUND = "(no sound)";

        public OnsetModel {
            classes = List.copyOf(classes);
            examples = List.copyOf(examples);
        }

        public OnsetModel withClassifierSha256(String hash) {
            return new OnsetModel(segmentMillis, dimension, classes, examples, hash);
        }
    }

    /** This descriptor with another onset model description. */
    public ModelDescriptor withOnsets(OnsetModel newOnsets) {
        return new ModelDescriptor(formatVersion, name, createdAt, parrotVersion, labels, features, training,
                classifier, evaluation, background, silenceLabel, fingerprint, calibration, newOnsets);
    }

    /** A descriptor of a model without background labels, fingerprint or calibrated detector settings. */
    public ModelDescriptor(int formatVersion, String name, String createdAt, String parrotVersion,
            List<String> labels, Features features, Training training, ClassifierInfo classifier,
            Evaluation evaluation) {
        this(formatVersion, name, createdAt, parrotVersion, labels, features, training, classifier, evaluation,
                List.of(), null, null, null);
    }

    /** A descriptor without a fingerprint, as models were described before incremental training. */
    public ModelDescriptor(int formatVersion, String name, String createdAt, String parrotVersion,
            List<String> labels, Features features, Training training, ClassifierInfo classifier,
            Evaluation evaluation, List<String> background, String silenceLabel) {
        this(formatVersion, name, createdAt, parrotVersion, labels, features, training, classifier, evaluation,
                background, silenceLabel, null, null);
    }

    /** A descriptor of a model without calibrated detector settings. */
    public ModelDescriptor(int formatVersion, String name, String createdAt, String parrotVersion,
            List<String> labels, Features features, Training training, ClassifierInfo classifier,
            Evaluation evaluation, List<String> background, String silenceLabel, ModelFingerprint fingerprint) {
        this(formatVersion, name, createdAt, parrotVersion, labels, features, training, classifier, evaluation,
                background, silenceLabel, fingerprint, null);
    }

    /** This descriptor with another fingerprint. */
    public ModelDescriptor withFingerprint(ModelFingerprint newFingerprint) {
        return new ModelDescriptor(formatVersion, name, createdAt, parrotVersion, labels, features, training,
                classifier, evaluation, background, silenceLabel, newFingerprint, calibration, onsets);
    }

    /** Whether a label holds something that must never fire. */
    public boolean isBackground(String label) {
        return background.contains(label);
    }

    /**
     * Recordings of the sounds the user makes, the background's left out: what a reader is told the model was
     * trained on. From the training summary, or in a description without one the evaluation's count, which is of the
     * sounds alone already. Needs the evaluation when there is no summary.
     */
    public int soundRecordings() {
        if (training == null || training.sounds() == null) {
            return evaluation.recordings();
        }
        return training.sounds().stream().filter(s -> !isBackground(s.sound())).mapToInt(SoundSummary::recordings)
                .sum();
    }

    /**
     * @param settings the feature settings
     * @param dimension values per window
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Features(FeatureSettings settings, int dimension) {
    }

    /**
     * @param recordingsDirectory where the recordings were read from
     * @param balanced whether automatic data set balancing was on
     * @param seed the seed of every random choice
     * @param durationMillis how long reading, training and evaluation took
     * @param audioSeconds the length of all recordings used
     * @param sounds per sound: recordings, windows and balancing
     * @param skipped recordings left out, with reasons
     * @param augmentation the varied copies trained on beside the recordings (null in models made before it)
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Training(String recordingsDirectory, boolean balanced, long seed, long durationMillis,
            double audioSeconds, List<SoundSummary> sounds, List<Skipped> skipped,
            AugmentationSettings augmentation) {

        /** Training without augmentation. */
        public Training(String recordingsDirectory, boolean balanced, long seed, long durationMillis,
                double audioSeconds, List<SoundSummary> sounds, List<Skipped> skipped) {
            this(recordingsDirectory, balanced, seed, durationMillis, audioSeconds, sounds, skipped,
                    AugmentationSettings.off());
        }
    }

    /**
     * @param sound the sound
     * @param recordings usable recordings
     * @param windows windows that hold sound, with augmentation those of the varied copies too
     * @param windowsUsed windows the final model was trained on after balancing
     * @param balancing kept, oversampled or undersampled
     * @param balancingChangePercent the change balancing made, in percent of {@code windows}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SoundSummary(String sound, int recordings, int windows, int windowsUsed, String balancing,
            double balancingChangePercent) {
    }

    /**
     * @param file the path relative to the recordings folder
     * @param sound its sound folder
     * @param reason why it was left out
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Skipped(String file, String sound, String reason) {
    }

    /**
     * @param name the friendly name, or the Weka class name for other learners
     * @param wekaClass the Weka class
     * @param options the Weka options it was trained with
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ClassifierInfo(String name, String wekaClass, String options) {
    }

    /**
     * @param method how the estimate was made, in words
     * @param folds the number of folds
     * @param accuracy share of windows recognised correctly (0..1) over all folds; of a model with background
     *        labels, share of the sounds' windows (the background's are in the matrix and per-sound figures)
     * @param accuracyStdDev the spread of accuracy over folds
     * @param foldAccuracies each fold's accuracy
     * @param clipAccuracy share of recordings whose windows, taken together, were recognised correctly; of a model
     *        with background labels, of the sounds' recordings
     * @param windows windows evaluated, the sounds' alone in a model with background labels
     * @param recordings recordings evaluated, likewise
     * @param perSound precision, recall and F1 per sound
     * @param confusionMatrix windows by actual (rows) and predicted (columns) sound
     * @param mistakes the recordings cross-validation got most wrong, worst first, at most
     *        {@link #MISTAKES_KEPT}; empty in models trained before it was recorded
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Evaluation(String method, int folds, double accuracy, double accuracyStdDev,
            List<Double> foldAccuracies, double clipAccuracy, long windows, int recordings,
            List<SoundMetrics> perSound, ConfusionMatrix confusionMatrix, List<Mistake> mistakes) {

        /** How many of the worst recordings an evaluation keeps. */
        public static final int MISTAKES_KEPT = 10;

        public Evaluation {
            mistakes = mistakes == null ? List.of() : List.copyOf(mistakes);
        }

        /** An evaluation without recorded mistakes, as older models have. */
        public Evaluation(String method, int folds, double accuracy, double accuracyStdDev,
                List<Double> foldAccuracies, double clipAccuracy, long windows, int recordings,
                List<SoundMetrics> perSound, ConfusionMatrix confusionMatrix) {
            this(method, folds, accuracy, accuracyStdDev, foldAccuracies, clipAccuracy, windows, recordings, perSound,
                    confusionMatrix, List.of());
        }
    }

    /**
     * A recording cross-validation got wrong, in some or all of its windows, while the model was trained without it.
     *
     * @param file the path relative to the recordings folder
     * @param sound the sound it was recorded as
     * @param heardAs what it was heard as: the whole recording's answer when that was wrong, else the sound its wrong
     *        windows were most often taken for
     * @param windows its windows that hold sound
     * @param windowsWrong of those, the ones recognised as another sound
     * @param recordingWrong whether the recording as a whole (its windows voted together) was recognised wrongly
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Mistake(String file, String sound, String heardAs, int windows, int windowsWrong,
            boolean recordingWrong) {
    }

    /**
     * @param sound the sound
     * @param precision of windows predicted as this sound, the share that were it
     * @param recall of windows of this sound, the share recognised as it
     * @param f1 the harmonic mean of precision and recall
     * @param support windows of this sound evaluated
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record SoundMetrics(String sound, double precision, double recall, double f1, long support) {
    }

    /**
     * @param labels row and column labels
     * @param counts {@code counts[actual][predicted]}
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ConfusionMatrix(List<String> labels, long[][] counts) {
    }
}
