package dev.parrot.model;

import java.io.IOException;
import java.nio.file.Path;

/**
 * For tests of other packages: holds a model's lock as a writer does between its two files, so that a test can put
 * the files in the state a writer leaves half-way and see what a reader does, without depending on when threads run.
 */
public final class ModelLocks {

    private ModelLocks() {
    }

    /** The model's write lock, held until closed. */
    public static AutoCloseable holdForWriting(Path directory, String name) throws IOException {
        return ModelLock.forWriting(directory, name);
    }

    /** Whether {@code thread} is parked waiting for a model's lock. */
    public static boolean waitsForTheLock(Thread thread) {
        Thread.State state = thread.getState();
        if (state != Thread.State.WAITING && state != Thread.State.TIMED_WAITING && state != Thread.State.BLOCKED) {
            return false;
        }
        for (StackTraceElement frame : thread.getStackTrace()) {
            if (frame.getClassName().equals(ModelLock.class.getName())) {
                return true;
            }
        }
        return false;
    }
}
