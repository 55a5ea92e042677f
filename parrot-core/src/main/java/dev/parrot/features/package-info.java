/**
 * The feature vector of a window of audio, shared by training and the runtime so that a model sees at runtime what it
 * was trained on. {@link dev.parrot.features.FeatureSettings} is public (a model's descriptor holds it); the extractor
 * is internal. The vector of a feature version never changes (see {@link
 * dev.parrot.features.FeatureSettings#CURRENT_VERSION}).
 */
package dev.parrot.features;
