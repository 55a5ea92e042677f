package dev.parrot.training;

import dev.parrot.Setting;
import dev.parrot.ParrotException;
import dev.parrot.ProgressLog;
import dev.parrot.augmentation.AugmentedRecordings;
import dev.parrot.calibration.SoundKinds;
import dev.parrot.calibration.ThresholdCalibration;
import dev.parrot.dataset.SoundDataset;
import dev.parrot.dataset.TrainingSet;
import dev.parrot.evaluation.CrossValidation;
import dev.parrot.evaluation.HeldOutProbabilities;
import dev.parrot.features.FeatureSettings;
import dev.parrot.model.DetectionCalibration;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.onsets.OnsetExamples;
import dev.parrot.onsets.OnsetLearner;
import dev.parrot.runtime.DetectionSettings;
import dev.parrot.runtime.SoundKind;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Instances;

import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The learning itself: the accuracy estimate by grouped cross-validation, the detector's thresholds from what its
 * models said of windows they had not learnt from, then the final classifier on every recording. The only stage that
 * runs Weka's learners, so the one that turns their failures into the user's.
 */
final class Learning {

    /**
     * What was learnt: the estimate, the thresholds and the model to write.
     *
     * @param onsets the onset model, null when there is none (no short sound recorded)
     */
    record Learned(ModelDescriptor.Evaluation evaluation, DetectionCalibration calibration, Classifier model,
            OnsetLearner.Trained onsets) {
    }

    private final TrainingRequest request;
    private final Classifier template;
    private final Instances header;

    /**
     * @param template the configured, untrained learner
     * @param header the data sets' attributes
     */
    Learning(TrainingRequest request, Classifier template, Instances header) {
        this.request = request;
        this.template = template;
        this.header = header;
    }

    Learned learn(SoundDataset dataset, AugmentedRecordings augmented, HeapBudget heap)
            throws ParrotException, IOException {
        ProgressLog log = request.log();
        checkKinds(dataset);
        try {
            Map<String, SoundKinds.Choice> kinds = kinds(dataset);
            OnsetExamples.Examples onsetExamples = onsetExamples(dataset, kinds);
            int folds = CrossValidation.effectiveFolds(request.folds(), dataset);
            log.info("Estimating accuracy by " + folds + "-fold cross-validation, all windows of a recording kept"
                    + " in one fold (" + template.getClass().getSimpleName() + ")");
            HeldOutProbabilities heldOut = new HeldOutProbabilities(dataset.recordings(), dataset.sounds().size());
            StreamFolds streams = onsetExamples == null ? null
                    : new StreamFolds(request, dataset, onsetExamples, onsetLearner(), kinds, header);
            ModelDescriptor.Evaluation evaluation = new CrossValidation(request.folds(), request.balance(),
                    request.seed(), log).evaluate(dataset, header, template, augmented::withCopies, heldOut, streams);
            DetectionCalibration calibration = calibrate(dataset, heldOut, kinds, streams);
            heldOut = null;
            // Built only now, so that the cross-validation folds and the full set are never in memory together.
            TrainingSet.Balanced full = TrainingSet.build(header, dataset.sounds(),
                    augmented.withCopies(dataset.recordings()), request.balance(), request.seed());
            log.info("Training the final model on " + full.data().numInstances() + " windows");
            Classifier model = AbstractClassifier.makeCopy(template);
            model.buildClassifier(full.data());
            full = null;
            OnsetLearner.Trained onsets = null;
            if (onsetExamples != null) {
                onsets = onsetLearner().train(request.modelName(), onsetExamples.classes(), onsetExamples.groups(),
                        request.seed());
                log.info(String.format(Locale.ROOT, "Trained the onset model on %d onset segments of %d ms",
                        onsets.description().examples().stream().mapToInt(Integer::intValue).sum(),
                        onsets.description().segmentMillis()));
            }
            return new Learned(evaluation, calibration, model, onsets);
        } catch (IOException | ParrotException e) {
            throw e;
        } catch (OutOfMemoryError e) {
            throw heap.exhausted(e);
        } catch (Exception e) {
            // Weka declares Exception everywhere; what reaches here is a learner refusing this data.
            throw new ParrotException("Weka could not train " + request.classifier() + " on these recordings: "
                    + e.getMessage(), e);
        }
    }

    private Map<String, SoundKinds.Choice> kinds(SoundDataset dataset) {
        FeatureSettings features = request.features();
        return SoundKinds.choose(dataset, features.hopSamples() / (double) features.sampleRate(),
                request.soundKinds(), "set, not inferred from the recordings");
    }

    private OnsetLearner onsetLearner() {
        return new OnsetLearner(request.features(), OnsetLearner.DEFAULT_SEGMENT_MILLIS, template, request.balance());
    }

