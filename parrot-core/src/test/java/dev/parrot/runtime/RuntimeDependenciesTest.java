package dev.parrot.runtime;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The runtime is what programs embed: it may use the model files, the features and audio decoding, but nothing of the
 * training side (reading data sets, training, evaluation, the batch tool), so that none of it becomes API by accident.
 */
class RuntimeDependenciesTest {

    private static final Path SOURCES = Path.of("src/main/java/dev/parrot/runtime");
    private static final Pattern CORE_IMPORT = Pattern.compile("^import (?:static )?dev\\.parrot\\.(\\w+)\\.",
            Pattern.MULTILINE);
    private static final List<String> ALLOWED = List.of("runtime", "model", "features", "audio");

    @Test
    void theRuntimeImportsOnlyModelFeaturesAndAudio() throws IOException {
        List<String> outside = new ArrayList<>();
        int files = 0;
        try (Stream<Path> sources = Files.list(SOURCES)) {
            for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
                files++;
                Matcher m = CORE_IMPORT.matcher(Files.readString(source));
                while (m.find()) {
                    // dev.parrot.X. with X lower case is a package; dev.parrot.ParrotException is the shared root.
                    if (!ALLOWED.contains(m.group(1)) && Character.isLowerCase(m.group(1).charAt(0))) {
                        outside.add(source.getFileName() + ": " + m.group());
                    }
                }
            }
        }
        assertTrue(files > 5, "read the runtime's sources from " + SOURCES.toAbsolutePath());
        assertEquals(List.of(), outside);
    }
}
