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
}
