package dev.parrot.model;

import java.io.ObjectInputFilter;
import java.util.List;

/**
 * The classes a model file may hold, checked before any of them is created: Java deserialisation runs code of the
 * classes a stream names, so a {@code .model} file from elsewhere (a downloaded model, a class path resource) must
 * not name any other. A model is a Weka classifier (Weka's and this library's learners) and its data header, built
 * from Java's collections, boxed numbers and strings.
 */
final class ModelClassFilter implements ObjectInputFilter {

    /** The first class refused, for the message; one filter a stream. */
    private String rejected;

    /** Whole packages whose classes models are made of. */
    private static final List<String> PACKAGES = List.of("weka.", "dev.parrot.training.",
            // Matrix Toolkit Java and its netlib arrays, which some of Weka's learners keep.
            "no.uib.cipr.matrix.");

    /** JDK types a learner's fields hold: values, collections, random generators, number formats. */
    private static final List<String> JDK_PACKAGES = List.of("java.util.", "java.text.", "java.math.");

    private static final List<String> JDK_LANG = List.of("java.lang.Object", "java.lang.String", "java.lang.Number",
            "java.lang.Integer", "java.lang.Long", "java.lang.Double", "java.lang.Float", "java.lang.Short",
            "java.lang.Byte", "java.lang.Boolean", "java.lang.Character", "java.lang.Enum",
            "java.lang.StringBuffer", "java.lang.StringBuilder");

    /**
     * Parts of {@code java.util} no model needs and that the known deserialisation attacks use: a queue or a map
     * that calls a comparator or hash code of its elements while it is rebuilt, and the JDK's own internals.
     */
    private static final List<String> JDK_EXCLUDED = List.of("java.util.PriorityQueue", "java.util.concurrent.",
            "java.util.logging.", "java.util.jar.", "java.util.zip.", "java.util.prefs.", "java.util.ServiceLoader");

    /** The name of the class this filter refused, or null. */
    String rejected() {
        return rejected;
    }

    @Override
    public Status checkInput(FilterInfo info) {
        Class<?> type = info.serialClass();
        if (type == null) {
            return Status.UNDECIDED;
        }
        while (type.isArray()) {
            type = type.getComponentType();
        }
        if (type.isPrimitive() || allowed(type.getName())) {
            return Status.ALLOWED;
        }
        if (rejected == null) {
            rejected = type.getName();
        }
        return Status.REJECTED;
    }

    static boolean allowed(String name) {
        if (PACKAGES.stream().anyMatch(name::startsWith) || JDK_LANG.contains(name)) {
            return true;
        }
        return JDK_PACKAGES.stream().anyMatch(name::startsWith) && JDK_EXCLUDED.stream().noneMatch(name::startsWith);
    }
}
