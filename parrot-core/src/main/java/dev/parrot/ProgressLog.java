package dev.parrot;

/**
 * Where the core reports progress and problems. The Maven plugin passes its {@code Log}; programs pass their own
 * logger or {@link #SILENT}. Keeps the core free of any logging framework.
 */
public interface ProgressLog {

    ProgressLog SILENT = new ProgressLog() {
        @Override
        public void info(String message) {
        }

        @Override
        public void warn(String message) {
        }
    };

    void info(String message);

    void warn(String message);

    default void debug(String message) {
    }

    /**
     * A line about a setting the user may change. A tool that sets it under another name (a Maven parameter and
     * property) adds that name; by default the line is logged as it is.
     */
    default void info(String message, Setting setting) {
        info(message);
    }

    /** A warning about a setting; see {@link #info(String, Setting)}. */
    default void warn(String message, Setting setting) {
        warn(message);
    }
}
