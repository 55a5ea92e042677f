/**
 * Internal: long recordings: SRT segments and segments found by level. Used by the Maven plugin and the benchmarks;
 * not part of the embedding API ({@link dev.parrot.runtime}), and may change in any release.
 */
package dev.parrot.segments;
