package dev.parrot.model.forest;

/** A Weka classifier that is a {@link TreeForest}, so that its model file can hold it as data. */
public interface ForestHolder {

    /**
     * The trained forest, reading the features in the order of the data's attributes, the class last.
     *
     * @throws IllegalStateException when it has not been trained
     */
    TreeForest forest();
}
