package dev.parrot.onsets;

import dev.parrot.dataset.Balancing;
import dev.parrot.dataset.RecordingFeatures;
import dev.parrot.dataset.TrainingSet;
import dev.parrot.features.FeatureSettings;
import dev.parrot.features.OnsetFeatures;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.ModelFiles;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Instances;
import weka.core.OptionHandler;

import java.util.ArrayList;
import java.util.List;

/**
 * Trains the onset model on {@link OnsetExamples}: the same learner as the window model, on a set balanced the way
 * the window model's is, so that a sound with many takes does not drown one with few, nor the background's many onsets
 * the sounds'.
 */
public final class OnsetLearner {

    /**
     * How much audio from an onset a short sound is decided on. Chosen on the stream benchmark within the delay
     * budget (median at most 60 ms from the true onset to the report): see the benchmarks page.
     */
    public static final int DEFAULT_SEGMENT_MILLIS = 75;

    /** The onset model as trained, and its description for the model JSON (its hash filled in when written). */
    public record Trained(Classifier classifier, Instances header, ModelDescriptor.OnsetModel description) {

        public ModelFiles.Part part() {
            return new ModelFiles.Part(classifier, header);
        }
    }

    private final FeatureSettings settings;
    private final int segmentMillis;
    private final Classifier template;
    private final boolean balance;

    public OnsetLearner(FeatureSettings settings, int segmentMillis, Classifier template, boolean balance) {
        this.settings = settings;
        this.segmentMillis = segmentMillis;
        this.template = template;
        this.balance = balance;
    }

    /**
     * A forest's trees draw log2 of the segment's values plus one at each split (option {@code -K}, as Weka's
     * RandomForest and Parrot's fast forest name it; Weka's own default), whatever the window model draws: one value
     * of a segment's hundreds says little. On the stream benchmark's tuning seed a split over one drawn value labelled
     * 0.40 of the hits right, over log2 + 1 (10) 0.54 and over the square root (24) 0.56, within the noise of 50 hits;
     * the square root made training on the drum set 2.8 s longer (15.6 s against 12.8 s).
     */
    static void widenSplits(Classifier classifier, int dimension) throws Exception {
        if (!(classifier instanceof OptionHandler handler)) {
            return;
        }
        String[] options = handler.getOptions();
        for (int i = 0; i + 1 < options.length; i++) {
            if (options[i].equals("-K")) {
                options[i + 1] = Integer.toString((int) (Math.log(dimension) / Math.log(2)) + 1);
                handler.setOptions(options);
                return;
            }
        }
    }

    /** Trains on the given groups of examples (all of them, or a cross-validation fold's). */
    public Trained train(String name, List<String> classes, List<RecordingFeatures> groups, long seed)
            throws Exception {
        OnsetFeatures features = new OnsetFeatures(settings, segmentMillis);
        Instances header = TrainingSet.header(name + "-onsets", features.featureNames(), classes);
        TrainingSet.Balanced set = TrainingSet.build(header, classes, groups, balance, seed);
        Classifier classifier = AbstractClassifier.makeCopy(template);
        widenSplits(classifier, features.dimension());
        classifier.buildClassifier(set.data());
        List<Integer> examples = new ArrayList<>();
        for (String c : classes) {
            Balancing.SoundBalance b = set.balancing().get(c);
            examples.add(b == null ? 0 : b.after());
        }
        return new Trained(classifier, new Instances(header, 0),
                new ModelDescriptor.OnsetModel(segmentMillis, features.dimension(), classes, examples, null));
    }
}
