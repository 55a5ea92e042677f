package dev.parrot.evaluation.events;

/**
 * A sound a detector reported.
 *
 * @param label the sound
 * @param decidedSeconds when the detector could report it: the end of the last window it had heard, which is what a
 *        user waits for
 */
public record Detection(String label, double decidedSeconds) {
}
