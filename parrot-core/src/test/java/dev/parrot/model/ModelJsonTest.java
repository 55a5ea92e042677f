package dev.parrot.model;

import dev.parrot.ParrotException;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelJsonTest {

    @Test
    void descriptorsThatAreNotOnes() {
        ParrotException garbage = assertThrows(ParrotException.class, () -> ModelJson.parseDescriptor(
                new ByteArrayInputStream("{ nope".getBytes(StandardCharsets.UTF_8)), "x.json"));
        assertTrue(garbage.getMessage().startsWith("x.json is not a Parrot model descriptor"), garbage.getMessage());
        ParrotException empty = assertThrows(ParrotException.class, () -> ModelJson.parseDescriptor(
                new ByteArrayInputStream("{\"name\": \"x\"}".getBytes(StandardCharsets.UTF_8)), "x.json"));
        assertTrue(empty.getMessage().contains("labels or features are missing"), empty.getMessage());
        String future = "{\"formatVersion\": 99, \"labels\": [\"a\"], \"features\": {\"dimension\": 3}, \"future\": 1}";
        ParrotException newer = assertThrows(ParrotException.class, () -> ModelJson.parseDescriptor(
                new ByteArrayInputStream(future.getBytes(StandardCharsets.UTF_8)), "x.json"));
        assertTrue(newer.getMessage().contains("format version 99"), newer.getMessage());
    }
}
