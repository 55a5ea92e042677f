package dev.parrot.evaluation;

import dev.parrot.Probabilities;
import dev.parrot.ProgressLog;
import dev.parrot.dataset.RecordingFeatures;
import dev.parrot.dataset.SoundDataset;
import dev.parrot.dataset.TrainingSet;
import dev.parrot.model.ModelDescriptor;
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
 * A recording's windows are also voted together (mean probability) for a clip-level accuracy.
 */
public final class CrossValidation {

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
        List<String> sounds = dataset.sounds();
        int k = effectiveFolds(folds, dataset);
        for (String sound : sounds) {
            int recordings = dataset.recordingsOf(sound).size();
            if (recordings < 2) {
                log.warn("Sound '" + sound + "' has only one recording: in the fold that tests it the model has never"
                        + " heard it, so its recall will be poor. Record it a few more times.");
            }
        }
        // Background windows (the silence between sounds, talking, the room) are easy and plentiful: counted in the
        // headline accuracy they would flatter it, so it is over the sounds' windows and recordings alone; the
        // confusion matrix and per-label figures keep the background rows, shown apart.
        Set<String> background = Set.copyOf(dataset.background());
        List<RecordingFeatures> recordings = dataset.recordings();
        int[] foldOf = GroupedFolds.assign(recordings, sounds, k, seed);
        Evaluation evaluation = new Evaluation(header);
        List<Double> foldAccuracies = new ArrayList<>();
        int clipsRight = 0;
        int clips = 0;
        long soundRight = 0;
        long soundWindows = 0;
        Mistakes mistakes = new Mistakes(sounds);
        for (int f = 0; f < k; f++) {
            long started = System.nanoTime();
            List<RecordingFeatures> train = new ArrayList<>();
            List<RecordingFeatures> test = new ArrayList<>();
            List<Integer> testIndex = new ArrayList<>();
            for (int i = 0; i < recordings.size(); i++) {
                (foldOf[i] == f ? test : train).add(recordings.get(i));
                if (foldOf[i] == f) {
                    testIndex.add(i);
                }
            }
            if (test.isEmpty()) {
                continue;
            }
            TrainingSet.Balanced trainingSet = TrainingSet.build(header, sounds, trainingFold.apply(train), balance,
                    seed + f);
            Classifier classifier = AbstractClassifier.makeCopy(template);
            classifier.buildClassifier(trainingSet.data());
            long right = 0;
            long windows = 0;
            for (int t = 0; t < test.size(); t++) {
                RecordingFeatures recording = test.get(t);
                int actual = sounds.indexOf(recording.sound());
                boolean sound = !background.contains(recording.sound());
                double[] clipVotes = new double[sounds.size()];
                int[] heard = new int[sounds.size()];
                float[][] testWindows = recording.windows();
                for (int w = 0; w < testWindows.length; w++) {
                    Instance instance = TrainingSet.instance(header, testWindows[w]);
                    instance.setClassValue(actual);
                    double[] distribution = classifier.distributionForInstance(instance);
                    if (heldOut != null) {
                        heldOut.put(testIndex.get(t), w, distribution);
                    }
                    // Not ...AndRecordPrediction: kept predictions cost about 170 bytes a window and nothing here reads them.
                    double predicted = evaluation.evaluateModelOnce(distribution, instance);
                    if (sound) {
                        right += (int) predicted == actual ? 1 : 0;
                        windows++;
                    }
                    heard[(int) predicted]++;
                    for (int c = 0; c < distribution.length; c++) {
                        clipVotes[c] += distribution[c];
                    }
                }
                mistakes.add(recording, actual, heard, clipVotes);
                if (sound) {
                    clips++;
                    clipsRight += Probabilities.mostProbable(clipVotes) == actual ? 1 : 0;
                }
            }
            double accuracy = windows == 0 ? 0 : right / (double) windows;
            if (windows > 0) {
                foldAccuracies.add(accuracy);
            }
            soundRight += right;
            soundWindows += windows;
            log.info(String.format(Locale.ROOT,
                    "  fold %d/%d: trained on %d windows of %d recordings, %.1f%% of %d test windows right (%.1f s)",
                    f + 1, k, trainingSet.data().numInstances(), train.size(), 100 * accuracy, windows,
                    (System.nanoTime() - started) / 1e9));
        }
        return summarise(evaluation, sounds, k, foldAccuracies, ConfusionAnalysis.share(soundRight, soundWindows),
                soundWindows, ConfusionAnalysis.share(clipsRight, clips), clips, !background.isEmpty(),
                mistakes.worst());
    }

    private ModelDescriptor.Evaluation summarise(Evaluation evaluation, List<String> sounds, int k,
            List<Double> foldAccuracies, double accuracy, long windows, double clipAccuracy, int clips,
            boolean backgroundApart, List<ModelDescriptor.Mistake> mistakes) {
        double[][] confusion = evaluation.confusionMatrix();
        long[][] counts = new long[sounds.size()][sounds.size()];
        List<ModelDescriptor.SoundMetrics> perSound = new ArrayList<>();
        for (int a = 0; a < sounds.size(); a++) {
            long support = 0;
            for (int p = 0; p < sounds.size(); p++) {
                counts[a][p] = Math.round(confusion[a][p]);
                support += counts[a][p];
            }
            perSound.add(new ModelDescriptor.SoundMetrics(sounds.get(a), finite(evaluation.precision(a)),
                    finite(evaluation.recall(a)), finite(evaluation.fMeasure(a)), support));
        }
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

    private static double finite(double v) {
        return Double.isFinite(v) ? v : 0.0;
    }

}
