package dev.parrot.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.parrot.ParrotException;
import weka.classifiers.Classifier;
import weka.core.Instances;
import weka.core.SerializationHelper;

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

/**
 * The two files of a model: {@code <name>.model}, the Weka classifier with its data header as Weka's
 * {@link SerializationHelper} writes them (so Weka's own tools open it), and {@code <name>.json}, its
 * {@link ModelDescriptor}.
 *
 * <p>Both are written to a temporary file in the same folder and moved into place, so a failed or interrupted build
 * leaves the previous model untouched. The classifier goes first: a JSON always describes a complete model.
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

    public void write(Classifier classifier, Instances header, ModelDescriptor descriptor) throws IOException {
        Files.createDirectories(directory);
        Instances emptyHeader = new Instances(header, 0);
        writeAtomically(classifierFile(), out -> {
            try {
                SerializationHelper.writeAll(out, new Object[] {classifier, emptyHeader});
            } catch (IOException e) {
                throw e;
            } catch (Exception e) {
                throw new IOException("Weka could not serialise the classifier: " + e.getMessage(), e);
            }
        });
        byte[] json = JSON.writeValueAsBytes(descriptor);
        writeAtomically(descriptorFile(), out -> out.write(json));
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
        try (InputStream in = Files.newInputStream(file)) {
            return parseClassifier(in, file.toString());
        }
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
        return new LoadedClassifier(c, h);
    }

    /** A classifier and the header of the data it was trained on. */
    public record LoadedClassifier(Classifier classifier, Instances header) {
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
