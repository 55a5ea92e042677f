package dev.parrot.maven;

import dev.parrot.ProgressLog;
import dev.parrot.Setting;
import org.apache.maven.plugin.logging.Log;

/** Hands the core's progress to Maven's log, a line about a setting with the setting's Maven name. */
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
    public void info(String message, Setting setting) {
        log.info(MavenSettings.withMavenName(message, setting));
    }

    @Override
    public void warn(String message, Setting setting) {
        log.warn(MavenSettings.withMavenName(message, setting));
    }

    @Override
    public void debug(String message) {
        log.debug(message);
    }
}
