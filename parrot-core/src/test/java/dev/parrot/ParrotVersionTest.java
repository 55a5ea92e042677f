package dev.parrot;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertTrue;

class ParrotVersionTest {

    @Test
    void theBuildFillsInTheProjectVersion() {
        // The model JSON and the report say which Parrot made a model; "development" told a user nothing.
        assertTrue(ParrotVersion.current().matches("\\d+\\.\\d+\\.\\d+(-SNAPSHOT)?"), ParrotVersion.current());
    }
}
