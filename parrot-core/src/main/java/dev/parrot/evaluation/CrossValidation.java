package dev.parrot.evaluation;

import dev.parrot.ProgressLog;
import dev.parrot.dataset.RecordingFeatures;
import dev.parrot.dataset.SoundDataset;
import dev.parrot.dataset.TrainingSet;
import dev.parrot.model.ClipVote;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.ModelInput;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.classifiers.Evaluation;
import weka.core.Instance;
import weka.core.Instances;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Stratified k-fold cross-validation grouped by recording ({@link GroupedFolds}). Each training fold is balanced the
 * way the final model is; each test fold is evaluated as recorded, window by window, with Weka's {@link Evaluation}.
 * A recording's windows are also voted together ({@link ClipVote}, as classification does) for a clip-level
 * accuracy.
 */
public final class CrossValidation {

    /**
     * Told of each fold's model as soon as it is trained, with the recordings it was not trained on: what calibration
     * on simulated streams judges the fold's detector with.
     */
    @FunctionalInterface
    public interface FoldObserver {
        /**
         * @param fold the fold, from 0
         * @param model the model trained without the fold's recordings
         * @param heldOut indices into the data set's recordings of the fold's recordings
         */
        void fold(int fold, Classifier model, List<Integer> heldOut) throws Exception;
    }

    private final int folds;
    private final boolean balance;
    private final long seed;
    private final ProgressLog log;

    public CrossValidation(int folds, boolean balance, long seed, ProgressLog log) {
        this.folds = folds;
        this.balance = balance;
        this.seed = seed;
        this.log = log;
    }

    /** The number of folds actually used: never more than there are recordings. */
    public static int effectiveFolds(int requested, SoundDataset dataset) {
        return Math.max(2, Math.min(requested, dataset.recordings().size()));
    }

    public ModelDescriptor.Evaluation evaluate(SoundDataset dataset, Instances header, Classifier template)
            throws Exception {
        return evaluate(dataset, header, template, UnaryOperator.identity(), null);
    }

    /**
     * As {@link #evaluate(SoundDataset, Instances, Classifier)}, with each training fold's recordings passed through
     * {@code trainingFold} first (augmentation adds their varied copies there); test folds stay as recorded.
     */
    public ModelDescriptor.Evaluation evaluate(SoundDataset dataset, Instances header, Classifier template,
            UnaryOperator<List<RecordingFeatures>> trainingFold) throws Exception {
        return evaluate(dataset, header, template, trainingFold, null);
    }

    /**
     * As {@link #evaluate(SoundDataset, Instances, Classifier, UnaryOperator)}, keeping what each fold's model said
     * of each of its test windows in {@code heldOut} (when not null): the material of threshold calibration.
     */
    public ModelDescriptor.Evaluation evaluate(SoundDataset dataset, Instances header, Classifier template,
            UnaryOperator<List<RecordingFeatures>> trainingFold, HeldOutProbabilities heldOut) throws Exception {
        return evaluate(dataset, header, template, trainingFold, heldOut, null);
    }

    /**
     * As {@link #evaluate(SoundDataset, Instances, Classifier, UnaryOperator, HeldOutProbabilities)}, telling
     * {@code observer} (when not null) of each fold's model.
     */
    public ModelDescriptor.Evaluation evaluate(SoundDataset dataset, Instances header, Classifier template,
            UnaryOperator<List<RecordingFeatures>> trainingFold, HeldOutProbabilities heldOut, FoldObserver observer)
            throws Exception {
        List<String> sounds = dataset.sounds();
        int k = effectiveFolds(folds, dataset);
        warnAboutSingleRecordings(dataset);
        int[] foldOf = GroupedFolds.assign(dataset.recordings(), sounds, k, seed);
        Tally tally = new Tally(dataset, header, heldOut);
        for (int f = 0; f < k; f++) {
            runFold(f, k, foldOf, tally, template, trainingFold, observer);
        }
        return summarise(tally.evaluation, sounds, k, tally.foldAccuracies,
                ConfusionAnalysis.share(tally.soundRight, tally.soundWindows), tally.soundWindows,
                ConfusionAnalysis.share(tally.clipsRight, tally.clips), tally.clips, !tally.background.isEmpty(),
                tally.mistakes.worst());
    }

    private void warnAboutSingleRecordings(SoundDataset dataset) {
        for (String sound : dataset.sounds()) {
            int recordings = dataset.recordingsOf(sound).size();
            if (recordings < 2) {
                log.warn("Sound '" + sound + "' has only one recording: in the fold that tests it the model has never"
                        + " heard it, so its recall will be poor. Record it a few more times.");
            }
        }
    }

    /** What the folds have added up to so far, and what testing a window needs. */
    private static final class Tally {
        final SoundDataset dataset;
        final List<String> sounds;
        final Instances header;
        final HeldOutProbabilities heldOut;
        // Background windows (the silence between sounds, talking, the room) are easy and plentiful: counted in the
        // headline accuracy they would flatter it, so it is over the sounds' windows and recordings alone; the
        // confusion matrix and per-label figures keep the background rows, shown apart.
        final Set<String> background;
        final Evaluation evaluation;
        final List<Double> foldAccuracies = new ArrayList<>();
        final Mistakes mistakes;
        int clipsRight;
        int clips;
        long soundRight;
        long soundWindows;

