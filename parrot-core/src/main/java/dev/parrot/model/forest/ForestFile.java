package dev.parrot.model.forest;

import java.util.List;

/**
 * What a forest model file holds: the forest and the names a program needs to feed it, in the order of its values.
 *
 * @param relation the data set's name (Weka's relation: the model's name when it was trained)
 * @param featureNames one per feature value a window has, in order
 * @param classAttribute the name of what is predicted ({@code sound})
 * @param labels one per class, in the order of the forest's distributions
 */
public record ForestFile(String relation, List<String> featureNames, String classAttribute, List<String> labels,
        TreeForest forest) {

    public ForestFile {
        featureNames = List.copyOf(featureNames);
        labels = List.copyOf(labels);
        if (featureNames.size() != forest.features() || labels.size() != forest.classes()) {
            throw new IllegalArgumentException("the forest reads " + forest.features() + " features into "
                    + forest.classes() + " classes, but " + featureNames.size() + " feature names and "
                    + labels.size() + " labels were given");
        }
    }
}
