package dev.parrot.maven.report;

import dev.parrot.evaluation.AccuracyTier;
import dev.parrot.evaluation.ConfusionAnalysis;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

class PairSeverityTest {

    @Test
    void aTenthOrMoreIsOftenFromTwoPercentSometimesBelowRarely() {
        assertSame(PairSeverity.OFTEN, PairSeverity.of(0.10));
        assertSame(PairSeverity.SOMETIMES, PairSeverity.of(0.0999));
        assertSame(PairSeverity.SOMETIMES, PairSeverity.of(0.02));
        assertSame(PairSeverity.RARELY, PairSeverity.of(0.0199));
        assertSame(PairSeverity.RARELY, PairSeverity.of(0));
    }

    @Test
    void aPairIsJudgedByItsWorseDirection() {
        // kick heard as snare in 3 of 100 windows (3%), snare heard as kick in 12 of 100 (12%): often, not sometimes.
        ConfusionAnalysis analysis = ConfusionAnalysis.of(List.of("kick", "snare"),
                new long[][] {{97, 3}, {12, 88}});
        assertSame(PairSeverity.OFTEN, PairSeverity.of(analysis.confusedPairs().get(0)));
    }

    @Test
    void eachIsShownInItsTierWithItsAdvice() {
        assertSame(AccuracyTier.POOR, PairSeverity.OFTEN.tier());
        assertSame(AccuracyTier.FAIR, PairSeverity.SOMETIMES.tier());
        assertSame(AccuracyTier.GOOD, PairSeverity.RARELY.tier());
        assertEquals(List.of("often", "sometimes", "rarely"),
                List.of(PairSeverity.OFTEN.id(), PairSeverity.SOMETIMES.id(), PairSeverity.RARELY.id()));
    }
}
