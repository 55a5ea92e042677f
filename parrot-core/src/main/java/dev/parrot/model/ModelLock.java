package dev.parrot.model;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Keeps the two files of a model together when several builds write or read it at once: {@code mvn -T 2} with
 * modules writing to one folder, or two builds in two terminals. A writer holds it around writing both files, so two
 * trainings cannot interleave their files; a reader holds it around reading both, so it never reads one file of one
 * training and one of another.
 *
 * <p>Two locks, because a file lock is held by the whole JVM and Java refuses a second lock on the same file from
 * another thread of it: a lock per model within the JVM, and an operating-system lock between processes on a file
 * named after the model's real path in {@code <java.io.tmpdir>/parrot-model-locks/}. Not in the model folder, whose
 * files users package with their application, and which may be read-only. The lock files stay (deleting one would
 * let two processes lock different files). Where no lock file can be made, the lock within the JVM is all there is;
 * the classifier's hash in the JSON still tells a reader of a mixed pair.
 */
final class ModelLock implements AutoCloseable {

    private static final ConcurrentMap<Path, ReentrantLock> IN_THIS_JVM = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock lock;

    private ModelLock(ReentrantLock local, FileChannel channel, FileLock lock) {
        this.local = local;
        this.channel = channel;
        this.lock = lock;
    }

    /** Waits for the model and locks it for writing; creates the folder if need be. */
    static ModelLock forWriting(Path directory, String name) throws IOException {
        Files.createDirectories(directory);
        return acquire(directory, name);
    }

    /** Waits for a writer of the model to finish and keeps others from writing while it is read. */
    static ModelLock forReading(Path directory, String name) throws IOException {
        return acquire(directory, name);
    }

    /** The lock file of a model: the same for every path that leads to its folder, when the folder exists. */
    static Path lockFile(Path directory, String name) {
        Path real;
        try {
            real = directory.toRealPath();
        } catch (IOException e) {
            real = directory.toAbsolutePath().normalize();
        }
        MessageDigest sha = ModelFingerprint.newDigest();
        sha.update(real.resolve(name).toString().getBytes(StandardCharsets.UTF_8));
        return Path.of(System.getProperty("java.io.tmpdir"), "parrot-model-locks",
                ModelFingerprint.hex(sha).substring(0, 32) + ".lock");
    }

    private static ModelLock acquire(Path directory, String name) throws IOException {
        Path file = lockFile(directory, name);
        ReentrantLock local = IN_THIS_JVM.computeIfAbsent(file, f -> new ReentrantLock());
        local.lock();
        FileChannel channel = null;
        try {
            try {
                Files.createDirectories(file.getParent());
                channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
            } catch (IOException e) {
                return new ModelLock(local, null, null);
            }
            // Exclusive for readers too: a shared lock needs a channel open for reading only, and reading both files
            // takes a fraction of a second.
            FileLock lock = channel.lock();
            return new ModelLock(local, channel, lock);
        } catch (IOException | RuntimeException e) {
            if (channel != null) {
                channel.close();
            }
            local.unlock();
            throw e;
        }
    }

    @Override
    public void close() throws IOException {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } finally {
            local.unlock();
        }
    }
}
