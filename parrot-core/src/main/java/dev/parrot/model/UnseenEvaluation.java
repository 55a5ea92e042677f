package dev.parrot.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parrot.ParrotException;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What {@code parrot:classify} measured on recordings the model never saw, when their folders named the sounds they
 * hold: {@code <reportDirectory>/<modelName>-unseen.json}. The site report shows it beside the cross-validated
 * estimate. Counts are of recordings (each classified as a whole), so they compare with
 * {@link ModelDescriptor.Evaluation#clipAccuracy()}.
 *
 * @param formatVersion {@link #FORMAT_VERSION}
 * @param model the model's name
 * @param modelCreatedAt when the model was trained, to tell whether this evaluation is of the current model
 * @param input the folder that was classified
 * @param trainingData true when that folder is, or is inside, the folder the model was trained on: then the
 *        recordings were not unseen and the accuracy says nothing about new ones
 * @param createdAt when the classification ran, ISO-8601
 * @param accuracy share of the labelled recordings whose overall answer was their folder's sound (0..1)
 * @param recordings labelled recordings classified
 * @param correct of those, the ones recognised
 * @param labels the model's sounds
 * @param confusionMatrix recordings by actual (rows) and predicted (columns) sound; its labels end with
 *        {@code silence} when a recording held no sound above the silence threshold
 * @param perSound precision, recall and F1 per sound, over recordings
 * @param misclassified the recordings whose answer was wrong
 * @param skipped recordings that could not be read, with reasons
 * @param modelInputs the model's {@link ModelFingerprint#inputs()}: what it was made from, so that a model trained
 *        again from the same recordings and settings (the same model) still counts as the one measured; null in
 *        evaluations of models without a fingerprint
 * @param events what the live detector reported on the long recordings, and how that compares with their truth SRTs;
 *        null when there were no long recordings (and in files written before classify ran the detector)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record UnseenEvaluation(int formatVersion, String model, String modelCreatedAt, String input,
        boolean trainingData, String createdAt, double accuracy, int recordings, int correct, List<String> labels,
        ModelDescriptor.ConfusionMatrix confusionMatrix, List<ModelDescriptor.SoundMetrics> perSound,
        List<Miss> misclassified, List<ModelDescriptor.Skipped> skipped, String modelInputs,
        EventEvaluation events) {

    public static final int FORMAT_VERSION = 1;

    /** An evaluation as classify wrote them before models had a fingerprint. */
    public UnseenEvaluation(int formatVersion, String model, String modelCreatedAt, String input,
            boolean trainingData, String createdAt, double accuracy, int recordings, int correct, List<String> labels,
            ModelDescriptor.ConfusionMatrix confusionMatrix, List<ModelDescriptor.SoundMetrics> perSound,
            List<Miss> misclassified, List<ModelDescriptor.Skipped> skipped) {
        this(formatVersion, model, modelCreatedAt, input, trainingData, createdAt, accuracy, recordings, correct, labels,
                confusionMatrix, perSound, misclassified, skipped, null, null);
    }

    /** An evaluation as classify wrote them before it ran the live detector over long recordings. */
    public UnseenEvaluation(int formatVersion, String model, String modelCreatedAt, String input,
            boolean trainingData, String createdAt, double accuracy, int recordings, int correct, List<String> labels,
            ModelDescriptor.ConfusionMatrix confusionMatrix, List<ModelDescriptor.SoundMetrics> perSound,
            List<Miss> misclassified, List<ModelDescriptor.Skipped> skipped, String modelInputs) {
        this(formatVersion, model, modelCreatedAt, input, trainingData, createdAt, accuracy, recordings, correct, labels,
                confusionMatrix, perSound, misclassified, skipped, modelInputs, null);
    }

    /** The same, with these events. */
    public UnseenEvaluation withEvents(EventEvaluation newEvents) {
        return new UnseenEvaluation(formatVersion, model, modelCreatedAt, input, trainingData, createdAt, accuracy,
                recordings, correct, labels, confusionMatrix, perSound, misclassified, skipped, modelInputs, newEvents);
    }

    /**
     * Whether this evaluation measured {@code descriptor}'s model. Judged by what the model was made from when both
     * sides know it: training always writes a new creation time, but the same recordings, settings and version make
     * the same model, so an evaluation of it still applies. Otherwise by the creation time.
     */
    public boolean isOf(ModelDescriptor descriptor) {
        if (modelInputs != null && descriptor.fingerprint() != null) {
            return modelInputs.equals(descriptor.fingerprint().inputs());
        }
        return descriptor.createdAt() == null || Objects.equals(modelCreatedAt, descriptor.createdAt());
    }

    /**
     * @param file the path relative to the input folder
     * @param expected the sound its folder names
     * @param label what the model answered
     * @param confidence the answer's mean probability over the recording's sound windows
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Miss(String file, String expected, String label, double confidence) {
    }

    /** The file for a model's unseen-data evaluation in a report folder. */
    public static Path file(Path reportDirectory, String modelName) {
        return reportDirectory.resolve(modelName + "-unseen.json");
    }

    /**
     * Reads one, e.g. for the site report.
     *
     * @throws ParrotException when the file is not an unseen-data evaluation
     */
    public static UnseenEvaluation read(Path file) throws ParrotException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            UnseenEvaluation e = ModelJson.mapper().readValue(in, UnseenEvaluation.class);
            if (e == null || e.confusionMatrix() == null || e.labels() == null) {
                throw new ParrotException(file + " is not an evaluation written by parrot:classify.");
            }
            return e;
        } catch (JsonProcessingException e) {
            throw new ParrotException(file + " is not an evaluation written by parrot:classify: "
                    + e.getOriginalMessage());
        }
    }

    /** Writes it atomically, as the model files are. */
    public void write(Path file) throws IOException {
        byte[] json = ModelJson.mapper().writeValueAsBytes(this);
        AtomicFile.write(file, out -> out.write(json));
    }
}
