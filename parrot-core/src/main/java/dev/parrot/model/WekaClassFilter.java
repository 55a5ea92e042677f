package dev.parrot.model;

import java.io.ObjectInputFilter;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The classes a model file in Weka's serialisation may hold, checked before any of them is created: Java
 * deserialisation runs code of the classes a stream names, so a {@code .model} file from elsewhere (a downloaded
 * model, a class path resource) must not name any other.
 *
 * <p>Each class is judged by name before it is loaded ({@link #admits}), and again as the stream's filter. The first
 * class a stream names is its classifier's. It must be one of the learners Parrot offers, and from then
 * on the stream may hold only what a model of that learner is made of: the classes {@code WekaModelFormatTest} finds
 * in a trained model of each, the data header's, and, where a learner's options pick among a family (SMO's kernels,
 * naive Bayes' estimators, IBk's neighbour searches, J48's split models), that family's package. Every other class,
 * including the rest of Weka, is refused. Arrays may be no longer than the stream and nesting no deeper than
 * {@link #MAX_DEPTH}, so that no count in a file allocates beyond its size.
 */
final class WekaClassFilter implements ObjectInputFilter {

    /** Deeper than any model's object graph (J48's deepest trees nest a few hundred objects), short of the stack. */
    static final int MAX_DEPTH = 5_000;

    /** A learner's friendly name, the classes its models hold and the packages whose classes its options may add. */
    record Learner(String name, Set<String> classes, List<String> packages) {
    }

    /** What every model file holds: the classifier's base class, the data header, Java's boxes and collections. */
    static final Set<String> COMMON = Set.of("weka.classifiers.AbstractClassifier", "weka.core.Instances",
            "weka.core.Attribute", "weka.core.NominalAttributeInfo", "weka.core.NumericAttributeInfo",
            "weka.core.ProtectedProperties", "java.util.Properties", "java.lang.Object", "java.lang.Number",
            "java.lang.Integer", "java.util.ArrayList", "java.util.HashMap", "java.util.Hashtable",
            "java.util.Map$Entry");

    /** Filters, locators and ranges that learners which preprocess their data keep. */
    private static final Set<String> PREPROCESSING = Set.of("java.util.BitSet", "weka.core.AttributeLocator",
            "weka.core.RelationalLocator", "weka.core.StringLocator", "weka.core.Queue", "weka.core.Range",
            "weka.filters.Filter", "weka.filters.unsupervised.attribute.PotentialClassIgnorer",
            "weka.filters.unsupervised.attribute.ReplaceMissingValues",
            "weka.filters.unsupervised.attribute.NominalToBinary");

    /** By the classifier's class name. */
    static final Map<String, Learner> LEARNERS = Map.of(
            "dev.parrot.training.BinnedForest", new Learner("fast-forest",
                    Set.of("dev.parrot.training.BinnedForest", "dev.parrot.training.BinnedForest$Tree"), List.of()),
            "weka.classifiers.trees.RandomForest", new Learner("random-forest", Set.of("java.util.Random",
                    "weka.classifiers.Classifier", "weka.classifiers.SingleClassifierEnhancer",
                    "weka.classifiers.IteratedSingleClassifierEnhancer",
                    "weka.classifiers.ParallelIteratedSingleClassifierEnhancer",
                    "weka.classifiers.RandomizableParallelIteratedSingleClassifierEnhancer",
                    "weka.classifiers.meta.Bagging", "weka.classifiers.trees.RandomForest",
                    "weka.classifiers.trees.RandomTree", "weka.classifiers.trees.RandomTree$Tree"), List.of()),
            "weka.classifiers.trees.J48", new Learner("decision-tree", Set.of("weka.classifiers.trees.J48"),
                    List.of("weka.classifiers.trees.j48.")),
            "weka.classifiers.functions.SMO", new Learner("svm", union(PREPROCESSING,
                    "weka.classifiers.functions.SMO", "weka.classifiers.functions.SMO$BinarySMO",
                    "weka.classifiers.functions.Logistic", "weka.filters.unsupervised.attribute.Normalize",
                    "weka.filters.unsupervised.attribute.Standardize", "weka.core.AbstractInstance",
                    "weka.core.DenseInstance"),
                    List.of("weka.classifiers.functions.supportVector.")),
            "weka.classifiers.functions.Logistic", new Learner("logistic", union(PREPROCESSING,
                    "weka.classifiers.functions.Logistic", "weka.filters.unsupervised.attribute.Remove",
                    "weka.filters.unsupervised.attribute.RemoveUseless"), List.of()),
            "weka.classifiers.bayes.NaiveBayes", new Learner("naive-bayes", Set.of("weka.classifiers.bayes.NaiveBayes"),
                    List.of("weka.estimators.")),
            "weka.classifiers.lazy.IBk", new Learner("nearest-neighbours", Set.of("weka.classifiers.lazy.IBk",
                    "weka.classifiers.rules.ZeroR", "weka.core.AbstractInstance", "weka.core.DenseInstance",
                    "weka.core.Range", "weka.core.NormalizableDistance", "weka.core.EuclideanDistance",
                    "weka.core.ManhattanDistance", "weka.core.ChebyshevDistance", "weka.core.MinkowskiDistance"),
                    List.of("weka.core.neighboursearch.")),
            "weka.classifiers.functions.MultilayerPerceptron", new Learner("neural-network", union(PREPROCESSING,
                    "java.util.Random", "weka.classifiers.functions.MultilayerPerceptron",
                    "weka.classifiers.functions.MultilayerPerceptron$NeuralEnd", "weka.classifiers.rules.ZeroR"),
                    List.of("weka.classifiers.functions.neural.")));

    private final long maxArray;
    private Learner learner;
    /** The first class refused, for the message; one filter a stream. */
    private String rejected;

    /** @param streamBytes the length of the stream: no array in it can be longer */
    WekaClassFilter(long streamBytes) {
        this.maxArray = streamBytes;
    }

    private static Set<String> union(Set<String> common, String... more) {
        return Set.copyOf(java.util.stream.Stream.concat(common.stream(), java.util.Arrays.stream(more)).toList());
    }

    /** The learner the stream's classifier is a model of, once its first class has been read; null before. */
    Learner learner() {
        return learner;
    }

    /** The name of the class this filter refused, or null. */
    String rejected() {
        return rejected;
    }

    /**
     * Whether the stream may hold a class, asked by name before it is loaded: the first class named decides the
     * learner. Arrays are judged by their element class; arrays of primitives are admitted.
     */
    boolean admits(String className) {
        String name = className;
        int dims = 0;
        while (dims < name.length() && name.charAt(dims) == '[') {
            dims++;
        }
        if (dims > 0) {
            if (name.length() == dims + 1 && "ZBCSIJFD".indexOf(name.charAt(dims)) >= 0) {
                return true;
            }
            if (name.charAt(dims) != 'L' || !name.endsWith(";")) {
                return refuse(className);
            }
            name = name.substring(dims + 1, name.length() - 1);
        }
        if (learner == null) {
            // Java reads an object's own class before its superclasses: the first class named is the classifier's.
            learner = LEARNERS.get(name);
            if (learner == null) {
                return refuse(name);
            }
        }
        return allowed(learner, name) || refuse(name);
    }

    @Override
    public Status checkInput(FilterInfo info) {
        if (info.depth() > MAX_DEPTH || info.arrayLength() > maxArray) {
            return Status.REJECTED;
        }
        Class<?> type = info.serialClass();
        if (type == null) {
            return Status.UNDECIDED;
        }
        while (type.isArray()) {
            type = type.getComponentType();
        }
        // Admitted by name when the stream resolved it; checked again here for what it resolved to.
        return type.isPrimitive() || learner != null && allowed(learner, type.getName()) ? Status.ALLOWED
                : reject(type.getName());
    }

    private Status reject(String name) {
        refuse(name);
        return Status.REJECTED;
    }

    /** Records the first class refused, for the message; always false. */
    boolean refuse(String name) {
        if (rejected == null) {
            rejected = name;
        }
        return false;
    }

    static boolean allowed(Learner learner, String name) {
        return COMMON.contains(name) || learner.classes().contains(name)
                || learner.packages().stream().anyMatch(name::startsWith);
    }
}
