package dev.parrot.testing;

import dev.parrot.ProgressLog;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Collects what the code under test logs, so tests can check the messages a user would see. */
public final class CollectingLog implements ProgressLog {

    // Synchronized because the dataset reader and cross-validation log from worker threads.
    private final List<String> infos = Collections.synchronizedList(new ArrayList<>());
    private final List<String> warnings = Collections.synchronizedList(new ArrayList<>());

    @Override
    public void info(String message) {
        infos.add(message);
    }

    @Override
    public void warn(String message) {
        warnings.add(message);
    }

    /** The info messages so far, in the order they were logged. */
    public List<String> infos() {
        return List.copyOf(infos);
    }

    /** The warnings so far, in the order they were logged. */
    public List<String> warnings() {
        return List.copyOf(warnings);
    }
}
