package dev.parrot.model;

import dev.parrot.ParrotException;
import weka.classifiers.Classifier;
import weka.core.Instances;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.util.Optional;

/**
 * The two files of a model and how they go together: {@code <name>.model}, the classifier with its data header (a
 * forest as data, {@link ClassifierFormat#FOREST}, or another learner in Weka's serialisation,
 * {@link ClassifierFormat#WEKA}), and {@code <name>.json}, its {@link ModelDescriptor} ({@link ModelJson}).
 *
 * <p>Both are written atomically ({@link AtomicFile}), so a failed or interrupted build leaves the previous model
 * untouched. The classifier goes first: a JSON always describes a complete model. Both are written and read under a
 * {@link ModelLock}, and the JSON holds the classifier file's hash, so that concurrent builds never mix the files of
 * two trainings and a build killed between the two moves is noticed.
 */
public final class ModelFiles {

    public static final String MODEL_EXTENSION = ".model";
    public static final String DESCRIPTOR_EXTENSION = ".json";
    /** The onset model's file, beside the classifier's: {@code <name>.onsets.model}. */
    public static final String ONSETS_EXTENSION = ".onsets.model";

    private final Path directory;
    private final String name;

    public ModelFiles(Path directory, String name) {
        this.directory = directory;
        this.name = name;
    }

    /** The model files for a descriptor path ({@code .../kick.json}) or a classifier path. */
    public static ModelFiles of(Path anyOfTheTwo) {
        String file = anyOfTheTwo.getFileName().toString();
        int dot = file.lastIndexOf('.');
        Path parent = anyOfTheTwo.toAbsolutePath().getParent();
        return new ModelFiles(parent, dot > 0 ? file.substring(0, dot) : file);
    }

    public String name() {
        return name;
    }

    public Path classifierFile() {
        return directory.resolve(name + MODEL_EXTENSION);
    }

    public Path descriptorFile() {
        return directory.resolve(name + DESCRIPTOR_EXTENSION);
    }

    /** The onset model's file; a model has one when its descriptor describes {@code onsets}. */
    public Path onsetClassifierFile() {
        return directory.resolve(name + ONSETS_EXTENSION);
    }

    /** A classifier with the header of the data it learnt from, to be written as a part of a model. */
    public record Part(Classifier classifier, Instances header) {
    }

    /**
     * Writes both files, the classifier first, under the model's lock, and records the classifier file's hash in the
     * descriptor so that a reader can tell that the two belong together.
     *
     * @return the descriptor as written
     */
    public ModelDescriptor write(Classifier classifier, Instances header, ModelDescriptor descriptor)
            throws IOException {
        return write(classifier, header, descriptor, null);
    }

    /**
     * Writes the model's files, its onset model's too when it has one ({@code onsets}, described by the descriptor's
     * {@link ModelDescriptor#onsets()}): the classifiers first, then the descriptor with their hashes. A model
     * without an onset model loses the file of an earlier training's, so that it is never taken for its own.
     */
    public ModelDescriptor write(Classifier classifier, Instances header, ModelDescriptor descriptor, Part onsets)
            throws IOException {
        if ((onsets == null) != (descriptor.onsets() == null)) {
            throw new IllegalArgumentException("an onset model is written exactly when the descriptor describes one");
        }
        Instances emptyHeader = new Instances(header, 0);
        try (ModelLock lock = ModelLock.forWriting(directory, name)) {
            MessageDigest sha = ModelFingerprint.newDigest();
            AtomicFile.write(classifierFile(), out ->
                    ClassifierFormat.write(classifier, emptyHeader, new DigestOutputStream(out, sha)));
            ModelDescriptor described = descriptor;
            if (onsets != null) {
                MessageDigest onsetSha = ModelFingerprint.newDigest();
                Instances onsetHeader = new Instances(onsets.header(), 0);
                AtomicFile.write(onsetClassifierFile(), out -> ClassifierFormat.write(onsets.classifier(),
                        onsetHeader, new DigestOutputStream(out, onsetSha)));
                described = descriptor.withOnsets(descriptor.onsets().withClassifierSha256(
                        ModelFingerprint.hex(onsetSha)));
            }
            ModelFingerprint fingerprint = descriptor.fingerprint() != null ? descriptor.fingerprint()
                    : new ModelFingerprint(null, null, 0, null);
            ModelDescriptor written = described.withFingerprint(
                    fingerprint.withClassifierSha256(ModelFingerprint.hex(sha)));
            byte[] json = ModelJson.mapper().writeValueAsBytes(written);
            AtomicFile.write(descriptorFile(), out -> out.write(json));
            if (onsets == null) {
                Files.deleteIfExists(onsetClassifierFile());
            }
            return written;
        }
    }

    /**
     * Reads both files under the model's lock, so never a descriptor of one training with the classifier of another.
     *
     * @throws ParrotException when a file is missing, is not what it should be, or the two are not from one training
     *     (a build killed between writing them)
     */
    public Loaded readBoth() throws ParrotException, IOException {
        try (ModelLock lock = ModelLock.forReading(directory, name)) {
            ModelDescriptor descriptor = readDescriptor();
            LoadedClassifier classifier = readClassifier();
            String expected = descriptor.fingerprint() == null ? null : descriptor.fingerprint().classifierSha256();
            if (expected != null && !expected.equals(classifier.sha256())) {
                throw new ParrotException(classifierFile() + " is not the classifier " + descriptorFile()
                        + " describes (a build was stopped between writing the two?). Train the model again.");
            }
            return new Loaded(descriptor, classifier, readOnsets(descriptor));
        }
    }

