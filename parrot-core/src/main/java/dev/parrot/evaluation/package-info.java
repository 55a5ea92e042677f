/**
 * Internal: how good a model is: cross-validation grouped by recording, confusion, mistakes, the quality gate. Used by
 * the Maven plugin and the benchmarks; not part of the embedding API ({@link dev.parrot.runtime}), and may change in
 * any release.
 */
package dev.parrot.evaluation;
