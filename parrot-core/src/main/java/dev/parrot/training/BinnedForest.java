package dev.parrot.training;

import dev.parrot.model.forest.ForestHolder;
import dev.parrot.model.forest.TreeForest;
import weka.classifiers.AbstractClassifier;
import weka.core.Capabilities;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Option;
import weka.core.Randomizable;
import weka.core.Utils;
import weka.core.WeightedInstancesHandler;

import java.io.Serial;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A random forest for many windows of few features, as a Weka classifier: every numeric feature is cut once into at
 * most 255 bins at quantiles of its values, and each tree then finds its splits by counting classes per bin (Gini
 * impurity) instead of sorting the windows at every node as Weka's {@code RandomTree} does. The work per node is
 * linear in its windows, and the data set is held as one byte per value, so training time grows linearly with the
 * recordings and a forest over hundreds of thousands of windows fits in a few hundred megabytes.
 *
 * <p>Each tree learns from a bootstrap sample of the windows ({@code -P} percent of their number) and chooses each
 * split among {@code -K} features drawn at random, drawing more when none of them separates the windows. A window's
 * class distribution is the mean of the class frequencies in the leaves it reaches. The same data, options and seed
 * give the same forest on any number of threads.
 *
 * <p>Its model file holds the {@link #forest()} as data ({@link dev.parrot.model.forest.ForestFormat}). The fields
 * keep the layout Java serialisation wrote before that format, so that an older model file still loads.
 */
public class BinnedForest extends AbstractClassifier implements Randomizable, WeightedInstancesHandler, ForestHolder {

    @Serial
    private static final long serialVersionUID = 1L;

    /** Values a feature is sampled at to place its bin edges; more change the edges by little. */
    private static final int EDGE_SAMPLE = 50_000;

    private int numTrees = 100;
    private int numFeatures = 3;
    private int bagSizePercent = 50;
    private int maxDepth = 0;
    private int minLeaf = 1;
    private int bins = 255;
    private int seed = 1;
    private int numThreads = 1;

    private Tree[] trees;
    private int[] attributeOf;
    private int numClasses;
    /** The trees as the forest that predicts; made from {@link #trees} when first needed, also after deserialising. */
    private transient volatile TreeForest forest;

    public int getNumTrees() {
        return numTrees;
    }

    public void setNumTrees(int numTrees) {
        this.numTrees = numTrees;
    }

    public int getNumFeatures() {
        return numFeatures;
    }

    /** Features drawn for each split; 0 or less for Weka's log2(features) + 1. */
    public void setNumFeatures(int numFeatures) {
        this.numFeatures = numFeatures;
    }

    public int getBagSizePercent() {
        return bagSizePercent;
    }

    public void setBagSizePercent(int bagSizePercent) {
        this.bagSizePercent = bagSizePercent;
    }

    public int getMaxDepth() {
        return maxDepth;
    }

    /** 0 for no limit. */
    public void setMaxDepth(int maxDepth) {
        this.maxDepth = maxDepth;
    }

    public int getMinLeaf() {
        return minLeaf;
    }

    public void setMinLeaf(int minLeaf) {
        this.minLeaf = minLeaf;
    }

    public int getBins() {
        return bins;
    }

    public void setBins(int bins) {
        this.bins = bins;
    }

    @Override
    public int getSeed() {
        return seed;
    }

    @Override
    public void setSeed(int seed) {
        this.seed = seed;
    }

    public int getNumThreads() {
        return numThreads;
    }

    public void setNumThreads(int numThreads) {
        this.numThreads = numThreads;
    }

    @Override
    public Capabilities getCapabilities() {
        Capabilities result = super.getCapabilities();
        result.disableAll();
        result.enable(Capabilities.Capability.NUMERIC_ATTRIBUTES);
        result.enable(Capabilities.Capability.NOMINAL_CLASS);
        result.enable(Capabilities.Capability.MISSING_CLASS_VALUES);
        return result;
    }

    @Override
    public Enumeration<Option> listOptions() {
        List<Option> options = new ArrayList<>();
        options.add(new Option("\tNumber of trees (default 100).", "I", 1, "-I <trees>"));
        options.add(new Option("\tFeatures drawn for each split; 0 for log2(features) + 1 (default 3).", "K", 1,
                "-K <features>"));
        options.add(new Option("\tBootstrap sample of each tree, percent of the windows (default 50).", "P", 1,
                "-P <percent>"));
        options.add(new Option("\tMaximum depth of a tree, 0 for none (default 0).", "depth", 1, "-depth <depth>"));
        options.add(new Option("\tMinimum windows (total weight) in a leaf (default 1).", "M", 1, "-M <windows>"));
        options.add(new Option("\tBins per feature, 2 to 255 (default 255).", "bins", 1, "-bins <bins>"));
        options.add(new Option("\tRandom seed (default 1).", "S", 1, "-S <seed>"));
        options.add(new Option("\tThreads that grow trees (default 1).", "num-slots", 1, "-num-slots <threads>"));
        options.addAll(Collections.list(super.listOptions()));
        return Collections.enumeration(options);
    }

    @Override
    public void setOptions(String[] options) throws Exception {
        numTrees = intOption("I", options, 100);
        numFeatures = intOption("K", options, 3);
        bagSizePercent = intOption("P", options, 50);
        maxDepth = intOption("depth", options, 0);
        minLeaf = intOption("M", options, 1);
        bins = intOption("bins", options, 255);
        seed = intOption("S", options, 1);
        numThreads = intOption("num-slots", options, 1);
        super.setOptions(options);
        if (numTrees < 1 || bagSizePercent < 1 || minLeaf < 1 || bins < 2 || bins > 255 || maxDepth < 0
                || numThreads < 1) {
            throw new IllegalArgumentException("needs -I >= 1, -P >= 1, -M >= 1, -bins 2..255, -depth >= 0,"
                    + " -num-slots >= 1");
        }
        Utils.checkForRemainingOptions(options);
    }

    private static int intOption(String flag, String[] options, int fallback) throws Exception {
        String value = Utils.getOption(flag, options);
        return value.isEmpty() ? fallback : Integer.parseInt(value);
    }

    @Override
    public String[] getOptions() {
        List<String> options = new ArrayList<>(List.of("-I", Integer.toString(numTrees), "-K",
                Integer.toString(numFeatures), "-P", Integer.toString(bagSizePercent), "-depth",
                Integer.toString(maxDepth), "-M", Integer.toString(minLeaf), "-bins", Integer.toString(bins), "-S",
                Integer.toString(seed), "-num-slots", Integer.toString(numThreads)));
        Collections.addAll(options, super.getOptions());
        return options.toArray(String[]::new);
    }

    @Override
    public void buildClassifier(Instances data) throws Exception {
        getCapabilities().testWithFail(data);
        Instances train = new Instances(data, 0, data.numInstances());
        train.deleteWithMissingClass();
        if (train.numInstances() == 0) {
            throw new IllegalArgumentException("no training window has a class");
        }
        numClasses = train.numClasses();
        int classIndex = train.classIndex();
        attributeOf = new int[train.numAttributes() - 1];
        for (int a = 0, f = 0; a < train.numAttributes(); a++) {
            if (a != classIndex) {
                attributeOf[f++] = a;
            }
        }
        int n = train.numInstances();
        int[] labels = new int[n];
        double[] weights = new double[n];
        for (int i = 0; i < n; i++) {
            Instance instance = train.instance(i);
            labels[i] = (int) instance.classValue();
            weights[i] = instance.weight();
        }
        Binned binned = bin(train);
        int features = attributeOf.length;
        int draw = Math.max(1, Math.min(features, numFeatures > 0 ? numFeatures : (int) Utils.log2(features) + 1));
        int sample = Math.max(1, (int) Math.round(n * bagSizePercent / 100.0));

        trees = new Tree[numTrees];
        forest = null;
        ExecutorService pool = numThreads > 1 ? Executors.newFixedThreadPool(numThreads, r -> {
            Thread t = new Thread(r, "parrot-forest");
            t.setDaemon(true);
            return t;
        }) : null;
        try {
            List<Future<Tree>> futures = new ArrayList<>();
            for (int t = 0; t < numTrees; t++) {
                long treeSeed = seed * 1_000_003L + t;
                if (pool == null) {
                    trees[t] = new Grower(binned, labels, weights, draw, sample, treeSeed).grow();
                } else {
                    futures.add(pool.submit(() -> new Grower(binned, labels, weights, draw, sample, treeSeed).grow()));
                }
            }
            for (int t = 0; t < futures.size(); t++) {
                trees[t] = futures.get(t).get();
            }
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        } finally {
            if (pool != null) {
                pool.shutdownNow();
            }
        }
    }

    @Override
    public double[] distributionForInstance(Instance instance) {
        TreeForest predicting = forest();
        double[] x = new double[attributeOf.length];
        for (int f = 0; f < x.length; f++) {
            x[f] = instance.value(attributeOf[f]);
        }
        return predicting.distribution(x);
    }

    /** The trained trees, reading the features in the order of the attributes other than the class. */
    @Override
    public TreeForest forest() {
        TreeForest made = forest;
        if (made == null) {
            if (trees == null) {
                throw new IllegalStateException("the forest has not been trained");
            }
            List<TreeForest.Tree> arrays = new ArrayList<>(trees.length);
            for (Tree tree : trees) {
                arrays.add(new TreeForest.Tree(tree.feature, tree.threshold, tree.left, tree.distributionStart,
                        tree.distributions));
            }
            made = new TreeForest(attributeOf.length, numClasses, arrays);
            forest = made;
        }
        return made;
    }

    /** The bin edges of every feature and each window's bin, one byte per value. */
    private record Binned(double[][] edges, byte[][] codes, int size) {
    }

    private Binned bin(Instances train) {
        int n = train.numInstances();
        int features = attributeOf.length;
        double[][] edges = new double[features][];
        byte[][] codes = new byte[features][n];
        Random random = new Random(seed);
        int[] sampled = null;
        if (n > EDGE_SAMPLE) {
            sampled = new int[EDGE_SAMPLE];
            for (int i = 0; i < EDGE_SAMPLE; i++) {
                sampled[i] = random.nextInt(n);
            }
        }
        double[] values = new double[sampled == null ? n : sampled.length];
        for (int f = 0; f < features; f++) {
            int attribute = attributeOf[f];
            for (int i = 0; i < values.length; i++) {
                values[i] = train.instance(sampled == null ? i : sampled[i]).value(attribute);
            }
            Arrays.sort(values);
            edges[f] = edges(values, bins);
            double[] e = edges[f];
            byte[] code = codes[f];
            for (int i = 0; i < n; i++) {
                code[i] = (byte) binOf(e, train.instance(i).value(attribute));
            }
        }
        return new Binned(edges, codes, n);
    }

    /**
     * Up to {@code bins - 1} split points at quantiles of sorted values, each halfway between two neighbouring
     * distinct values, so that bin b holds the values at or below edge b.
     */
    static double[] edges(double[] sorted, int bins) {
        double[] out = new double[bins - 1];
        int count = 0;
        int n = sorted.length;
        for (int b = 1; b < bins; b++) {
            int at = (int) ((long) b * n / bins);
            if (at <= 0 || at >= n) {
                continue;
            }
            // Move to the end of a run of equal values, so that an edge always separates two distinct values.
            while (at < n && sorted[at] == sorted[at - 1]) {
                at++;
            }
            if (at >= n) {
                break;
            }
            double edge = sorted[at - 1] + (sorted[at] - sorted[at - 1]) / 2;
            if (count == 0 || edge > out[count - 1]) {
                out[count++] = edge;
            }
        }
        return Arrays.copyOf(out, count);
    }

    /** The first bin whose edge is at or above the value; values above every edge go in the last bin. */
    static int binOf(double[] edges, double value) {
        int lo = 0;
        int hi = edges.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (value <= edges[mid]) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    /**
     * A grown tree in arrays, as {@link TreeForest.Tree} describes them. A class of its own, not that record, because
     * model files written before the forest format hold it under this name and with these fields.
     */
    private static final class Tree implements java.io.Serializable {
        @Serial
        private static final long serialVersionUID = 1L;

        final int[] feature;
        final double[] threshold;
        final int[] left;
        final int[] distributionStart;
        final float[] distributions;

        Tree(int[] feature, double[] threshold, int[] left, int[] distributionStart, float[] distributions) {
            this.feature = feature;
            this.threshold = threshold;
            this.left = left;
            this.distributionStart = distributionStart;
            this.distributions = distributions;
        }
    }

    /** Grows one tree; owns its buffers, so trees grow in parallel. */
    private final class Grower {
        private final Binned data;
        private final int[] labels;
        private final Random random;
        private final int draw;
        private final int[] rows;
        private final double[] rowWeight;
        private final double[] histogram;
        private final double[] leftCounts = new double[numClasses];
        private final double[] nodeCounts = new double[numClasses];
        private final int[] featureOrder;

        private int[] feature = new int[64];
        private double[] threshold = new double[64];
        private int[] left = new int[64];
        private int[] distributionStart = new int[64];
        private float[] distributions = new float[64 * numClasses];
        private int nodes;
        private int distributionSize;

        Grower(Binned data, int[] labels, double[] weights, int draw, int sample, long treeSeed) {
            this.data = data;
            this.labels = labels;
            this.random = new Random(treeSeed);
            this.draw = draw;
            int n = data.size();
            int[] times = new int[n];
            for (int i = 0; i < sample; i++) {
                times[random.nextInt(n)]++;
            }
            int used = 0;
            for (int t : times) {
                if (t > 0) {
                    used++;
                }
            }
            rows = new int[used];
            rowWeight = new double[used];
            for (int i = 0, r = 0; i < n; i++) {
                if (times[i] > 0) {
                    rows[r] = i;
                    rowWeight[r++] = times[i] * weights[i];
                }
            }
            histogram = new double[256 * numClasses];
            featureOrder = new int[data.codes().length];
            for (int f = 0; f < featureOrder.length; f++) {
                featureOrder[f] = f;
            }
        }

        Tree grow() {
            newNode();
            // Each entry: node, first row, end of rows, depth.
            int[] stack = new int[4 * 64];
            int top = 0;
            stack[top++] = 0;
            stack[top++] = 0;
            stack[top++] = rows.length;
            // The root is at depth 0, as in Weka's trees: -depth 1 grows stumps.
            stack[top++] = 0;
            while (top > 0) {
                int depth = stack[--top];
                int end = stack[--top];
                int start = stack[--top];
                int node = stack[--top];
                Arrays.fill(nodeCounts, 0);
                double total = 0;
                for (int r = start; r < end; r++) {
                    nodeCounts[labels[rows[r]]] += rowWeight[r];
                    total += rowWeight[r];
                }
                int bestFeature = -1;
                int bestBin = -1;
                boolean pure = isPure(nodeCounts);
                if (!pure && total >= 2 * minLeaf && (maxDepth == 0 || depth < maxDepth)) {
                    long split = findSplit(start, end, total);
                    if (split >= 0) {
                        bestFeature = (int) (split >>> 8);
                        bestBin = (int) (split & 0xff);
                    }
                }
                if (bestFeature < 0) {
                    makeLeaf(node, total);
                    continue;
                }
                int middle = partition(start, end, data.codes()[bestFeature], bestBin);
                int children = newNode();
                newNode();
                feature[node] = bestFeature;
                threshold[node] = data.edges()[bestFeature][bestBin];
                left[node] = children;
                if (top + 8 > stack.length) {
                    stack = Arrays.copyOf(stack, stack.length * 2);
                }
                stack[top++] = children + 1;
                stack[top++] = middle;
                stack[top++] = end;
                stack[top++] = depth + 1;
                stack[top++] = children;
                stack[top++] = start;
                stack[top++] = middle;
                stack[top++] = depth + 1;
            }
            return new Tree(Arrays.copyOf(feature, nodes), Arrays.copyOf(threshold, nodes),
                    Arrays.copyOf(left, nodes), Arrays.copyOf(distributionStart, nodes),
                    Arrays.copyOf(distributions, distributionSize));
        }

        /**
         * The best split among randomly drawn features, as feature << 8 | bin, or -1. Features are drawn in a random
         * order; after {@code draw} of them the search stops at the first that splits at all.
         */
        private long findSplit(int start, int end, double total) {
            double parentScore = 0;
            for (double c : nodeCounts) {
                parentScore += c * c;
            }
            parentScore /= total;
            double bestScore = parentScore + 1e-12 * total;
            long best = -1;
            int features = featureOrder.length;
            for (int tried = 0; tried < features; tried++) {
                int pick = tried + random.nextInt(features - tried);
                int f = featureOrder[pick];
                featureOrder[pick] = featureOrder[tried];
                featureOrder[tried] = f;
                if (tried >= draw && best >= 0) {
                    break;
                }
                int usedBins = data.edges()[f].length + 1;
                Arrays.fill(histogram, 0, usedBins * numClasses, 0);
                byte[] code = data.codes()[f];
                for (int r = start; r < end; r++) {
                    histogram[(code[rows[r]] & 0xff) * numClasses + labels[rows[r]]] += rowWeight[r];
                }
                Arrays.fill(leftCounts, 0);
                double leftTotal = 0;
                for (int b = 0; b < usedBins - 1; b++) {
                    int at = b * numClasses;
                    for (int c = 0; c < numClasses; c++) {
                        leftCounts[c] += histogram[at + c];
                        leftTotal += histogram[at + c];
                    }
                    double rightTotal = total - leftTotal;
                    if (leftTotal < minLeaf || rightTotal < minLeaf) {
                        if (rightTotal < minLeaf) {
                            break;
                        }
                        continue;
                    }
                    double leftSquares = 0;
                    double rightSquares = 0;
                    for (int c = 0; c < numClasses; c++) {
                        double l = leftCounts[c];
                        double r = nodeCounts[c] - l;
                        leftSquares += l * l;
                        rightSquares += r * r;
                    }
                    // Largest sum of squared class weights over subset weight = smallest weighted Gini impurity.
                    double score = leftSquares / leftTotal + rightSquares / rightTotal;
                    if (score > bestScore) {
                        bestScore = score;
                        best = ((long) f << 8) | b;
                    }
                }
            }
            return best;
        }

        private int partition(int start, int end, byte[] code, int bin) {
            int i = start;
            int j = end - 1;
            while (i <= j) {
                if ((code[rows[i]] & 0xff) <= bin) {
                    i++;
                } else {
                    swap(i, j--);
                }
            }
            return i;
        }

        private void swap(int i, int j) {
            int r = rows[i];
            rows[i] = rows[j];
            rows[j] = r;
            double w = rowWeight[i];
            rowWeight[i] = rowWeight[j];
            rowWeight[j] = w;
        }

        private boolean isPure(double[] counts) {
            int nonZero = 0;
            for (double c : counts) {
                if (c > 0) {
                    nonZero++;
                }
            }
            return nonZero <= 1;
        }

        private int newNode() {
            if (nodes == feature.length) {
                int size = nodes * 2;
                feature = Arrays.copyOf(feature, size);
                threshold = Arrays.copyOf(threshold, size);
                left = Arrays.copyOf(left, size);
                distributionStart = Arrays.copyOf(distributionStart, size);
            }
            feature[nodes] = -1;
            distributionStart[nodes] = -1;
            return nodes++;
        }

        private void makeLeaf(int node, double total) {
            if (distributionSize + numClasses > distributions.length) {
                distributions = Arrays.copyOf(distributions, distributions.length * 2);
            }
            distributionStart[node] = distributionSize;
            for (int c = 0; c < numClasses; c++) {
                distributions[distributionSize++] = (float) (total > 0 ? nodeCounts[c] / total : 1.0 / numClasses);
            }
        }
    }

    @Override
    public String toString() {
        if (trees == null) {
            return "BinnedForest: not trained";
        }
        long nodes = forest().nodes();
        return "BinnedForest: " + trees.length + " trees, " + numClasses + " classes, " + attributeOf.length
                + " features, " + (nodes / trees.length) + " nodes per tree on average\nOptions: "
                + Utils.joinOptions(getOptions());
    }

    public static void main(String[] args) {
        runClassifier(new BinnedForest(), args);
    }
}
