package dev.parrot.evaluation.events;

/**
 * Parrot.py's kinds of disagreement between what a detector heard and the reference, for a stretch of time where the
 * two disagree, by where the stretch lies in the reference segment (or the background between segments) it falls in.
 */
public enum TimelineError {
    /** Background taken for a sound up to where a sound truly starts. */
    EARLY_START(true, "early start"),
    /** A sound heard on into the background after it ended. */
    LATE_STOP(true, "late stop"),
    /** A sound heard inside a stretch of background, touching neither of its ends. */
    FULL_FALSE_POSITIVE(true, "full false positive"),
    /** A whole stretch of background between two sounds taken for a sound. */
    MISSED_DIP(true, "missed dip"),
    /** The start of a sound not heard, or heard as another. */
    LAG(false, "lag"),
    /** A gap inside a sound. */
    STUTTER(false, "stutter"),
    /** The end of a sound not heard. */
    CUT_OFF(false, "cut-off"),
    /** A whole sound not heard. */
    FULL_MISS(false, "full miss");

    private final boolean falsePositive;
    private final String label;

    TimelineError(boolean falsePositive, String label) {
        this.falsePositive = falsePositive;
        this.label = label;
    }

    /** Whether it is something heard that was not there, rather than something there not heard. */
    public boolean falsePositive() {
        return falsePositive;
    }

    public String label() {
        return label;
    }

    /** The kind of a piece of disagreement, by whether its stretch is a sound and whether it touches the stretch's ends. */
    static TimelineError of(boolean inSound, boolean atStart, boolean atEnd) {
        if (inSound) {
            return atStart ? (atEnd ? FULL_MISS : LAG) : (atEnd ? CUT_OFF : STUTTER);
        }
        return atStart ? (atEnd ? MISSED_DIP : LATE_STOP) : (atEnd ? EARLY_START : FULL_FALSE_POSITIVE);
    }
}
