package dev.parrot.model;

import dev.parrot.ParrotException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFilesTest {

    @TempDir
    Path dir;

    private List<Path> filesIn(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.sorted().toList();
        }
    }

    @Test
    void writtenFilesAreReadableByOthersLikeAnyBuildOutput() throws Exception {
        Path target = dir.resolve("noises.json");
        ModelFiles.writeAtomically(target, out -> out.write('{'));
        if (Files.getFileStore(target).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(target)));
        }
    }

    @Test
    void failedWriteLeavesThePreviousFileAndNoTemporaryFile() throws Exception {
        Path target = Files.writeString(dir.resolve("noises.model"), "previous model");
        IOException e = assertThrows(IOException.class, () -> ModelFiles.writeAtomically(target, out -> {
            out.write("half of a new mo".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            throw new IOException("No space left on device");
        }));
        assertEquals("No space left on device", e.getMessage());
        assertEquals("previous model", Files.readString(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void writerThatCrashesLeavesThePreviousFileToo() throws Exception {
        Path target = Files.writeString(dir.resolve("noises.json"), "{\"previous\": true}");
        assertThrows(UncheckedIOException.class, () -> ModelFiles.writeAtomically(target, out -> {
            out.write(new byte[100_000]);
            throw new UncheckedIOException(new IOException("interrupted"));
        }));
        assertEquals("{\"previous\": true}", Files.readString(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void failedFirstWriteLeavesNothing() throws Exception {
        Path target = dir.resolve("models/noises.model");
        assertThrows(IOException.class, () -> ModelFiles.writeAtomically(target, out -> {
            throw new IOException("boom");
        }));
        assertTrue(Files.notExists(target));
        assertEquals(List.of(), filesIn(dir.resolve("models")));
    }

    @Test
    void successfulWriteReplacesTheFileAndCleansUp() throws Exception {
        Path target = Files.writeString(dir.resolve("noises.model"), "previous model");
        ModelFiles.writeAtomically(target, out -> out.write("new model".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("new model", Files.readString(target));
        assertEquals(List.of(target), filesIn(dir));
        Path nested = dir.resolve("a/b/c.json");
        ModelFiles.writeAtomically(nested, out -> out.write('x'));
        assertEquals("x", Files.readString(nested));
    }

    @Test
    void pathsOfTheTwoFiles() {
        ModelFiles files = new ModelFiles(dir, "noises");
        assertEquals(dir.resolve("noises.model"), files.classifierFile());
        assertEquals(dir.resolve("noises.json"), files.descriptorFile());
        ModelFiles fromJson = ModelFiles.of(dir.resolve("noises.json"));
        assertEquals("noises", fromJson.name());
        assertEquals(files.classifierFile().toAbsolutePath(), fromJson.classifierFile());
        assertEquals("my.model.v2", ModelFiles.of(dir.resolve("my.model.v2.model")).name());
    }

    @Test
    void missingFilesSayToTrainFirst() {
        ModelFiles files = new ModelFiles(dir, "noises");
        ParrotException json = assertThrows(ParrotException.class, files::readDescriptor);
        assertTrue(json.getMessage().contains(files.descriptorFile().toString()), json.getMessage());
        assertTrue(json.getMessage().contains("run parrot:train first"), json.getMessage());
        ParrotException model = assertThrows(ParrotException.class, files::readClassifier);
        assertTrue(model.getMessage().contains(files.classifierFile().toString()), model.getMessage());
    }

    @Test
    void descriptorsThatAreNotOnes() {
        ParrotException garbage = assertThrows(ParrotException.class, () -> ModelFiles.parseDescriptor(
                new ByteArrayInputStream("{ nope".getBytes(StandardCharsets.UTF_8)), "x.json"));
        assertTrue(garbage.getMessage().startsWith("x.json is not a Parrot model descriptor"), garbage.getMessage());
        ParrotException empty = assertThrows(ParrotException.class, () -> ModelFiles.parseDescriptor(
                new ByteArrayInputStream("{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_8)), "x.json"));
        assertTrue(empty.getMessage().contains("labels or features are missing"), empty.getMessage());
        String future = "{\"formatVersion\": 99, \"labels\": [\"a\"], \"features\": {\"dimension\": 3}, \"future\": 1}";
        ParrotException newer = assertThrows(ParrotException.class, () -> ModelFiles.parseDescriptor(
                new ByteArrayInputStream(future.getBytes(StandardCharsets.UTF_8)), "x.json"));
        assertTrue(newer.getMessage().contains("format version 99"), newer.getMessage());
    }

    @Test
    void classifierFileThatIsNotOne() {
        ParrotException e = assertThrows(ParrotException.class, () -> ModelFiles.parseClassifier(
                new ByteArrayInputStream("not serialised".getBytes(StandardCharsets.UTF_8)), "x.model"));
        assertTrue(e.getMessage().startsWith("x.model is not a Weka model"), e.getMessage());
    }

    /** Records whether its readObject ran: the code a crafted model file would run, were it read. */
    static final class Gadget implements Serializable {
        private static final long serialVersionUID = 1L;
        static volatile boolean ran;

        private void readObject(ObjectInputStream in) throws IOException, ClassNotFoundException {
            in.defaultReadObject();
            ran = true;
        }
    }

    @Test
    void aFileNamingAClassNoModelHoldsIsRefusedBeforeThatClassRuns() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            // Inside an allowed collection, as an attack would hide it.
            out.writeObject(new ArrayList<>(List.of("header", new Gadget())));
            out.writeObject(new weka.core.Instances("x", new ArrayList<>(), 0));
        }
        Gadget.ran = false;
        ParrotException e = assertThrows(ParrotException.class, () -> ModelFiles.parseClassifier(
                new ByteArrayInputStream(bytes.toByteArray()), "x.model"));
        assertEquals("x.model is not a model: it holds a " + Gadget.class.getName() + ", which no model is made of"
                + " (only Weka's classifiers and their data headers are read from a model file).", e.getMessage());
        assertFalse(Gadget.ran, "the refused class's code ran");
    }

    @Test
    void whatAModelIsMadeOfIsAllowed() {
        assertTrue(ModelClassFilter.allowed("weka.classifiers.trees.RandomForest"));
        assertTrue(ModelClassFilter.allowed("dev.parrot.training.BinnedForest"));
        assertTrue(ModelClassFilter.allowed("java.util.ArrayList"));
        assertFalse(ModelClassFilter.allowed("java.util.PriorityQueue"));
        assertFalse(ModelClassFilter.allowed("java.lang.Runtime"));
        assertFalse(ModelClassFilter.allowed("javax.management.BadAttributeValueExpException"));
    }
}
