/**
 * Internal: training copies of recordings with gain, noise and filtering, so a model hears more than the one
 * microphone it was trained with. Used by the Maven plugin and the benchmarks; not part of the embedding API ({@link
 * dev.parrot.runtime}), and may change in any release.
 */
package dev.parrot.augmentation;
