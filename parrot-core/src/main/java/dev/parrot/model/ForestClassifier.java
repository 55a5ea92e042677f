package dev.parrot.model;

import dev.parrot.model.forest.ForestHolder;
import dev.parrot.model.forest.TreeForest;
import weka.classifiers.AbstractClassifier;
import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;

import java.io.Serial;

/**
 * A forest read from its model file, as the Weka classifier the runtime and Weka's evaluation call: it predicts from
 * the arrays exactly as the {@code fast-forest} learner that grew them does. It learns nothing itself; training is
 * the learner's ({@code dev.parrot.training.BinnedForest}).
 */
final class ForestClassifier extends AbstractClassifier implements ForestHolder {

    @Serial
    private static final long serialVersionUID = 1L;

    private final TreeForest forest;

    /** @param forest reads the attributes before the class, in order */
    ForestClassifier(TreeForest forest) {
        this.forest = forest;
    }

    @Override
    public TreeForest forest() {
        return forest;
    }

    /**
     * Refuses: the forest is read, not learnt here.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public void buildClassifier(Instances data) {
        throw new UnsupportedOperationException("a forest read from a model file is not trained again;"
                + " train the fast-forest learner instead");
    }

    @Override
    public Capabilities getCapabilities() {
        Capabilities result = super.getCapabilities();
        result.disableAll();
        result.enable(Capabilities.Capability.NUMERIC_ATTRIBUTES);
        result.enable(Capabilities.Capability.NOMINAL_CLASS);
        return result;
    }

    @Override
    public double[] distributionForInstance(Instance instance) {
        double[] x = new double[forest.features()];
        for (int f = 0; f < x.length; f++) {
            x[f] = instance.value(f);
        }
        return forest.distribution(x);
    }

    @Override
    public String toString() {
        return "Forest read from a model file: " + forest.trees().size() + " trees, " + forest.classes() + " classes, "
                + forest.features() + " features, " + forest.nodes() / forest.trees().size()
                + " nodes per tree on average";
    }
}
