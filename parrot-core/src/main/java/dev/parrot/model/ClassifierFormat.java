package dev.parrot.model;

import dev.parrot.ParrotException;
import dev.parrot.model.forest.ForestFormat;
import dev.parrot.model.forest.ForestHolder;
import weka.classifiers.Classifier;
import weka.core.Instances;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Optional;

/**
 * The two ways a {@code .model} file holds a classifier, told apart by the file's first bytes, so that a model keeps
 * its file name whatever its format.
 */
public enum ClassifierFormat {

    /** A forest as data ({@link ForestFormat}): what {@code fast-forest}, the default learner, writes. Runs no code. */
    FOREST("Parrot's forest format") {
        @Override
        LoadedClassifier read(byte[] bytes, String where) throws ParrotException {
            return ForestModelFormat.read(bytes, where);
        }
    },

    /** Weka's own serialisation (Java's), for every other learner: read only through a per-learner allow-list. */
    WEKA("Weka's serialisation") {
        @Override
        LoadedClassifier read(byte[] bytes, String where) throws ParrotException {
            return WekaModelFormat.read(bytes, where);
        }
    };

    /** How many first bytes tell the formats apart. */
    static final int MAGIC_BYTES = 8;

    private static final int JAVA_SERIALISATION_MAGIC = 0xACED;

    private final String description;

    ClassifierFormat(String description) {
        this.description = description;
    }

    /** In words, for messages: "Weka's serialisation". */
    public String description() {
        return description;
    }

    abstract LoadedClassifier read(byte[] bytes, String where) throws ParrotException;

    /** The format of a file that starts with these bytes (at least {@link #MAGIC_BYTES} of them), if either. */
    static Optional<ClassifierFormat> of(byte[] start) {
        if (ForestFormat.recognises(start)) {
            return Optional.of(FOREST);
        }
        if (start.length >= 2 && ((start[0] & 0xff) << 8 | (start[1] & 0xff)) == JAVA_SERIALISATION_MAGIC) {
            return Optional.of(WEKA);
        }
        return Optional.empty();
    }

    /** The format a trained classifier is written in: a forest's as data, any other learner's as Weka writes it. */
    static ClassifierFormat forClassifier(Classifier classifier) {
        return classifier instanceof ForestHolder ? FOREST : WEKA;
    }

    /**
     * Writes a classifier and its data header in the format {@link #forClassifier(Classifier)} chooses for it.
     *
     * @param header the attributes, the class last
     */
    static void write(Classifier classifier, Instances header, OutputStream out) throws IOException {
        if (forClassifier(classifier) == FOREST) {
            ForestModelFormat.write((ForestHolder) classifier, header, out);
        } else {
            WekaModelFormat.write(classifier, header, out);
        }
    }

    /**
     * Reads a classifier file of either format; {@code where} names it in messages.
     *
     * @throws ParrotException when it is neither, or not a model of this version in the one it is
     */
    public static LoadedClassifier readAny(byte[] bytes, String where) throws ParrotException {
        Optional<ClassifierFormat> format = of(bytes);
        if (format.isPresent()) {
            return format.get().read(bytes, where);
        }
        throw new ParrotException(where + " is not a model written by parrot:train: it is neither in Parrot's forest"
                + " format (which starts with \"PARROTFF\") nor in Weka's serialisation (which starts with AC ED).");
    }
}
