package dev.parrot.maven;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The README's table of settings names every parameter the goals have, with its property, as the descriptor does. */
class ReadmeParametersTest {

    @Test
    void everyParrotPropertyIsInTheReadmesTable() throws Exception {
        String descriptor = Files.readString(Path.of("target/classes/META-INF/maven/plugin.xml"));
        String readme = Files.readString(Path.of("../README.md"));
        Matcher m = Pattern.compile("<([A-Za-z]+) implementation=\"[^\"]*\"(?: default-value=\"[^\"]*\")?>"
                + "\\$\\{(parrot\\.[A-Za-z]+)\\}</\\1>")
                .matcher(descriptor);
        List<String> missing = new ArrayList<>();
        int found = 0;
        while (m.find()) {
            found++;
            String row = "| `" + m.group(1) + "` | `" + m.group(2) + "` |";
            if (!readme.contains(row)) {
                missing.add(row);
            }
        }
        assertTrue(found > 20, "the descriptor lists only " + found + " parrot.* parameters");
        assertEquals(List.of(), missing, "README.md's Settings table lacks these rows");
    }
}