        Tally(SoundDataset dataset, Instances header, HeldOutProbabilities heldOut) throws Exception {
            this.dataset = dataset;
            this.sounds = dataset.sounds();
            this.header = header;
            this.heldOut = heldOut;
            this.background = Set.copyOf(dataset.background());
            this.evaluation = new Evaluation(header);
            this.mistakes = new Mistakes(sounds);
        }
    }

    /** Trains on every fold but {@code f} (balanced, through {@code trainingFold}) and tests on fold {@code f}. */
    private void runFold(int f, int k, int[] foldOf, Tally tally, Classifier template,
            UnaryOperator<List<RecordingFeatures>> trainingFold, FoldObserver observer) throws Exception {
        long started = System.nanoTime();
        List<RecordingFeatures> recordings = tally.dataset.recordings();
        List<RecordingFeatures> train = new ArrayList<>();
        List<Integer> testIndex = new ArrayList<>();
        for (int i = 0; i < recordings.size(); i++) {
            if (foldOf[i] == f) {
                testIndex.add(i);
            } else {
                train.add(recordings.get(i));
            }
        }
        if (testIndex.isEmpty()) {
            return;
        }
        TrainingSet.Balanced trainingSet = TrainingSet.build(tally.header, tally.sounds, trainingFold.apply(train),
                balance, seed + f);
        Classifier classifier = AbstractClassifier.makeCopy(template);
        classifier.buildClassifier(trainingSet.data());
        int trainedOn = trainingSet.data().numInstances();
        trainingSet = null;
        if (observer != null) {
            observer.fold(f, classifier, testIndex);
        }
        long right = 0;
        long windows = 0;
        for (int index : testIndex) {
            Tested tested = test(classifier, index, tally);
            right += tested.right();
            windows += tested.windows();
        }
        double accuracy = windows == 0 ? 0 : right / (double) windows;
        if (windows > 0) {
            tally.foldAccuracies.add(accuracy);
        }
        tally.soundRight += right;
        tally.soundWindows += windows;
        log.info(String.format(Locale.ROOT,
                "  fold %d/%d: trained on %d windows of %d recordings, %.1f%% of %d test windows right (%.1f s)",
                f + 1, k, trainedOn, train.size(), 100 * accuracy, windows,
                (System.nanoTime() - started) / 1e9));
    }

    /** The sound windows of a recording heard right and tested: both 0 for a background recording. */
    private record Tested(long right, long windows) {
    }

    /** Tests the windows of one held-out recording and votes them into a clip answer. */
    private static Tested test(Classifier classifier, int index, Tally tally) throws Exception {
        RecordingFeatures recording = tally.dataset.recordings().get(index);
        int actual = tally.sounds.indexOf(recording.sound());
        boolean sound = !tally.background.contains(recording.sound());
        ClipVote vote = new ClipVote(tally.sounds, tally.dataset.background());
        int[] heard = new int[tally.sounds.size()];
        long right = 0;
        long windows = 0;
        float[][] testWindows = recording.windows();
        for (int w = 0; w < testWindows.length; w++) {
            Instance instance = ModelInput.instance(tally.header, testWindows[w]);
            instance.setClassValue(actual);
            double[] distribution = classifier.distributionForInstance(instance);
            if (tally.heldOut != null) {
                tally.heldOut.put(index, w, distribution);
            }
            // Not ...AndRecordPrediction: kept predictions cost about 170 bytes a window and nothing here reads them.
            double predicted = tally.evaluation.evaluateModelOnce(distribution, instance);
            if (sound) {
                right += (int) predicted == actual ? 1 : 0;
                windows++;
            }
            heard[(int) predicted]++;
            vote.add(distribution);
        }
        // A recording always has a window here; without one it would count as the first label, as before.
        int answer = Math.max(0, vote.winner());
        tally.mistakes.add(recording, actual, heard, answer);
        if (sound) {
            tally.clips++;
            tally.clipsRight += answer == actual ? 1 : 0;
        }
        return new Tested(right, windows);
    }

    private ModelDescriptor.Evaluation summarise(Evaluation evaluation, List<String> sounds, int k,
            List<Double> foldAccuracies, double accuracy, long windows, double clipAccuracy, int clips,
            boolean backgroundApart, List<ModelDescriptor.Mistake> mistakes) {
        double[][] weighted = evaluation.confusionMatrix();
        long[][] counts = new long[sounds.size()][sounds.size()];
        for (int a = 0; a < sounds.size(); a++) {
            for (int p = 0; p < sounds.size(); p++) {
                counts[a][p] = Math.round(weighted[a][p]);
            }
        }
        List<ModelDescriptor.SoundMetrics> perSound = ConfusionAnalysis.of(sounds, counts).perSound(sounds);
        double mean = foldAccuracies.stream().mapToDouble(Double::doubleValue).average().orElse(0);
        double variance = foldAccuracies.stream().mapToDouble(a -> (a - mean) * (a - mean)).sum()
                / Math.max(1, foldAccuracies.size());
        String method = String.format(Locale.ROOT,
                "stratified %d-fold cross-validation grouped by recording%s%s", k,
                balance ? ", training folds balanced" : "",
                backgroundApart ? ", accuracy over the sounds' windows (background labels apart)" : "");
        return new ModelDescriptor.Evaluation(method, k, accuracy, Math.sqrt(variance),
                foldAccuracies, clipAccuracy, windows, clips, perSound,
                new ModelDescriptor.ConfusionMatrix(List.copyOf(sounds), counts), mistakes);
    }
}
