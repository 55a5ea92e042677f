/**
 * Reading and writing recordings: WAV decoding of any common encoding to mono floats, resampling, finding WAV files.
 * {@link dev.parrot.audio.Recording} is public (the runtime classifies it); the rest is internal.
 */
package dev.parrot.audio;
