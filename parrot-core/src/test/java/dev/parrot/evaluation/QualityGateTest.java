package dev.parrot.evaluation;

import dev.parrot.ParrotException;
import dev.parrot.model.ModelDescriptor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The gate's verdicts and messages, and the confusion analysis they rest on. */
class QualityGateTest {

    private static final List<String> LABELS = List.of("clap", "kick", "snare");

    /** kick is fine; snare is heard as clap in 30 of 100 windows and as kick in 5; clap as snare in 10 of 100. */
    private static final long[][] COUNTS = {
            {90, 0, 10},
            {0, 100, 0},
            {30, 5, 65}};

    static ModelDescriptor model() {
        long right = 90 + 100 + 65;
        ModelDescriptor.Evaluation evaluation = new ModelDescriptor.Evaluation("cv", 3, right / 300.0, 0.01,
                List.of(), 0.9, 300, 30, List.of(), new ModelDescriptor.ConfusionMatrix(LABELS, COUNTS));
        return new ModelDescriptor(1, "drums", null, null, LABELS, null, null, null, evaluation);
    }

    @Test
    void analysisGivesRecallAndPairsWorstFirst() {
        ConfusionAnalysis a = ConfusionAnalysis.of(model().evaluation());
        assertEquals(0.65, a.recall(2), 1e-9);
        assertEquals(255 / 300.0, a.accuracy(), 1e-9);
        List<ConfusionAnalysis.ConfusedPair> pairs = a.confusedPairs();
        assertEquals(2, pairs.size());
        assertEquals(new ConfusionAnalysis.ConfusedPair(2, 0, 0.30, 40), pairs.get(0));
        assertEquals(new ConfusionAnalysis.ConfusedPair(2, 1, 0.05, 5), pairs.get(1));
        // Heard as clap (0) in 30 and as kick (1) in 5 of its 100 windows.
        assertEquals(List.of(new ConfusionAnalysis.Entry(2, 0, 30, 100), new ConfusionAnalysis.Entry(2, 1, 5, 100)),
                a.heardAs(2));
        assertEquals(List.of("clap", "kick"), a.heardAs(2).stream().map(e -> a.labels().get(e.as())).toList());
        assertEquals(List.of(0.3, 0.05), a.heardAs(2).stream().map(ConfusionAnalysis.Entry::share).toList());
    }

    @Test
    void analysisRefusesAMatrixThatDoesNotFitItsLabels() {
        ModelDescriptor.Evaluation bad = new ModelDescriptor.Evaluation("cv", 3, 1, 0, List.of(), 1, 1, 1, List.of(),
                new ModelDescriptor.ConfusionMatrix(LABELS, new long[][] {{1}}));
        assertThrows(IllegalArgumentException.class, () -> ConfusionAnalysis.of(bad));
    }

    @Test
    void aSoundBelowTheMinimumRecallIsNamedWithWhatItIsHeardAsAndWhatToDo() throws Exception {
        String message = QualityGate.of(null, 0.8).failures(model()).orElseThrow();
        assertEquals("""
                Model drums does not pass its quality gate:
                  snare: recall 65.0% is below the minimum recall of 80.0%; heard as clap in 30.0% (30 of 100 \
                windows), as kick in 5.0% (5 of 100 windows)
                What to do: record more takes of snare, varied as in use (level, distance, room), and make them \
                distinct from clap, kick (or drop one of each pair from the sounds); the report's confusion matrix \
                shows every mix-up.""", message);
    }

    @Test
    void accuracyBelowTheMinimumNamesTheMostMixedUpPairs() throws Exception {
        String message = QualityGate.of(0.9, null).failures(model()).orElseThrow();
        assertTrue(message.contains("accuracy 85.0% is below the minimum accuracy of 90.0%"), message);
        assertTrue(message.contains("most mixed up: snare heard as clap in 30.0% of its windows"), message);
        assertTrue(message.contains("record more takes of snare"), message);
        assertFalse(message.contains("kick:"), message);
    }

    @Test
    void aModelAboveTheMinimumsPasses() throws Exception {
        QualityGate gate = QualityGate.of(0.85, 0.65);
        assertTrue(gate.failures(model()).isEmpty());
        assertEquals("Model drums passes its quality gate: accuracy 85.0% >= 85.0%, lowest recall 65.0% (snare)"
                + " >= 65.0%", gate.passed(model()));
    }

    @Test
    void noMinimumIsNoGate() throws Exception {
        QualityGate gate = QualityGate.of(null, null);
        assertFalse(gate.enabled());
        assertTrue(gate.failures(model()).isEmpty());
    }

    @Test
    void aMinimumOutsideZeroToOneIsRefused() {
        ParrotException e = assertThrows(ParrotException.class, () -> QualityGate.of(90.0, null));
        assertEquals("The minimum accuracy is a share between 0 and 1 (e.g. 0.9 for 90%), not 90.0.", e.getMessage());
        assertThrows(ParrotException.class, () -> QualityGate.of(null, Double.NaN));
    }

    @Test
    void aDescriptorWithoutEvaluationCannotBeChecked() {
        ModelDescriptor none = new ModelDescriptor(1, "old", null, null, LABELS, null, null, null, null);
        ParrotException e = assertThrows(ParrotException.class, () -> QualityGate.of(0.5, null).failures(none));
        assertTrue(e.getMessage().startsWith("Model old cannot be checked"), e.getMessage());
    }
}
