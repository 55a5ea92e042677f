package dev.parrot.runtime;

/** Follows one sound through a stream for an {@link EventDecider}: the behaviour of its {@link SoundKind}. */
interface SoundTracker {

    /**
     * Whether the next window must be classified for this sound.
     *
     * @param levelDbfs its level
     * @param atOnset whether it is one of the windows the current onset is judged on
     */
    boolean wants(double levelDbfs, boolean atOnset);

    /** Decides the window (classified when any tracker wanted it) and reports what follows from it. */
    void decide(EventDecider.Window window, SoundListener listener);

    /**
     * Decides an onset on its whole segment, once the segment is complete.
     *
     * @param onsetSeconds where the onset's first window starts
     * @param decidedSeconds where the segment ends
     * @param levelDbfs the loudest of the onset's windows so far
     * @param probabilities per label, then that no sound was made
     */
    default void decideOnset(double onsetSeconds, double decidedSeconds, double levelDbfs, double[] probabilities,
            SoundListener listener) {
    }

    /** The stream has ended. */
    void finish(double endSeconds, SoundListener listener);
}
