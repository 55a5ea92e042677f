package dev.parrot.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.parrot.ParrotException;
import weka.classifiers.Classifier;
import weka.core.Instances;
import weka.core.SerializationHelper;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;

/**
 * The two files of a model: {@code <name>.model}, the Weka classifier with its data header as Weka's
 * {@link SerializationHelper} writes them (so Weka's own tools open it), and {@code <name>.json}, its
 * {@link ModelDescriptor}.
 *
 * <p>Both are written to a temporary file in the same folder and moved into place, so a failed or interrupted build
 * leaves the previous model untouched. The classifier goes first: a JSON always describes a complete model. Both are
 * written and read under a {@link ModelLock}, and the JSON holds the classifier file's hash, so that concurrent
 * builds never mix the files of two trainings and a build killed between the two moves is noticed.
 */
public final class ModelFiles {

    public static final String MODEL_EXTENSION = ".model";
    public static final String DESCRIPTOR_EXTENSION = ".json";

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

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

    public static ObjectMapper json() {
        return JSON;
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

    /**
     * Writes both files, the classifier first, under the model's lock, and records the classifier file's hash in the
     * descriptor so that a reader can tell that the two belong together.
     *
     * @return the descriptor as written
     */
    public ModelDescriptor write(Classifier classifier, Instances header, ModelDescriptor descriptor)
            throws IOException {
        Instances emptyHeader = new Instances(header, 0);
        try (ModelLock lock = ModelLock.forWriting(directory, name)) {
            MessageDigest sha = ModelFingerprint.newDigest();
            writeAtomically(classifierFile(), out -> {
                try {
                    SerializationHelper.writeAll(new DigestOutputStream(out, sha),
                            new Object[] {classifier, emptyHeader});
                } catch (IOException e) {
                    throw e;
                } catch (Exception e) {
                    throw new IOException("Weka could not serialise the classifier: " + e.getMessage(), e);
                }
            });
            ModelFingerprint fingerprint = descriptor.fingerprint() != null ? descriptor.fingerprint()
                    : new ModelFingerprint(null, null, 0, null);
            ModelDescriptor written = descriptor.withFingerprint(
                    fingerprint.withClassifierSha256(ModelFingerprint.hex(sha)));
            byte[] json = JSON.writeValueAsBytes(written);
            writeAtomically(descriptorFile(), out -> out.write(json));
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
            return new Loaded(descriptor, classifier);
        }
    }

    /**
     * The descriptor, when both files are there and belong together (the classifier file has the hash the descriptor
     * records), without loading the classifier: what decides whether a model on disk can be kept.
     *
     * @return the descriptor, or empty when a file is missing or unreadable, or the two are not from one training
     */
    public java.util.Optional<ModelDescriptor> readWholeDescriptor() throws IOException {
        try (ModelLock lock = ModelLock.forReading(directory, name)) {
            if (!Files.isRegularFile(descriptorFile())) {
                return java.util.Optional.empty();
            }
            ModelDescriptor descriptor;
            try {
                descriptor = readDescriptor();
            } catch (ParrotException e) {
                return java.util.Optional.empty();
            }
            ModelFingerprint f = descriptor.fingerprint();
            if (f == null || f.classifierSha256() == null || !f.classifierSha256().equals(classifierSha256())) {
                return java.util.Optional.empty();
            }
            return java.util.Optional.of(descriptor);
        }
    }

    /** Both files of a model, read together. */
    public record Loaded(ModelDescriptor descriptor, LoadedClassifier classifier) {
    }

    /**
     * SHA-256 of the classifier file as it is on disk, or null when there is none: with the descriptor's
     * {@link ModelFingerprint#classifierSha256()}, whether the two files are from one training.
     */
    public String classifierSha256() throws IOException {
        Path file = classifierFile();
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
            return parseDescriptor(in, file.toString());
        } catch (NoSuchFileException e) {
            throw new ParrotException("No model descriptor at " + file + ": run parrot:train first.");
        }
    }

    /** Parses a descriptor from a stream; {@code where} names it in messages. */
    public static ModelDescriptor parseDescriptor(InputStream in, String where) throws ParrotException, IOException {
        ModelDescriptor descriptor;
        try {
            descriptor = JSON.readValue(in, ModelDescriptor.class);
        } catch (JsonProcessingException e) {
            throw new ParrotException(where + " is not a Parrot model descriptor: " + e.getOriginalMessage());
        }
        if (descriptor == null || descriptor.labels() == null || descriptor.features() == null) {
            throw new ParrotException(where + " is not a Parrot model descriptor: labels or features are missing.");
        }
        if (descriptor.formatVersion() > ModelDescriptor.FORMAT_VERSION) {
            throw new ParrotException(where + " has format version " + descriptor.formatVersion()
                    + ", newer than this Parrot reads (" + ModelDescriptor.FORMAT_VERSION + "). Upgrade Parrot.");
        }
        return descriptor;
    }

    /**
     * Reads the classifier and its data header.
     *
     * @throws ParrotException when the file is missing or is not a Weka model written by Parrot
     */
    public LoadedClassifier readClassifier() throws ParrotException, IOException {
        Path file = classifierFile();
        if (!Files.isRegularFile(file)) {
            throw new ParrotException("No model at " + file + ": run parrot:train first.");
        }
        // Whole, then parsed: Weka reads to the end of the stream and closes it, so the hash is taken of the bytes.
        byte[] bytes = Files.readAllBytes(file);
        LoadedClassifier loaded = parseClassifier(new ByteArrayInputStream(bytes), file.toString());
        MessageDigest sha = ModelFingerprint.newDigest();
        sha.update(bytes);
        return new LoadedClassifier(loaded.classifier(), loaded.header(), ModelFingerprint.hex(sha));
    }

    /** Reads a classifier and header from a stream; {@code where} names it in messages. */
    public static LoadedClassifier parseClassifier(InputStream in, String where) throws ParrotException {
        Object[] objects;
        try {
            objects = SerializationHelper.readAll(in);
        } catch (Exception e) {
            throw new ParrotException(where + " is not a Weka model: " + e.getMessage(), e);
        }
        if (objects.length < 2 || !(objects[0] instanceof Classifier c) || !(objects[1] instanceof Instances h)) {
            throw new ParrotException(where + " is not a model written by parrot:train (expected a Weka classifier"
                    + " followed by its data header).");
        }
        return new LoadedClassifier(c, h, null);
    }

    /**
     * A classifier and the header of the data it was trained on.
     *
     * @param sha256 the hash of the file it was read from, or null when read from a stream
     */
    public record LoadedClassifier(Classifier classifier, Instances header, String sha256) {
    }

    /** Writes through a temporary sibling, then moves it over the target in one step. */
    public static void writeAtomically(Path target, Writer writer) throws IOException {
        Path dir = target.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName() + ".", ".tmp");
        try {
            // Temporary files are private (rw-------); a model is a build output that others may read.
            if (Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
                Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rw-r--r--"));
            }
            try (OutputStream out = Files.newOutputStream(temp)) {
                writer.write(out);
            }
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Writes a file's content to a stream. */
    @FunctionalInterface
    public interface Writer {
        void write(OutputStream out) throws IOException;
    }
}
