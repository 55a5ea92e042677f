package dev.parrot.training;

import dev.parrot.ParrotException;
import weka.classifiers.Classifier;
import weka.core.OptionHandler;
import weka.core.Utils;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;

/**
 * The Weka learners offered by a friendly name. Each brings defaults for sounds: a seed where the learner is random,
 * every core where it can use them. Weka options given by the user win over these defaults flag by flag (Weka's own
 * {@code setOptions} would reset every flag it is not given), and a fully qualified Weka class name works too.
 */
public enum ClassifierType {

    /**
     * The default: a random forest of 100 trees over binned features ({@link BinnedForest}), as accurate as
     * Weka's on sounds and many times faster to train, with training time linear in the recordings. Each split
     * looks at one random feature and each tree learns from a bootstrap sample half the size of the training set:
     * the most randomised trees recognised drums from a source left out of training best (leave one source out,
     * mean over held-out sources 0.650 against 0.646 with 2 features and 0.627 with 3; see the benchmarks page).
     */
    FAST_FOREST("fast-forest", "dev.parrot.training.BinnedForest",
            "100 randomised trees on binned features: the default, a random forest that trains many times faster") {
        @Override
        String[] defaults(int seed, int threads) {
            return new String[] {"-I", "100", "-K", "1", "-P", "50", "-S", Integer.toString(seed), "-num-slots",
                    Integer.toString(threads)};
        }
    },
    /**
     * Parrot.py's learner in Weka's implementation, which sorts the windows at every node: the same accuracy as
     * {@link #FAST_FOREST} given the same options (its own default: 3 features per split), several times slower.
     */
    RANDOM_FOREST("random-forest", "weka.classifiers.trees.RandomForest",
            "100 randomised trees voting, Weka's implementation of Parrot.py's learner") {
        @Override
        String[] defaults(int seed, int threads) {
            return new String[] {"-I", "100", "-K", "3", "-P", "50", "-S", Integer.toString(seed), "-num-slots",
                    Integer.toString(threads)};
        }
    },
    DECISION_TREE("decision-tree", "weka.classifiers.trees.J48",
            "one C4.5 tree: fast and readable, usually less accurate") {
        @Override
        String[] defaults(int seed, int threads) {
            return new String[0];
        }
    },
    SVM("svm", "weka.classifiers.functions.SMO", "support vector machine on normalised features") {
        @Override
        String[] defaults(int seed, int threads) {
            return new String[] {"-W", Integer.toString(seed)};
        }
    },
    LOGISTIC("logistic", "weka.classifiers.functions.Logistic", "multinomial logistic regression with a ridge") {
        @Override
        String[] defaults(int seed, int threads) {
            return new String[0];
        }
    },
    NAIVE_BAYES("naive-bayes", "weka.classifiers.bayes.NaiveBayes", "Gaussian naive Bayes: a quick baseline") {
        @Override
        String[] defaults(int seed, int threads) {
            return new String[0];
        }
    },
    NEAREST_NEIGHBOURS("nearest-neighbours", "weka.classifiers.lazy.IBk",
            "5 nearest neighbours, weighted by distance") {
        @Override
        String[] defaults(int seed, int threads) {
            return new String[] {"-K", "5", "-I"};
        }
    },
    NEURAL_NETWORK("neural-network", "weka.classifiers.functions.MultilayerPerceptron",
            "multilayer perceptron: slow to train on many windows") {
        @Override
        String[] defaults(int seed, int threads) {
            return new String[] {"-S", Integer.toString(seed)};
        }
    };

    /**
     * Weka's linear algebra looks for native BLAS and logs two warnings through java.util.logging when it finds none;
     * the pure-Java fallback is what every build uses, so the warnings only alarm users. Held here to keep the
     * logger (and its level) alive.
     */
    private static final String WEKA_DIRECT_LOOKUP = "weka.test.maventest";

    private static final Logger NETLIB_LOG = Logger.getLogger("com.github.fommil.netlib");

    static {
        NETLIB_LOG.setLevel(Level.SEVERE);
        // Weka resolves the class names in its own options (a forest's trees, say) by scanning every jar on
        // java.class.path for schemes unless told it runs under Maven. Inside a Maven build that path holds Maven's
        // boot jars, the scan prints a stack trace per unreadable entry, and it finds nothing Weka needs: its
        // classes are on the plugin's class loader, which the direct lookup uses.
        if (System.getProperty(WEKA_DIRECT_LOOKUP) == null) {
            System.setProperty(WEKA_DIRECT_LOOKUP, "true");
        }
    }

    private final String id;
    private final String wekaClass;
    private final String description;

    ClassifierType(String id, String wekaClass, String description) {
        this.id = id;
        this.wekaClass = wekaClass;
        this.description = description;
    }

    /** Weka options this learner starts from: pairs of flag and value, or lone flags. */
    abstract String[] defaults(int seed, int threads);

