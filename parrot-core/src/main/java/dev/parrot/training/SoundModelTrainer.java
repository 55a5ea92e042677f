package dev.parrot.training;

import dev.parrot.ParrotException;
import dev.parrot.ParrotVersion;
import dev.parrot.ProgressLog;
import dev.parrot.augmentation.AugmentedRecordings;
import dev.parrot.dataset.Balancing;
import dev.parrot.dataset.DatasetReader;
import dev.parrot.dataset.SoundDataset;
import dev.parrot.dataset.TrainingSet;
import dev.parrot.features.OnsetFeatures;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.ModelFiles;
import dev.parrot.model.ModelFingerprint;
import dev.parrot.model.ModelHistory;
import dev.parrot.onsets.OnsetLearner;
import dev.parrot.training.incremental.Fingerprinter;
import dev.parrot.training.incremental.UpToDateCheck;
import weka.classifiers.Classifier;
import weka.core.Instances;

import java.io.IOException;
import java.util.Map;

/**
 * Trains a sound model: reads the recordings, estimates accuracy by grouped cross-validation, trains the final
 * classifier on all of them and writes the model files. Same recordings, settings and seed give the same model and
 * the same evaluation. Each stage is a class of the package it belongs to; this one only puts them in order.
 */
public final class SoundModelTrainer {

    /**
     * The outcome of a run: the descriptor as written, and where the files are.
     *
     * @param trained false when the model on disk was up to date and kept
     */
    public record TrainingResult(ModelDescriptor descriptor, ModelFiles files, boolean trained) {
        public TrainingResult(ModelDescriptor descriptor, ModelFiles files) {
            this(descriptor, files, true);
        }
    }

    /**
     * Runs the whole training.
     *
     * @throws ParrotException for what the user can fix (folders, sounds, classifier, too little data)
     * @throws IOException when the model cannot be written
     */
    public TrainingResult train(TrainingRequest request) throws ParrotException, IOException {
        request.validate();
        return train(request, fingerprint(request));
    }

    private static ModelFingerprint fingerprint(TrainingRequest request) throws ParrotException {
        return new Fingerprinter(ParrotVersion.current()).of(request.recordingsDirectory(), request.dataset(),
                request.sounds(), request.modelSettings());
    }

    /**
     * Trains unless the model on disk was made from the same recordings and settings by this version of Parrot (see
     * {@link Fingerprinter}), in which case both its files are left untouched.
     */
    public TrainingResult trainIfChanged(TrainingRequest request) throws ParrotException, IOException {
        request.validate();
        ModelFingerprint fingerprint = fingerprint(request);
        ModelFiles files = new ModelFiles(request.outputDirectory(), request.modelName());
        UpToDateCheck.Verdict verdict = UpToDateCheck.check(files, fingerprint);
        if (verdict.current()) {
            return new TrainingResult(verdict.upToDate(), files, false);
        }
        request.log().info("Training model " + request.modelName() + ": " + verdict.reason());
        return train(request, fingerprint);
    }

    private TrainingResult train(TrainingRequest request, ModelFingerprint fingerprint)
            throws ParrotException, IOException {
        long started = System.nanoTime();
        ProgressLog log = request.log();
        // Made first so that a misspelt classifier fails before minutes of reading audio.
        Classifier template = ClassifierType.create(request.classifier(), request.classifierOptions(),
                (int) request.seed(), request.threads());
        if (!ClassifierType.offers(template)) {
            // Its model is written, and Weka reads it; Parrot's reader admits only the classes of its own learners.
            log.warn("Models of " + template.getClass().getName() + " are written in Weka's serialisation, which"
                    + " parrot:classify and SoundModel read only for the learners Parrot offers (" + ClassifierType
                    .choices() + "): this model will not load there. Weka's SerializationHelper reads it.");
        }
        SoundDataset dataset = new DatasetReader(request.features(), request.threads(), log, request.dataset())
                .read(request.recordingsDirectory(), request.sounds());
        AugmentedRecordings augmented = AugmentedRecordings.make(request.augmentation(),
                request.recordingsDirectory(), dataset, request.features(), request.seed(), request.threads(), log);
        Map<String, Balancing.SoundBalance> balancing = Balancing.planFor(dataset.sounds(),
                augmented.withCopies(dataset.recordings()), request.balance());
        TrainingLog.balancing(log, balancing, request.balance());

        Instances header = TrainingSet.header(request.modelName(), dataset.featureNames(), dataset.sounds());
        Learning.Learned learned = new Learning(request, template, header)
                .learn(dataset, augmented, HeapBudget.check(dataset, balancing,
                        new OnsetFeatures(request.features(), OnsetLearner.DEFAULT_SEGMENT_MILLIS).dimension(), log));

        long millis = (System.nanoTime() - started) / 1_000_000;
        ModelFiles files = new ModelFiles(request.outputDirectory(), request.modelName());
        ModelDescriptor descriptor = files.write(learned.model(), header,
                ModelDescription.of(request, dataset, balancing, template, learned, millis, fingerprint),
                learned.onsets() == null ? null : learned.onsets().part());
        ModelHistory.append(files, descriptor, log);
        TrainingLog.summary(log, descriptor, files);
        return new TrainingResult(descriptor, files);
    }
}
