package dev.parrot.training;

import dev.parrot.ParrotException;
import dev.parrot.ParrotVersion;
import dev.parrot.ProgressLog;
import dev.parrot.augmentation.AugmentedRecordings;
import dev.parrot.dataset.Balancing;
import dev.parrot.dataset.DatasetReader;
import dev.parrot.dataset.RecordingFeatures;
import dev.parrot.dataset.SkippedRecording;
import dev.parrot.dataset.SoundDataset;
import dev.parrot.dataset.TrainingSet;
import dev.parrot.calibration.ThresholdCalibration;
import dev.parrot.evaluation.AccuracyTier;
import dev.parrot.evaluation.ConfusionAnalysis;
import dev.parrot.evaluation.CrossValidation;
import dev.parrot.evaluation.HeldOutProbabilities;
import dev.parrot.features.FeatureSettings;
import dev.parrot.model.DetectionCalibration;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.ModelFiles;
import dev.parrot.model.ModelFingerprint;
import dev.parrot.training.incremental.Fingerprinter;
import dev.parrot.training.incremental.UpToDateCheck;
import dev.parrot.model.ModelHistory;
import dev.parrot.runtime.DetectionSettings;
import weka.classifiers.Classifier;
import weka.core.Instances;

import java.io.IOException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Trains a sound model: reads the recordings, estimates accuracy by grouped cross-validation, trains the final
 * classifier on all of them and writes the model files. Same recordings, settings and seed give the same model and
 * the same evaluation.
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
        checkRequest(request);
        return train(request, new Fingerprinter(Version.current()).of(request));
    }

    /**
     * Trains unless the model on disk was made from the same recordings and settings by this version of Parrot (see
     * {@link Fingerprinter}), in which case both its files are left untouched.
     */
    public TrainingResult trainIfChanged(TrainingRequest request) throws ParrotException, IOException {
        checkRequest(request);
        ModelFingerprint fingerprint = new Fingerprinter(Version.current()).of(request);
        ModelFiles files = new ModelFiles(request.outputDirectory(), request.modelName());
        UpToDateCheck.Verdict verdict = UpToDateCheck.check(files, fingerprint);
        if (verdict.current()) {
            return new TrainingResult(verdict.upToDate(), files, false);
        }
        request.log().info("Training model " + request.modelName() + ": " + verdict.reason());
        return train(request, fingerprint);
    }

    private static void checkRequest(TrainingRequest request) throws ParrotException {
        if (request.folds() < 2) {
            throw new ParrotException("Cross-validation needs at least 2 folds, not " + request.folds() + ".");
        }
        if (!(request.falseAlarmsPerMinute() >= 0) || Double.isInfinite(request.falseAlarmsPerMinute())) {
            throw new ParrotException("The target of false alarms per minute must be 0 or more, not "
                    + request.falseAlarmsPerMinute() + ".");
        }
        if (request.modelName() == null || request.modelName().isBlank()
                || !request.modelName().matches("[A-Za-z0-9._-]+")) {
            throw new ParrotException("Model name '" + request.modelName()
                    + "' cannot be a file name: use letters, digits, '.', '_' and '-'.");
        }
        if (request.augmentation().problem() != null) {
            throw new ParrotException("Cannot augment the recordings: " + request.augmentation().problem());
        }
    }

    private TrainingResult train(TrainingRequest request, ModelFingerprint fingerprint)
            throws ParrotException, IOException {
        long started = System.nanoTime();
        ProgressLog log = request.log();
        // Made first so that a misspelt classifier fails before minutes of reading audio.
        Classifier template = ClassifierType.create(request.classifier(), request.classifierOptions(),
                (int) request.seed(), request.threads());

        SoundDataset dataset = new DatasetReader(request.features(), request.threads(), log, request.dataset())
                .read(request.recordingsDirectory(), request.sounds());
        Instances header = TrainingSet.header(request.modelName(), dataset.featureNames(), dataset.sounds());
        AugmentedRecordings augmented = AugmentedRecordings.make(request.augmentation(),
                request.recordingsDirectory(), dataset, request.features(), request.seed(), request.threads(), log);

        Map<String, Balancing.SoundBalance> balancing = balancingPlan(dataset, augmented, request.balance());
        if (request.balance()) {
            log.info("Balancing the data set (Parrot.py's automatic balancing):");
            balancing.values().forEach(b -> log.info("  " + b.describe()));
        } else {
            log.info("Automatic data set balancing is off: every window is used as recorded.");
        }

        long needed = heapNeeded(dataset, balancing);
        long available = Runtime.getRuntime().maxMemory();
        if (needed > available * 0.8) {
            log.warn(String.format(Locale.ROOT, "Training on %d windows needs about %d MB of heap and the JVM may use"
                    + " %d MB: it may run out. %s", dataset.windowCount(), needed >> 20, available >> 20, MORE_HEAP));
        }

        ModelDescriptor.Evaluation evaluation;
        DetectionCalibration calibration;
        Classifier model;
        try {
            int folds = CrossValidation.effectiveFolds(request.folds(), dataset);
            log.info("Estimating accuracy by " + folds + "-fold cross-validation, all windows of a recording kept"
                    + " in one fold (" + template.getClass().getSimpleName() + ")");
            HeldOutProbabilities heldOut = new HeldOutProbabilities(dataset.recordings(), dataset.sounds().size());
            evaluation = new CrossValidation(request.folds(), request.balance(), request.seed(), log)
                    .evaluate(dataset, header, template, augmented::withCopies, heldOut);
            calibration = calibrate(request, dataset, heldOut, Set.copyOf(dataset.background()));
            heldOut = null;
            // Built only now, so that the cross-validation folds and the full set are never in memory together.
            TrainingSet.Balanced full = TrainingSet.build(header, dataset.sounds(),
                    augmented.withCopies(dataset.recordings()), request.balance(), request.seed());
            log.info("Training the final model on " + full.data().numInstances() + " windows");
            model = weka.classifiers.AbstractClassifier.makeCopy(template);
            model.buildClassifier(full.data());
        } catch (IOException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            // Thrown out of one large allocation; unwinding to here has freed the data sets, so reporting is safe.
            throw new ParrotException(String.format(Locale.ROOT, "Ran out of memory training on %d windows (about %d"
                    + " MB of heap needed, the JVM may use %d MB). %s", dataset.windowCount(), needed >> 20,
                    available >> 20, MORE_HEAP), ParrotException.HEAP, e);
        } catch (Exception e) {
            // Weka declares Exception everywhere; what reaches here is a learner refusing this data.
            throw new ParrotException("Weka could not train " + request.classifier() + " on these recordings: "
                    + e.getMessage(), e);
        }

        long millis = (System.nanoTime() - started) / 1_000_000;
        ModelFiles files = new ModelFiles(request.outputDirectory(), request.modelName());
        ModelDescriptor descriptor = files.write(model, header,
                describe(request, dataset, balancing, template, evaluation, calibration, millis)
                        .withFingerprint(fingerprint));
        ModelHistory.append(files, descriptor, log);
        logSummary(log, descriptor, files);
        return new TrainingResult(descriptor, files);
    }

    /**
     * The detector's thresholds, chosen on what cross-validation's models said of windows they had not learnt from,
     * for the onset rule that calibrated models use.
     */
    private static DetectionCalibration calibrate(TrainingRequest request, SoundDataset dataset,
            HeldOutProbabilities heldOut, Set<String> background) {
        FeatureSettings features = request.features();
        DetectionCalibration calibration = new ThresholdCalibration(DetectionSettings.onsets(),
                request.falseAlarmsPerMinute()).calibrate(dataset, heldOut, background,
                features.hopSamples() / (double) features.sampleRate());
        ProgressLog log = request.log();
        log.info(String.format(Locale.ROOT, "Detector thresholds for at most %s false alarm(s) per minute of %s:",
                request.falseAlarmsPerMinute(), background.isEmpty() ? "the other sounds" : "background"));
        for (DetectionCalibration.SoundThreshold t : calibration.sounds()) {
            log.info(String.format(Locale.ROOT, "  %-16s threshold %.2f: expected recall of onsets %.3f, %.2f false"
                    + " alarms per minute (%d onsets)", t.sound(), t.threshold(), t.expectedRecall(),
                    t.expectedFalseAlarmsPerMinute(), t.onsets()));
        }
        return calibration;
    }

    private static final String MORE_HEAP = "Give the JVM more heap (-Xmx2g, for example), or train on"
            + " fewer or shorter recordings.";

    /**
     * Heap for training, estimated from its largest part: the window features, plus the final training set as Weka
     * holds it (a double per feature, an instance object) plus a learner's working copy of about a byte per value.
     * Measured on 10 sounds x 10 minutes: 353,000 windows, about 270 MB live at the peak (class histogram), 288 MB estimated.
     */
    static long heapNeeded(SoundDataset dataset, Map<String, Balancing.SoundBalance> balancing) {
        int features = dataset.featureNames().size();
        long windows = dataset.windowCount();
        long used = balancing.values().stream().mapToLong(Balancing.SoundBalance::after).sum();
        // Plus the held-out probabilities kept for calibration: a float per window and sound.
        return windows * (4L * features + 16 + 4L * dataset.sounds().size() + 16)
                + used * (8L * (features + 1) + 16 + 40 + features);
    }

    /**
     * What balancing will do to each sound: the plan {@link TrainingSet#build} follows for the final model, over the
     * recordings and their varied copies.
     */
    private static Map<String, Balancing.SoundBalance> balancingPlan(SoundDataset dataset,
            AugmentedRecordings augmented, boolean balance) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String sound : dataset.sounds()) {
            counts.put(sound, 0);
        }
        for (RecordingFeatures recording : augmented.withCopies(dataset.recordings())) {
            counts.merge(recording.sound(), recording.windows().length, Integer::sum);
        }
        return balance ? Balancing.plan(counts) : Balancing.unbalanced(counts);
    }

    private static ModelDescriptor describe(TrainingRequest request, SoundDataset dataset,
            Map<String, Balancing.SoundBalance> balancing, Classifier template, ModelDescriptor.Evaluation evaluation,
            DetectionCalibration calibration, long millis) {
        List<ModelDescriptor.SoundSummary> sounds = new ArrayList<>();
        for (String sound : dataset.sounds()) {
            Balancing.SoundBalance b = balancing.get(sound);
            sounds.add(new ModelDescriptor.SoundSummary(sound, dataset.recordingCount(sound), b.before(),
                    b.after(), b.action().label(), Math.round(b.changePercent() * 10) / 10.0));
        }
        List<ModelDescriptor.Skipped> skipped = new ArrayList<>();
        for (SkippedRecording s : dataset.skipped()) {
            skipped.add(new ModelDescriptor.Skipped(s.file(), s.sound(), s.reason()));
        }
        ModelDescriptor.Training training = new ModelDescriptor.Training(
                request.recordingsDirectory().toAbsolutePath().normalize().toString(), request.balance(),
                request.seed(), millis, Math.round(dataset.audioSeconds() * 1000) / 1000.0, sounds, skipped,
                request.augmentation());
        ModelDescriptor.ClassifierInfo classifier = new ModelDescriptor.ClassifierInfo(
                ClassifierType.nameOf(request.classifier()), template.getClass().getName(),
                ClassifierType.optionsOf(template));
        return new ModelDescriptor(ModelDescriptor.FORMAT_VERSION, request.modelName(),
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(), Version.current(), dataset.sounds(),
                new ModelDescriptor.Features(request.features(), dataset.featureNames().size()), training, classifier,
                evaluation, dataset.background(),
                dataset.sounds().contains(request.dataset().silenceLabel()) ? request.dataset().silenceLabel() : null,
                null, calibration);
    }

    private static void logSummary(ProgressLog log, ModelDescriptor d, ModelFiles files) {
        ModelDescriptor.Evaluation e = d.evaluation();
        log.info("");
        log.info(String.format(Locale.ROOT, "  %-16s %10s %10s %8s %8s %8s", "sound", "recordings", "windows",
                "precision", "recall", "F1"));
        for (int i = 0; i < d.labels().size(); i++) {
            ModelDescriptor.SoundMetrics m = e.perSound().get(i);
            ModelDescriptor.SoundSummary s = d.training().sounds().get(i);
            log.info(String.format(Locale.ROOT, "  %-16s %10d %10d %8.3f %8.3f %8.3f%s", m.sound(), s.recordings(),
                    s.windows(), m.precision(), m.recall(), m.f1(), d.isBackground(m.sound()) ? "  background" : ""));
        }
        log.info("");
        log.info(String.format(Locale.ROOT, "Accuracy: %.4f (+/- %.4f) over %d windows, %s", e.accuracy(),
                e.accuracyStdDev(), e.windows(), e.method()));
        log.info(String.format(Locale.ROOT, "Recordings recognised as a whole: %.4f of %d", e.clipAccuracy(),
                e.recordings()));
        if (!d.background().isEmpty()) {
            ConfusionAnalysis.BackgroundAlarms alarms = ConfusionAnalysis.of(e).backgroundAlarms(d.background());
            log.info(String.format(Locale.ROOT, "Background (%s): %d of %d windows (%.2f%%) heard as a sound",
                    String.join(", ", alarms.labels()), alarms.heardAsSound(), alarms.windows(),
                    100 * alarms.share()));
        }
        log.info(AccuracyTier.of(e.accuracy()).advice());
        log.info("Model written to " + files.classifierFile() + " and " + files.descriptorFile());
    }

    /** The version of Parrot, as the build wrote it into {@code dev/parrot/parrot-version.properties}. */
    static final class Version {
        static String current() {
            return ParrotVersion.current();
        }
    }
}
