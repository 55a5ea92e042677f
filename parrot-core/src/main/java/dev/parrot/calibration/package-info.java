/**
 * Internal: training's choice of the detector's thresholds, from cross-validated probabilities of held-out windows.
 * Used by the trainer and the benchmarks; not part of the embedding API ({@link dev.parrot.runtime}), and may change
 * in any release.
 */
package dev.parrot.calibration;
