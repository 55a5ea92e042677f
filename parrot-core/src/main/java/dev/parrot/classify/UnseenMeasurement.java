package dev.parrot.classify;

import dev.parrot.dataset.SkippedRecording;
import dev.parrot.evaluation.ConfusionAnalysis;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.ModelFingerprint;
import dev.parrot.model.UnseenEvaluation;
import dev.parrot.runtime.Prediction;
import dev.parrot.runtime.SoundModel;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * What classify measured of a model on recordings whose folders name their sounds: accuracy, the confusion matrix
 * and per-sound figures over whole recordings, as {@code <model>-unseen.json} holds them for the report.
 */
final class UnseenMeasurement {

    private UnseenMeasurement() {
    }

    /** Over the recordings whose folder named their sound; null when none did. */
    static UnseenEvaluation of(SoundModel model, Path input, List<ClassifyResult.Classified> classified,
            List<SkippedRecording> skipped) {
        List<ClassifyResult.Classified> labelled = classified.stream().filter(c -> c.expected() != null).toList();
        if (labelled.isEmpty()) {
            return null;
        }
        List<String> sounds = model.labels();
        List<String> columns = new ArrayList<>(sounds);
        boolean silence = labelled.stream().anyMatch(c -> c.result().isSilence());
        if (silence && !columns.contains(Prediction.SILENCE)) {
            columns.add(Prediction.SILENCE);
        }
        long[][] counts = new long[columns.size()][columns.size()];
        List<UnseenEvaluation.Miss> misses = new ArrayList<>();
        int correct = 0;
        for (ClassifyResult.Classified c : labelled) {
            Prediction p = c.result().overall();
            counts[columns.indexOf(c.expected())][columns.indexOf(p.label())]++;
            if (c.isCorrect()) {
                correct++;
            } else {
                misses.add(new UnseenEvaluation.Miss(c.file(), c.expected(), p.label(),
                        Math.round(p.confidence() * 10_000) / 10_000.0));
            }
        }
        List<ModelDescriptor.SoundMetrics> perSound = ConfusionAnalysis.of(columns, counts).perSound(sounds);
        return evaluation(model, input, correct / (double) labelled.size(), labelled.size(), correct,
                new ModelDescriptor.ConfusionMatrix(List.copyOf(columns), counts), perSound, misses, skipped);
    }

    /** An evaluation of no recordings as a whole, to hold the events of long recordings no sound folder named. */
    static UnseenEvaluation withoutRecordings(SoundModel model, Path input, List<SkippedRecording> skipped) {
        List<String> sounds = List.copyOf(model.labels());
        return evaluation(model, input, 0, 0, 0,
                new ModelDescriptor.ConfusionMatrix(sounds, new long[sounds.size()][sounds.size()]), List.of(),
                List.of(), skipped);
    }

    private static UnseenEvaluation evaluation(SoundModel model, Path input, double accuracy, int recordings,
            int correct, ModelDescriptor.ConfusionMatrix matrix, List<ModelDescriptor.SoundMetrics> perSound,
            List<UnseenEvaluation.Miss> misses, List<SkippedRecording> skipped) {
        Path folder = input.toAbsolutePath().normalize();
        ModelFingerprint fingerprint = model.descriptor().fingerprint();
        return new UnseenEvaluation(UnseenEvaluation.FORMAT_VERSION, model.name(), model.descriptor().createdAt(),
                folder.toString(), isTrainingData(model, folder),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), accuracy, recordings, correct,
                List.copyOf(model.labels()), matrix, perSound, misses,
                skipped.stream().map(SkippedRecording::toJson).toList(),
                fingerprint == null ? null : fingerprint.inputs());
    }

    /** Whether the folder is, or is inside, the one the model was trained on. */
    private static boolean isTrainingData(SoundModel model, Path folder) {
        ModelDescriptor.Training training = model.descriptor().training();
        if (training == null || training.recordingsDirectory() == null) {
            return false;
        }
        return folder.startsWith(Path.of(training.recordingsDirectory()).toAbsolutePath().normalize());
    }
}
