/**
 * The goals ({@code parrot:record}, {@code train}, {@code report}, {@code classify}, {@code listen}, {@code check}):
 * each an adapter from its parameters to a request of the core, one call into it, and the outcome mapped to Maven's
 * exceptions, with the core's settings named as a Maven user sets them. Internal: the plugin's API is its goals and
 * their parameters, not these classes.
 */
package dev.parrot.maven;
