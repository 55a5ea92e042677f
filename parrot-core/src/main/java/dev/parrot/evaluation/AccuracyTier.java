package dev.parrot.evaluation;

/**
 * What an accuracy means for controlling a computer with sounds, by Parrot.py's advice: from 95% optimal, from 90%
 * usable, below that too many misfires. The one place these bounds live: the training summary and the report's
 * boxes both read them here.
 */
public enum AccuracyTier {
    GOOD(0.95, "Above 95%: optimal for controlling a computer with these sounds."),
    FAIR(0.90, "Above 90%: usable; the confusion matrix shows which sounds to re-record or drop to do better."),
    POOR(0.0, "Below 90%: too many misfires to rely on; re-record or drop the sounds the confusion matrix mixes up.");

    private final double from;
    private final String advice;

    AccuracyTier(double from, String advice) {
        this.from = from;
        this.advice = advice;
    }

    /** The tier of an accuracy, a share between 0 and 1. */
    public static AccuracyTier of(double accuracy) {
        for (AccuracyTier tier : values()) {
            if (accuracy >= tier.from) {
                return tier;
            }
        }
        return POOR;
    }

    /** The lowest accuracy in this tier. */
    public double from() {
        return from;
    }

    /** Parrot.py's advice for a model in this tier, in one sentence. */
    public String advice() {
        return advice;
    }

    /** The tier's name in lower case ("good", "fair", "poor"), as the report's styles and labels key it. */
    public String id() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
