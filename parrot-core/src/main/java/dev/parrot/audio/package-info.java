/**
 * Reading and writing recordings: WAV decoding of any common encoding to mono floats, whole
 * ({@link dev.parrot.audio.WavDecoder}) or streamed in chunks ({@link dev.parrot.audio.WavStream}, resampled on the
 * way with {@link dev.parrot.audio.SampleStream#resampledTo}), resampling, finding WAV files.
 * {@link dev.parrot.audio.Recording} is public (the runtime classifies it); the rest is internal.
 */
package dev.parrot.audio;
