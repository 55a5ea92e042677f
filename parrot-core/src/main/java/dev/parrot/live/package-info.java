/**
 * Internal: the tools behind the {@code record} and {@code listen} goals, at which a person sits at the microphone.
 * {@link dev.parrot.live.Recorder} writes what a source hears into a sound's folder in Parrot.py's layout, with the
 * takes it found; {@link dev.parrot.live.Listening} runs a model's detector on a source and sums up what it heard. The
 * sources besides the {@link dev.parrot.runtime.Microphone} (a decoded file, paced in real time, cut after so many
 * seconds) and the Enter key that stops a session are here too. Built on {@link dev.parrot.runtime}; not part of the
 * embedding API, and may change in any release.
 */
package dev.parrot.live;
