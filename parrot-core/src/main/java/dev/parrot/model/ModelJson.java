package dev.parrot.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.parrot.ParrotException;

import java.io.IOException;
import java.io.InputStream;

/**
 * The JSON of Parrot's files (the model descriptor, its history, classify's results, the fingerprint): one mapper, so
 * that they are all written alike (indented) and read alike (fields a newer Parrot added are ignored).
 */
public final class ModelJson {

    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private ModelJson() {
    }

    public static ObjectMapper mapper() {
        return JSON;
    }

    /**
     * Parses a model descriptor from a stream; {@code where} names it in messages.
     *
     * @throws ParrotException when it is not a descriptor, or one of a newer format than this version reads
     */
    public static ModelDescriptor parseDescriptor(InputStream in, String where) throws ParrotException, IOException {
        ModelDescriptor descriptor;
        try {
            descriptor = JSON.readValue(in, ModelDescriptor.class);
        } catch (JsonProcessingException e) {
            throw new ParrotException(where + " is not a Parrot model descriptor: " + e.getOriginalMessage());
        }
        if (descriptor == null || descriptor.labels() == null || descriptor.features() == null) {
            throw new ParrotException(where + " is not a Parrot model descriptor: labels or features are missing.");
        }
        if (descriptor.formatVersion() > ModelDescriptor.FORMAT_VERSION) {
            throw new ParrotException(where + " has format version " + descriptor.formatVersion()
                    + ", newer than this Parrot reads (" + ModelDescriptor.FORMAT_VERSION + "). Upgrade Parrot.");
        }
        return descriptor;
    }
}
