package dev.parrot.model;

import dev.parrot.features.FeatureSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class SoundFiguresTest {

    private static final ModelDescriptor.SoundSummary CLICK = new ModelDescriptor.SoundSummary("click", 4, 40, 40,
            "kept", 0);
    private static final ModelDescriptor.SoundSummary TALK = new ModelDescriptor.SoundSummary("talk", 7, 90, 45,
            "undersampled", -50);
    private static final ModelDescriptor.SoundMetrics CLICK_METRICS = new ModelDescriptor.SoundMetrics("click", 0.9,
            0.8, 0.85, 40);

    /** A model of talk (background), click and pop; pop has neither a summary nor metrics. */
    static ModelDescriptor model(List<ModelDescriptor.SoundSummary> summaries) {
        List<String> labels = List.of("talk", "click", "pop");
        return new ModelDescriptor(1, "m", "2026-03-14T09:26:53Z", "test", labels,
                new ModelDescriptor.Features(FeatureSettings.defaults(), 194),
                summaries == null ? null
                        : new ModelDescriptor.Training("rec", true, 1, 1, 1.0, summaries, List.of()), null,
                new ModelDescriptor.Evaluation("cv", 5, 0.9, 0.01, List.of(), 1.0, 100, 3,
                        List.of(CLICK_METRICS, new ModelDescriptor.SoundMetrics("click", 0, 0, 0, 0)),
                        new ModelDescriptor.ConfusionMatrix(labels, new long[3][3])),
                List.of("talk"), null);
    }

    @Test
    void theSoundsComeFirstThenTheBackgroundEachJoinedWithItsSummaryAndMetrics() {
        List<SoundFigures> figures = SoundFigures.of(model(List.of(TALK, CLICK, CLICK)));
        assertEquals(List.of(new SoundFigures("click", false, CLICK, CLICK_METRICS),
                new SoundFigures("pop", false, null, null), new SoundFigures("talk", true, TALK, null)), figures);
        assertNull(SoundFigures.of(model(null)).get(2).summary());
    }

    @Test
    void theSoundsRecordingsLeaveTheBackgroundOut() {
        assertEquals(4, model(List.of(TALK, CLICK)).soundRecordings());
        // Without a training summary, the evaluation's count, which is of the sounds already.
        assertEquals(3, model(null).soundRecordings());
    }
}