    /**
     * The descriptor, when both files are there and belong together (the classifier file has the hash the descriptor
     * records), without loading the classifier: what decides whether a model on disk can be kept.
     *
     * @return the descriptor, or empty when a file is missing or unreadable, or the two are not from one training
     */
    public Optional<ModelDescriptor> readWholeDescriptor() throws IOException {
        try (ModelLock lock = ModelLock.forReading(directory, name)) {
            if (!Files.isRegularFile(descriptorFile())) {
                return Optional.empty();
            }
            ModelDescriptor descriptor;
            try {
                descriptor = readDescriptor();
            } catch (ParrotException e) {
                return Optional.empty();
            }
            ModelFingerprint f = descriptor.fingerprint();
            if (f == null || f.classifierSha256() == null || !f.classifierSha256().equals(classifierSha256())) {
                return Optional.empty();
            }
            if (descriptor.onsets() != null && !sha256(onsetClassifierFile()).equals(
                    String.valueOf(descriptor.onsets().classifierSha256()))) {
                return Optional.empty();
            }
            return Optional.of(descriptor);
        }
    }

    /**
     * The files of a model, read together.
     *
     * @param onsets the onset model, or null when the descriptor describes none
     */
    public record Loaded(ModelDescriptor descriptor, LoadedClassifier classifier, LoadedClassifier onsets) {
    }

    /** The onset model the descriptor describes, checked against its hash; null when it describes none. */
    private LoadedClassifier readOnsets(ModelDescriptor descriptor) throws ParrotException, IOException {
        ModelDescriptor.OnsetModel described = descriptor.onsets();
        if (described == null) {
            return null;
        }
        Path file = onsetClassifierFile();
        if (!Files.isRegularFile(file)) {
            throw new ParrotException("No onset model at " + file + ", which " + descriptorFile() + " describes: copy"
                    + " it with the model's other files, or train the model again.");
        }
        Hashed read = readHashed(file);
        if (described.classifierSha256() != null && !described.classifierSha256().equals(read.sha256())) {
            throw new ParrotException(file + " is not the onset model " + descriptorFile() + " describes (a build was"
                    + " stopped between writing the two?). Train the model again.");
        }
        return ClassifierFormat.readAny(read.bytes(), file.toString()).withSha256(read.sha256());
    }

    /**
     * SHA-256 of the classifier file as it is on disk, or null when there is none: with the descriptor's
     * {@link ModelFingerprint#classifierSha256()}, whether the two files are from one training.
     */
    public String classifierSha256() throws IOException {
        return sha256(classifierFile());
    }

    /** SHA-256 of a file as it is on disk, or null when there is none. */
    private static String sha256(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            return null;
        }
        MessageDigest sha = ModelFingerprint.newDigest();
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha)) {
            in.transferTo(OutputStream.nullOutputStream());
        }
        return ModelFingerprint.hex(sha);
    }

    /**
     * Reads the descriptor.
     *
     * @throws ParrotException when it is missing or not a model descriptor
     */
    public ModelDescriptor readDescriptor() throws ParrotException, IOException {
        Path file = descriptorFile();
        try (InputStream in = Files.newInputStream(file)) {
            return ModelJson.parseDescriptor(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ParrotException("No model descriptor at " + file + ": run parrot:train first.");
        }
    }

    /**
     * Reads the classifier and its data header, in whichever format the file is.
     *
     * @throws ParrotException when the file is missing or is not a model written by Parrot
     */
    public LoadedClassifier readClassifier() throws ParrotException, IOException {
        Path file = classifierFile();
        if (!Files.isRegularFile(file)) {
            throw new ParrotException("No model at " + file + ": run parrot:train first.");
        }
        Hashed read = readHashed(file);
        return ClassifierFormat.readAny(read.bytes(), file.toString()).withSha256(read.sha256());
    }

    /** A classifier file's bytes and their SHA-256. */
    private record Hashed(byte[] bytes, String sha256) {
    }

    /**
     * Whole, then parsed: the hash is of the bytes read (so a file replaced meanwhile cannot pass for the one hashed),
     * and neither reader needs more than the file's size.
     */
    private static Hashed readHashed(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        MessageDigest sha = ModelFingerprint.newDigest();
        sha.update(bytes);
        return new Hashed(bytes, ModelFingerprint.hex(sha));
    }

    /**
     * The format of the classifier file on disk, from its first bytes; empty when there is none or it is neither.
     */
    public Optional<ClassifierFormat> classifierFormat() throws IOException {
        Path file = classifierFile();
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        byte[] start;
        try (InputStream in = Files.newInputStream(file)) {
            start = in.readNBytes(ClassifierFormat.MAGIC_BYTES);
        }
        return ClassifierFormat.of(start);
    }
}
