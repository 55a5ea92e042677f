/**
 * Internal: reading a folder of recordings into labelled windows (sound folders, background labels, long recordings
 * with segments) and the balanced Weka training set made from them. Used by the Maven plugin and the benchmarks; not
 * part of the embedding API ({@link dev.parrot.runtime}), and may change in any release.
 */
package dev.parrot.dataset;
