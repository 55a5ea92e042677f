package dev.parrot.training;

import dev.parrot.ParrotException;
import dev.parrot.ProgressLog;
import dev.parrot.Setting;
import dev.parrot.dataset.Balancing;
import dev.parrot.dataset.RecordingFeatures;
import dev.parrot.dataset.SoundDataset;
import dev.parrot.segments.Segment;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HeapBudgetTest {

    /** Two sounds of 100 and 10 windows of 3 features: balancing cuts 100 to 77 and doubles 10. */
    private static final SoundDataset DATASET = new SoundDataset(List.of("kick", "snare"),
            List.of(new RecordingFeatures("kick/a.wav", "kick", 1, new float[100][3]),
                    new RecordingFeatures("snare/a.wav", "snare", 1, new float[10][3])),
            List.of(), List.of("a", "b", "c"));
    private static final Map<String, Balancing.SoundBalance> PLAN =
            Balancing.planFor(DATASET.sounds(), DATASET.recordings(), true);

    @Test
    void estimatesTheFeaturesTheirProbabilitiesAndTheBalancedSet() {
        long used = PLAN.values().stream().mapToLong(Balancing.SoundBalance::after).sum();
        assertEquals(77 + 20, used, "the kick is cut to the truncation, the snare doubled");
        // Per window: 3 floats, an array, 2 floats of held-out probabilities, their array. Per window used: 4
        // doubles, the instance, its values array, a learner's byte per feature.
        assertEquals(110 * (12 + 16 + 8 + 16) + 97 * (32 + 16 + 40 + 3), HeapBudget.needed(DATASET, PLAN));
    }

    @Test
    void countsTheOnsetModelsExamplesOfTakesSegmentsAndBackground() {
        SoundDataset dataset = new SoundDataset(List.of("kick", "snare", "speech"),
                List.of(new RecordingFeatures("kick/a.wav", "kick", 1, new float[100][3]),
                        new RecordingFeatures("kick/b.wav", "kick", 1, new float[100][3]),
                        new RecordingFeatures("snare/long.wav", "snare", 10, new float[90][3], "0:00-0:10"),
                        new RecordingFeatures("speech/talk.wav", "speech", 10, new float[600][3], "0:00-0:10"),
                        new RecordingFeatures("speech/talk.wav", "speech", 5, new float[300][3], "0:10-0:15")),
                List.of(), List.of("a", "b", "c"), List.of("speech"), Map.of(),
                Map.of("snare/long.wav", List.of(new Segment(1, 1.1, "snare", 1), new Segment(3, 3.1, "snare", 2),
                        new Segment(5, 5.1, "snare", 3))));
        // Two takes and three segments, each as recorded and in 6 copies; 15 s of talk at 3.6 onsets a second, each
        // shifted 5 times; per example 10 floats, a Weka instance of 11 doubles and a byte per value.
        assertEquals((5 * 7 + 15 * 18) * (40 + 16 + 88 + 56 + 10), HeapBudget.onsetExamples(dataset, 10));
        assertEquals(0, HeapBudget.onsetExamples(dataset, 0), "no onset model");
    }

    @Test
    void warnsBeforeLearningWhenTheHeapIsTight() {
        List<String> warnings = new ArrayList<>();
        long needed = HeapBudget.needed(DATASET, PLAN);
        HeapBudget.check(DATASET, PLAN, 0, log(warnings), needed * 2);
        assertEquals(List.of(), warnings, "half the heap is fine");
        HeapBudget.check(DATASET, PLAN, 0, log(warnings), needed);
        assertEquals(1, warnings.size());
        assertTrue(warnings.get(0).startsWith("Training on 110 windows needs about 0 MB of heap"), warnings.get(0));
        assertTrue(warnings.get(0).endsWith(HeapBudget.MORE_HEAP), warnings.get(0));
    }

    @Test
    void runningOutIsTheUsersToFixWithTheSameFigures() {
        OutOfMemoryError cause = new OutOfMemoryError("Java heap space");
        ParrotException e = HeapBudget.check(DATASET, PLAN, 0, ProgressLog.SILENT, 64L << 20).exhausted(cause);
        assertEquals(Setting.HEAP, e.setting(), "the plugin names MAVEN_OPTS for it");
        assertEquals("Ran out of memory training on 110 windows (about 0 MB of heap needed, the JVM may use 64 MB). "
                + HeapBudget.MORE_HEAP, e.getMessage());
        assertEquals(cause, e.getCause());
    }

    private static ProgressLog log(List<String> warnings) {
        return new ProgressLog() {
            @Override
            public void info(String message) {
            }

            @Override
            public void warn(String message) {
                warnings.add(message);
            }
        };
    }
}
