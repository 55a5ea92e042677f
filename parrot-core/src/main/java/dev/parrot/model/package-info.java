/**
 * A model on disk: its two files ({@code .model}, the Weka classifier, read through an allow-list of classes; and
 * {@code .json}, the {@link dev.parrot.model.ModelDescriptor}), their lock, fingerprint and history, and the instance
 * a classifier reads for one window. The descriptor is public (the runtime returns it), with the
 * {@link dev.parrot.model.AugmentationSettings} it records (here rather than in {@code augmentation}, which reads
 * data sets, so that the descriptor needs nothing above this package); the rest is internal.
 */
package dev.parrot.model;
