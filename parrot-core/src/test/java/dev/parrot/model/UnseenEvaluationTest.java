package dev.parrot.model;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UnseenEvaluationTest {

    private static final ModelFingerprint MADE = new ModelFingerprint("recordings-a", "settings-a", 12, "sha");

    private static ModelDescriptor model(String createdAt, ModelFingerprint fingerprint) {
        return new ModelDescriptor(ModelDescriptor.FORMAT_VERSION, "drums", createdAt, "test", List.of("kick", "snare"),
                null, null, null, null, List.of(), null, fingerprint);
    }

    private static UnseenEvaluation measured(String modelCreatedAt, String modelInputs) {
        return new UnseenEvaluation(UnseenEvaluation.FORMAT_VERSION, "drums", modelCreatedAt, "/in", false,
                "2026-11-29T10:00:00Z", 1.0, 2, 2, List.of("kick", "snare"),
                new ModelDescriptor.ConfusionMatrix(List.of("kick", "snare"), new long[][] {{1, 0}, {0, 1}}),
                List.of(), List.of(), List.of(), modelInputs);
    }

    @Test
    void aModelTrainedAgainFromTheSameRecordingsAndSettingsIsTheModelMeasured() {
        UnseenEvaluation u = measured("2026-11-29T09:00:00Z", MADE.inputs());
        assertTrue(u.isOf(model("2026-11-29T11:00:00Z", MADE)), "a new creation time alone changes nothing");
    }

    @Test
    void aModelMadeFromOtherRecordingsOrSettingsIsNot() {
        UnseenEvaluation u = measured("2026-11-29T09:00:00Z", MADE.inputs());
        assertFalse(u.isOf(model("2026-11-29T09:00:00Z",
                new ModelFingerprint("recordings-b", "settings-a", 13, "sha2"))), "a recording was added");
        assertFalse(u.isOf(model("2026-11-29T09:00:00Z",
                new ModelFingerprint("recordings-a", "settings-b", 12, "sha3"))), "a setting changed");
    }

    @Test
    void withoutAFingerprintOnEitherSideTheCreationTimeDecides() {
        assertTrue(measured("2026-11-29T09:00:00Z", null).isOf(model("2026-11-29T09:00:00Z", MADE)));
        assertFalse(measured("2026-11-29T09:00:00Z", null).isOf(model("2026-11-29T11:00:00Z", MADE)));
        assertFalse(measured("2026-11-29T09:00:00Z", MADE.inputs()).isOf(model("2026-11-29T11:00:00Z", null)));
    }
}
