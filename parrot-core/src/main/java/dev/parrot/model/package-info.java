/**
 * A model on disk: its two files ({@code .model}, the Weka classifier, read through an allow-list of classes; and
 * {@code .json}, the {@link dev.parrot.model.ModelDescriptor}), their lock, fingerprint and history, and the instance
 * a classifier reads for one window. The descriptor is public (the runtime returns it); the rest is internal.
 */
package dev.parrot.model;
