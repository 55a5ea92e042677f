package com.example.noisecontrol;

import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The README's runtime example is ReadmeExample.java, word for word: this build compiles it, so a change to the API
 * that breaks the README breaks the build.
 */
class ReadmeExampleTest {

    @Test
    void theReadmeShowsTheExampleThisBuildCompiles() throws Exception {
        String readme = Files.readString(Path.of("../README.md"));
        String example = Files.readString(Path.of("src/test/java/com/example/noisecontrol/ReadmeExample.java"));
        assertTrue(readme.contains("```java\n" + example + "```\n"),
                "README.md's runtime example differs from src/test/java/com/example/noisecontrol/ReadmeExample.java");
    }
}
