/**
 * Benchmarks run by hand (built with {@code -Pbenchmarks}): JMH timings of one window, batch classification and the
 * up-to-date check against real time, the detector over hours of audio, and the side-by-side runs against the
 * Parrot.py reference. Internal: nothing here is API; the figures and commands are in {@code performance.md} and
 * {@code benchmarks.md}.
 */
package dev.parrot.benchmarks;