    /**
     * The onset model's examples, when a short sound was recorded (as takes or in long recordings): without one, short
     * sounds are judged window by window as before.
     */
    private OnsetExamples.Examples onsetExamples(SoundDataset dataset, Map<String, SoundKinds.Choice> kinds)
            throws InterruptedException {
        boolean shortSounds = dataset.recordings().stream().anyMatch(r -> !dataset.background().contains(r.sound())
                && (r.part().isEmpty() || dataset.segments().containsKey(r.file()))
                && (!kinds.containsKey(r.sound()) || kinds.get(r.sound()).kind() == SoundKind.SHORT));
        if (!shortSounds) {
            return null;
        }
        long started = System.nanoTime();
        OnsetExamples.Examples examples = new OnsetExamples(request.features(), OnsetLearner.DEFAULT_SEGMENT_MILLIS,
                request.threads()).make(request.recordingsDirectory(), dataset, request.seed());
        request.log().info(String.format(Locale.ROOT, "Onset segments: each take, and each segment of a long"
                + " recording, as recorded and in %d copies heard in context; every onset in the background and between"
                + " the segments (%.1f s)", OnsetExamples.COPIES, (System.nanoTime() - started) / 1e9));
        List<String> unaligned = examples.unalignedSegments();
        if (!unaligned.isEmpty()) {
            request.log().warn(String.format(Locale.ROOT, "%d of %d segments of long recordings start where the"
                    + " detector finds no onset, within 50 ms before the marked start or after it: %s%s. Their"
                    + " sound's onset is learned from copies of what follows the mark alone. A start marked late"
                    + " misses the attack the detector decides on: correct the SRT (<recording>.MANUAL.srt beside"
                    + " the recording wins), or leave out a segment that holds no sound.", unaligned.size(),
                    examples.segments(), String.join(", ", unaligned.subList(0, Math.min(5, unaligned.size()))),
                    unaligned.size() > 5 ? ", ..." : ""));
        }
        return examples;
    }

    /** Refuses, before the long work, a kind set for a sound that is not learned: a typo would silently do nothing. */
    private void checkKinds(SoundDataset dataset) throws ParrotException {
        for (String sound : request.soundKinds().keySet()) {
            if (!dataset.sounds().contains(sound) || dataset.background().contains(sound)) {
                throw new ParrotException("A kind is set for '" + sound + "', which is not among the sounds learned: "
                        + dataset.sounds().stream().filter(s -> !dataset.background().contains(s)).toList() + ".",
                        Setting.SOUND_KINDS);
            }
        }
    }

    /**
     * Each sound's kind, and the detector's thresholds for the onset rule that calibrated models use, and what each is
     * expected to do.
     */
    private DetectionCalibration calibrate(SoundDataset dataset, HeldOutProbabilities heldOut,
            Map<String, SoundKinds.Choice> kinds, StreamFolds streams) {
        FeatureSettings features = request.features();
        double hop = features.hopSamples() / (double) features.sampleRate();
        Set<String> background = Set.copyOf(dataset.background());
        ThresholdCalibration thresholds = new ThresholdCalibration(DetectionSettings.onsets(),
                request.falseAlarmsPerMinute());
        DetectionCalibration calibration = streams == null
                ? thresholds.calibrate(dataset, heldOut, background, hop, kinds)
                : thresholds.calibrate(streams.replay(), dataset.sounds(), background, kinds, streams.description());
        ProgressLog log = request.log();
        log.info(String.format(Locale.ROOT, "Detector thresholds, for at most %s false alarm(s) per minute of %s%s.",
                request.falseAlarmsPerMinute(), calibration.onStreams() ? "background, all sounds together"
                        : background.isEmpty() ? "the other sounds, each" : "background, each",
                calibration.onStreams() ? String.format(Locale.ROOT, ", measured on %d simulated streams (%.1f min;"
                        + " their false alarms kept within %.2f of it: the streams hold only your own background, and"
                        + " other voices set off more)", calibration.streams().count(), calibration.streams().minutes(),
                        calibration.streams().falseAlarmShare()) : ""),
                Setting.FALSE_ALARMS_PER_MINUTE);
        for (DetectionCalibration.SoundThreshold t : calibration.sounds()) {
            log.info(t.held()
                    ? String.format(Locale.ROOT, "  %-16s held,  threshold %.2f (kept to %.2f): expected starts %.3f,"
                            + " covered %.3f of its length, %.2f false starts per minute (%d recordings)", t.sound(),
                            t.threshold(), t.keepThreshold(), t.expectedRecall(), t.expectedCoverage(),
                            t.expectedFalseAlarmsPerMinute(), t.onsets())
                    : String.format(Locale.ROOT, "  %-16s short, threshold %.2f: expected recall of onsets %.3f,"
                            + " %.2f false alarms per minute (%d onsets)", t.sound(), t.threshold(),
                            t.expectedRecall(), t.expectedFalseAlarmsPerMinute(), t.onsets()));
        }
        log.info("Kinds of sound: held ones are reported while they last, short ones once per onset.",
                Setting.SOUND_KINDS);
        kinds.forEach((sound, choice) -> log.info(String.format(Locale.ROOT, "  %-16s %-5s  %s", sound,
                choice.kind().id(), choice.reason())));
        return calibration;
    }
}
