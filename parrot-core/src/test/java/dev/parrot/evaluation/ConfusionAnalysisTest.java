package dev.parrot.evaluation;

import dev.parrot.model.ModelDescriptor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfusionAnalysisTest {

    /** kick: 8 right, 2 heard as snare; snare: 1 as kick, 9 right; hat: never recorded, once answered. */
    private static final ConfusionAnalysis MATRIX = ConfusionAnalysis.of(List.of("kick", "snare", "hat"),
            new long[][] {{8, 2, 0}, {1, 8, 1}, {0, 0, 0}});

    @Test
    void precisionRecallAndF1ByTheirDefinitions() {
        assertEquals(10, MATRIX.total(0));
        assertEquals(9, MATRIX.predicted(0));
        assertEquals(0.8, MATRIX.recall(0), 1e-12);
        assertEquals(8 / 9.0, MATRIX.precision(0), 1e-12);
        assertEquals(2 * 0.8 * (8 / 9.0) / (0.8 + 8 / 9.0), MATRIX.f1(0), 1e-12);
        // A label nobody recorded has no recall and, answered only wrongly, no precision: 0, not NaN.
        assertEquals(0, MATRIX.recall(2));
        assertEquals(0, MATRIX.precision(2));
        assertEquals(0, MATRIX.f1(2));
        assertEquals(16 / 20.0, MATRIX.accuracy(), 1e-12);
    }

    @Test
    void perSoundFollowsTheOrderAsked() {
        List<ModelDescriptor.SoundMetrics> metrics = MATRIX.perSound(List.of("snare", "kick"));
        assertEquals(List.of("snare", "kick"), metrics.stream().map(ModelDescriptor.SoundMetrics::sound).toList());
        assertEquals(0.8, metrics.get(0).recall(), 1e-12);
        assertEquals(10, metrics.get(0).support());
    }

    @Test
    void confusedPairsWorstDirectionFirst() {
        List<ConfusionAnalysis.ConfusedPair> pairs = MATRIX.confusedPairs();
        assertEquals(2, pairs.size());
        assertEquals(new ConfusionAnalysis.ConfusedPair(0, 1, 0.2, 3), pairs.get(0));
        assertEquals(new ConfusionAnalysis.ConfusedPair(1, 2, 0.1, 1), pairs.get(1));
    }

    @Test
    void anEntryIsACellWithItsRowTotal() {
        assertEquals(new ConfusionAnalysis.Entry(1, 0, 1, 10), MATRIX.entry(1, 0));
        assertEquals(0.1, MATRIX.entry(1, 0).share(), 1e-12);
        assertFalse(MATRIX.entry(1, 0).right());
        assertTrue(MATRIX.entry(1, 1).right());
        // A sound without windows: a share of 0, not NaN.
        assertEquals(0, MATRIX.entry(2, 2).share());
    }

    @Test
    void aPairsDirectionsWorseFirstAndOnlyThoseThatHappened() {
        List<ConfusionAnalysis.ConfusedPair> pairs = MATRIX.confusedPairs();
        assertEquals(List.of(MATRIX.entry(0, 1), MATRIX.entry(1, 0)), MATRIX.directions(pairs.get(0)));
        // hat was never heard as snare: snare heard as hat is the pair's one direction.
        assertEquals(List.of(MATRIX.entry(1, 2)), MATRIX.directions(pairs.get(1)));
    }

    @Test
    void aMatrixThatIsNotSquareIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> ConfusionAnalysis.of(List.of("a", "b"),
                new long[][] {{1, 0}}));
        assertThrows(IllegalArgumentException.class, () -> ConfusionAnalysis.of(List.of("a", "b"),
                new long[][] {{1, 0}, {1}}));
        IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
                () -> ConfusionAnalysis.of((ModelDescriptor.Evaluation) null));
        assertEquals("no evaluation (accuracy and confusion matrix)", none.getMessage());
        IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
                () -> ConfusionAnalysis.of(List.of("a", "b"), new long[][] {{1, 0}}));
        assertEquals("a confusion matrix that is not 2 x 2", rows.getMessage());
    }

    @Test
    void accuracyTiersByParrotPysBounds() {
        assertSame(AccuracyTier.GOOD, AccuracyTier.of(0.95));
        assertSame(AccuracyTier.FAIR, AccuracyTier.of(0.9499));
        assertSame(AccuracyTier.FAIR, AccuracyTier.of(0.90));
        assertSame(AccuracyTier.POOR, AccuracyTier.of(0.8999));
        assertEquals("fair", AccuracyTier.FAIR.id());
        assertEquals("Below 90%", AccuracyTier.POOR.advice().substring(0, 9));
    }
}
