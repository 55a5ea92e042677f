package dev.parrot.maven;

import dev.parrot.ProgressLog;
import org.apache.maven.plugin.logging.Log;

/** Hands the core's progress to Maven's log. */
final class MavenProgressLog implements ProgressLog {

    private final Log log;

    MavenProgressLog(Log log) {
        this.log = log;
    }

    @Override
    public void info(String message) {
        log.info(message);
    }

    @Override
    public void warn(String message) {
        log.warn(message);
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }
}
