package dev.parrot.maven.report;

import dev.parrot.evaluation.AccuracyTier;
import dev.parrot.evaluation.ConfusionAnalysis;

import java.util.Locale;

/**
 * How often the report says a pair is mixed up, by the share of its worse direction: the advice it gives about the pair
 * ({@code pairs.<id>} in the labels) and the colour it shows it in. The report's reading of a
 * {@link ConfusionAnalysis.ConfusedPair}, not a measure of the model, so it lives with the report.
 */
enum PairSeverity {
    /** A tenth or more of one sound's windows: hard to tell apart. */
    OFTEN(0.10, AccuracyTier.POOR),
    /** From 2%: worth a few more recordings. */
    SOMETIMES(0.02, AccuracyTier.FAIR),
    RARELY(0.0, AccuracyTier.GOOD);

    private final double from;
    private final AccuracyTier tier;

    PairSeverity(double from, AccuracyTier tier) {
        this.from = from;
        this.tier = tier;
    }

    static PairSeverity of(ConfusionAnalysis.ConfusedPair pair) {
        return of(pair.rate());
    }

    static PairSeverity of(double rate) {
        for (PairSeverity s : values()) {
            if (rate >= s.from) {
                return s;
            }
        }
        return RARELY;
    }

    /** The accuracy tier a pair of this severity is shown in. */
    AccuracyTier tier() {
        return tier;
    }

    /** "often", "sometimes", "rarely": the key of its advice. */
    String id() {
        return name().toLowerCase(Locale.ROOT);
    }
}
