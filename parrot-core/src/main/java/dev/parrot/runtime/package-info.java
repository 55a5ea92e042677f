/**
 * The API to embed: load a model ({@link dev.parrot.runtime.SoundModel}), classify recordings with a {@link
 * dev.parrot.runtime.SoundClassifier}, hear sounds on a live stream with a {@link dev.parrot.runtime.SoundDetector},
 * and the values they return. This package is the library's public contract: it changes only with the major version,
 * and it needs nothing of the training side (no dataset reading, no evaluation, no Maven).
 *
 * <p>Its signatures also use a few types of {@link dev.parrot.audio} (a {@code Recording}), {@link
 * dev.parrot.features} (a model's {@code FeatureSettings}) and {@link dev.parrot.model} (a {@code ModelDescriptor});
 * the rest of the core is internal. They show no TarsosDSP or Weka type (RuntimeApiTypesTest): audio comes in as an
 * {@link dev.parrot.runtime.AudioSource} or arrays of samples, and programs that already use TarsosDSP's dispatchers
 * find the adapters in {@link dev.parrot.runtime.tarsos}.
 */
package dev.parrot.runtime;
