/**
 * Internal: training a model: the stages of {@code SoundModelTrainer}, the learners to choose from, and the training
 * request. Used by the Maven plugin and the benchmarks; not part of the embedding API ({@link dev.parrot.runtime}),
 * and may change in any release.
 */
package dev.parrot.training;
