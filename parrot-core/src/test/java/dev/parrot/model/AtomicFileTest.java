package dev.parrot.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AtomicFileTest {

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
        AtomicFile.write(target, out -> out.write('{'));
        if (Files.getFileStore(target).supportsFileAttributeView(java.nio.file.attribute.PosixFileAttributeView.class)) {
            assertEquals("rw-r--r--", java.nio.file.attribute.PosixFilePermissions.toString(
                    Files.getPosixFilePermissions(target)));
        }
    }

    @Test
    void failedWriteLeavesThePreviousFileAndNoTemporaryFile() throws Exception {
        Path target = Files.writeString(dir.resolve("noises.model"), "previous model");
        IOException e = assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
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
        assertThrows(UncheckedIOException.class, () -> AtomicFile.write(target, out -> {
            out.write(new byte[100_000]);
            throw new UncheckedIOException(new IOException("interrupted"));
        }));
        assertEquals("{\"previous\": true}", Files.readString(target));
        assertEquals(List.of(target), filesIn(dir));
    }

    @Test
    void failedFirstWriteLeavesNothing() throws Exception {
        Path target = dir.resolve("models/noises.model");
        assertThrows(IOException.class, () -> AtomicFile.write(target, out -> {
            throw new IOException("boom");
        }));
        assertTrue(Files.notExists(target));
        assertEquals(List.of(), filesIn(dir.resolve("models")));
    }

    @Test
    void successfulWriteReplacesTheFileAndCleansUp() throws Exception {
        Path target = Files.writeString(dir.resolve("noises.model"), "previous model");
        AtomicFile.write(target, out -> out.write("new model".getBytes(StandardCharsets.US_ASCII)));
        assertEquals("new model", Files.readString(target));
        assertEquals(List.of(target), filesIn(dir));
        Path nested = dir.resolve("a/b/c.json");
        AtomicFile.write(nested, out -> out.write('x'));
        assertEquals("x", Files.readString(nested));
    }
}
