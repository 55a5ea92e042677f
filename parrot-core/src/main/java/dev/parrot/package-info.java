/**
 * What every part of the core shares: its exception, progress log, parallel helpers and version. Internal except
 * {@link dev.parrot.ParrotException}, which the runtime throws.
 */
package dev.parrot;