    /** The name users write in the POM: {@code random-forest}. */
    public String id() {
        return id;
    }

    public String wekaClass() {
        return wekaClass;
    }

    public String description() {
        return description;
    }

    /** Accepts the friendly name in any case, with dashes or underscores; null when it is no friendly name. */
    public static ClassifierType byName(String name) {
        String normal = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (ClassifierType type : values()) {
            if (type.id.equals(normal)) {
                return type;
            }
        }
        return null;
    }

    /** "random-forest, decision-tree, ...", for messages. */
    public static String choices() {
        return Arrays.stream(values()).map(ClassifierType::id).collect(Collectors.joining(", "));
    }

    /**
     * Makes a configured classifier from a friendly name or a Weka class name, the user's Weka options over the
     * defaults.
     *
     * @throws ParrotException when the name or the options are not understood
     */
    public static Classifier create(String name, String wekaOptions, int seed, int threads) throws ParrotException {
        ClassifierType type = byName(name);
        String className;
        String[] defaults;
        if (type != null) {
            className = type.wekaClass;
            defaults = type.defaults(seed, threads);
        } else if (name.contains(".")) {
            className = name.trim();
            defaults = new String[0];
        } else {
            throw new ParrotException("Unknown classifier '" + name + "'. Choose one of " + choices()
                    + ", or give a Weka class name such as weka.classifiers.functions.SMO.");
        }
        String[] user;
        try {
            user = wekaOptions == null || wekaOptions.isBlank() ? new String[0] : Utils.splitOptions(wekaOptions);
        } catch (Exception e) {
            throw new ParrotException("Weka options '" + wekaOptions + "' cannot be parsed: " + e.getMessage());
        }
        String[] merged = merge(user, defaults);
        Classifier classifier = instantiate(className);
        try {
            if (classifier instanceof OptionHandler handler) {
                // Weka blanks the options it consumes, so it gets a copy and messages show what was asked for.
                handler.setOptions(merged.clone());
            } else if (merged.length > 0) {
                throw new ParrotException("Weka classifier " + className + " takes no options, but was given '"
                        + String.join(" ", merged) + "'.");
            }
            return classifier;
        } catch (ParrotException e) {
            throw e;
        } catch (Exception e) {
            throw new ParrotException("Weka classifier " + className + " does not accept the options '"
                    + String.join(" ", merged) + "': " + e.getMessage());
        }
    }

    /**
     * Makes the learner from its class directly. Weka's {@code AbstractClassifier.forName} would first scan the whole
     * class path for schemes, which inside Maven prints stack traces for every plugin jar.
     */
    private static Classifier instantiate(String className) throws ParrotException {
        Class<?> type;
        try {
            type = Class.forName(className, true, ClassifierType.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new ParrotException("Weka classifier " + className + " is not on the class path. Choose one of "
                    + choices() + ", or a Weka class name such as weka.classifiers.functions.SMO.");
        }
        if (!Classifier.class.isAssignableFrom(type)) {
            throw new ParrotException(className + " is not a Weka classifier.");
        }
        try {
            return (Classifier) type.getDeclaredConstructor().newInstance();
        } catch (ReflectiveOperationException e) {
            throw new ParrotException("Weka classifier " + className + " cannot be made: " + e);
        }
    }

    /** Whether a learner is one of these, whose models Parrot's reader loads (whichever name it was made by). */
    public static boolean offers(Classifier classifier) {
        return Arrays.stream(values()).anyMatch(t -> t.wekaClass.equals(classifier.getClass().getName()));
    }

    /** The friendly name for what the user asked for, or the Weka class name they gave. */
    public static String nameOf(String requested) {
        ClassifierType type = byName(requested);
        return type != null ? type.id : requested.trim();
    }

    /** The options a classifier ends up with, as Weka prints them. */
    public static String optionsOf(Classifier classifier) {
        return classifier instanceof OptionHandler handler ? Utils.joinOptions(handler.getOptions()) : "";
    }

    static String[] merge(String[] user, String[] defaults) {
        Set<String> given = new HashSet<>();
        for (String option : user) {
            if (isFlag(option)) {
                given.add(option);
            }
        }
        List<String> merged = new ArrayList<>(Arrays.asList(user));
        for (int i = 0; i < defaults.length; i++) {
            boolean hasValue = i + 1 < defaults.length && !isFlag(defaults[i + 1]);
            if (!given.contains(defaults[i])) {
                merged.add(defaults[i]);
                if (hasValue) {
                    merged.add(defaults[i + 1]);
                }
            }
            if (hasValue) {
                i++;
            }
        }
        return merged.toArray(String[]::new);
    }

    private static boolean isFlag(String option) {
        return option.startsWith("-") && option.length() > 1 && !Character.isDigit(option.charAt(1));
    }
}
