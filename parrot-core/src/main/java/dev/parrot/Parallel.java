package dev.parrot;

import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.function.Function;

/** Work over many recordings on a set number of threads, not the common pool's, so the user's setting holds. */
public final class Parallel {

    private Parallel() {
    }

    /**
     * Applies {@code task} to every item on {@code threads} threads and returns the results in item order. What a
     * task throws comes out unwrapped, so callers can tell running out of heap from a bug.
     */
    public static <T, R> List<R> map(List<T> items, int threads, Function<T, R> task) throws InterruptedException {
        ForkJoinPool pool = new ForkJoinPool(threads);
        try {
            return pool.submit(() -> items.parallelStream().map(task).toList()).get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            if (e.getCause() instanceof RuntimeException bug) {
                throw bug;
            }
            throw new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }
}
