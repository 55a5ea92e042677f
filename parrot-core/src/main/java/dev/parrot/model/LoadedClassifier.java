package dev.parrot.model;

import weka.classifiers.Classifier;
import weka.core.Instances;

/**
 * A classifier read from a model file and the header of the data it was trained on.
 *
 * @param sha256 the hash of the file it was read from, or null when read from a stream
 * @param format how the file holds it
 * @param note what a user loading it should know about its format (that it must come from a trusted source), or
 *     null when there is nothing to say
 */
public record LoadedClassifier(Classifier classifier, Instances header, String sha256, ClassifierFormat format,
        String note) {

    LoadedClassifier withSha256(String hash) {
        return new LoadedClassifier(classifier, header, hash, format, note);
    }
}
