package dev.parrot.training;

import dev.parrot.ParrotVersion;
import dev.parrot.dataset.Balancing;
import dev.parrot.dataset.SkippedRecording;
import dev.parrot.dataset.SoundDataset;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.ModelFingerprint;
import weka.classifiers.Classifier;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The model JSON's content for a training: what was read, how it was balanced, which learner, what was learnt. What
 * the report and the check goal read later, so everything they show is written here.
 */
final class ModelDescription {

    private ModelDescription() {
    }

    static ModelDescriptor of(TrainingRequest request, SoundDataset dataset,
            Map<String, Balancing.SoundBalance> balancing, Classifier template, Learning.Learned learned,
            long millis, ModelFingerprint fingerprint) {
        ModelDescriptor.ClassifierInfo classifier = new ModelDescriptor.ClassifierInfo(
                ClassifierType.nameOf(request.classifier()), template.getClass().getName(),
                ClassifierType.optionsOf(template));
        String silence = request.dataset().silenceLabel();
        return new ModelDescriptor(ModelDescriptor.FORMAT_VERSION, request.modelName(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), ParrotVersion.current(), dataset.sounds(),
                new ModelDescriptor.Features(request.features(), dataset.featureNames().size()),
                training(request, dataset, balancing, millis), classifier, learned.evaluation(),
                dataset.background(), dataset.sounds().contains(silence) ? silence : null, null,
                learned.calibration(), learned.onsets() == null ? null : learned.onsets().description())
                .withFingerprint(fingerprint);
    }

    private static ModelDescriptor.Training training(TrainingRequest request, SoundDataset dataset,
            Map<String, Balancing.SoundBalance> balancing, long millis) {
        List<ModelDescriptor.SoundSummary> sounds = new ArrayList<>();
        for (String sound : dataset.sounds()) {
            Balancing.SoundBalance b = balancing.get(sound);
            sounds.add(new ModelDescriptor.SoundSummary(sound, dataset.recordingCount(sound), b.before(),
                    b.after(), b.action().label(), Math.round(b.changePercent() * 10) / 10.0));
        }
        List<ModelDescriptor.Skipped> skipped = dataset.skipped().stream().map(SkippedRecording::toJson).toList();
        return new ModelDescriptor.Training(request.recordingsDirectory().toAbsolutePath().normalize().toString(),
                request.balance(), request.seed(), millis, Math.round(dataset.audioSeconds() * 1000) / 1000.0,
                sounds, skipped, request.augmentation());
    }
}
