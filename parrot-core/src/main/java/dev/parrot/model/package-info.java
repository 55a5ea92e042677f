/**
 * A model on disk: its two files ({@link dev.parrot.model.ModelFiles}: naming the pair, writing and reading both
 * under a lock with the classifier's hash), written atomically ({@link dev.parrot.model.AtomicFile}); the
 * {@code .json} descriptor ({@link dev.parrot.model.ModelDescriptor}, read and written by
 * {@link dev.parrot.model.ModelJson}, the one JSON mapper); the {@code .model} classifier in either of its formats
 * ({@link dev.parrot.model.ClassifierFormat}: a forest as data, or Weka's serialisation read through an allow-list of
 * each learner's classes); its lock, fingerprint and history, and the instance a classifier reads for one window. The
 * descriptor is public (the runtime returns it), with the {@link dev.parrot.model.AugmentationSettings} it records
 * (here rather than in {@code augmentation}, which reads data sets, so that the descriptor needs nothing above this
 * package); the rest is internal.
 */
package dev.parrot.model;
