package dev.parrot;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of Parrot, as the build filtered it into {@code dev/parrot/parrot-version.properties}. A resource rather
 * than the jar's manifest, because in a reactor build the plugin runs from {@code target/classes}, which has none.
 */
public final class ParrotVersion {

    private static final String RESOURCE = "parrot-version.properties";
    private static final String VERSION = read();

    private ParrotVersion() {
    }

    /** {@code 0.1.0-SNAPSHOT}, or {@code development} when run from classes no build has filtered. */
    public static String current() {
        return VERSION;
    }

    private static String read() {
        try (InputStream in = ParrotVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "development";
            }
            Properties properties = new Properties();
            properties.load(in);
            String v = properties.getProperty("version", "");
            return v.isBlank() || v.startsWith("${") ? "development" : v;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
