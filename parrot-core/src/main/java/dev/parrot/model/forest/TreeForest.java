package dev.parrot.model.forest;

import java.io.Serializable;
import java.util.List;

/**
 * A trained random forest as arrays: what {@code fast-forest} learns and what its model file holds. A window's class
 * distribution is the mean, over the trees, of the class frequencies in the leaf it reaches.
 *
 * <p>Immutable once made, so one forest predicts on any number of threads. Serializable only so that Weka can copy a
 * classifier holding one in memory; its files are written by {@link ForestFormat}.
 *
 * @param features how many feature values a window has
 * @param classes how many classes each leaf gives a probability for
 * @param trees at least one
 */
public record TreeForest(int features, int classes, List<Tree> trees) implements Serializable {

    public TreeForest {
        trees = List.copyOf(trees);
    }

    /**
     * One tree: node {@code i} is a leaf when {@code feature[i] < 0}, whose class frequencies are
     * {@code distributions[distributionStart[i] .. + classes]}; otherwise it sends a window whose value of
     * {@code feature[i]} is at most {@code threshold[i]} to node {@code left[i]} and any other to {@code left[i] + 1}.
     * The root is node 0, and children come after their parent, so a walk always ends.
     */
    public record Tree(int[] feature, double[] threshold, int[] left, int[] distributionStart, float[] distributions)
            implements Serializable {

        /** The leaf a window reaches. */
        public int leafOf(double[] x) {
            int node = 0;
            while (feature[node] >= 0) {
                node = x[feature[node]] <= threshold[node] ? left[node] : left[node] + 1;
            }
            return node;
        }

        public int size() {
            return feature.length;
        }
    }

    /**
     * The class distribution of one window.
     *
     * @param x {@link #features()} values
     */
    public double[] distribution(double[] x) {
        double[] sum = new double[classes];
        for (Tree tree : trees) {
            int at = tree.distributionStart[tree.leafOf(x)];
            for (int c = 0; c < classes; c++) {
                sum[c] += tree.distributions[at + c];
            }
        }
        for (int c = 0; c < classes; c++) {
            sum[c] /= trees.size();
        }
        return sum;
    }

    /** Nodes over all trees. */
    public long nodes() {
        long nodes = 0;
        for (Tree tree : trees) {
            nodes += tree.size();
        }
        return nodes;
    }
}
