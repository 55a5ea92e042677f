/** Training's choice of the detector's thresholds, from cross-validated probabilities of held-out windows. */
package dev.parrot.calibration;
