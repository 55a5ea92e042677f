/**
 * Internal: the batch classification behind the {@code classify} goal (recordings walked, each classified with the
 * runtime, the classifications written as CSV and scored when their folders name the sounds). Built on {@link
 * dev.parrot.runtime}; not part of the embedding API, and may change in any release.
 */
package dev.parrot.classify;
