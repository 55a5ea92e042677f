package dev.parrot.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Another process writing a model holds off this one until it is done, as two builds in two terminals do. */
class ModelLockTest {

    @TempDir
    Path dir;

    /** Run in a second JVM: locks the model, says so, waits a moment, writes a marker, and lets go. */
    public static void main(String[] args) throws Exception {
        Path models = Path.of(args[0]);
        try (ModelLock lock = ModelLock.forWriting(models, "shared")) {
            System.out.println("locked");
            System.out.flush();
            Thread.sleep(500);
            Files.writeString(models.resolve("written-by-the-other-process"), "done");
        }
    }

    @Test
    void aLockHeldByAnotherProcessIsWaitedFor() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        Process other = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ModelLockTest.class.getName(), models.toString())
                .redirectErrorStream(true).start();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(other.getInputStream(),
                StandardCharsets.UTF_8))) {
            assertEquals("locked", out.readLine());
            try (ModelLock lock = ModelLock.forReading(models, "shared")) {
                // Only once the other process let go: by then it has written its marker.
                assertTrue(Files.exists(models.resolve("written-by-the-other-process")));
            }
        } finally {
            assertTrue(other.waitFor(60, TimeUnit.SECONDS));
        }
        assertEquals(0, other.exitValue());
    }

    @Test
    void theLockIsTheSameForEveryPathToTheFolderAndNotInIt() throws Exception {
        Path models = Files.createDirectories(dir.resolve("models"));
        Path other = models.resolve("../models");
        assertEquals(ModelLock.lockFile(models, "m"), ModelLock.lockFile(other, "m"));
        assertTrue(!ModelLock.lockFile(models, "m").startsWith(models));
        assertTrue(!ModelLock.lockFile(models, "m").equals(ModelLock.lockFile(models, "n")));
    }
}
