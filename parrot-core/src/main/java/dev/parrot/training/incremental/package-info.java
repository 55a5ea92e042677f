/**
 * Internal: deciding whether a model on disk is up to date with its recordings and settings (the fingerprint), so a
 * build can keep it. Used by the Maven plugin and the benchmarks; not part of the embedding API ({@link
 * dev.parrot.runtime}), and may change in any release.
 */
package dev.parrot.training.incremental;
