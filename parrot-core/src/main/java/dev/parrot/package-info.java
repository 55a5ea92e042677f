/**
 * What every part of the core shares: its exception, the settings it names, progress log, parallel helpers and
 * version. Internal except {@link dev.parrot.ParrotException}, which the runtime throws, and the {@link
 * dev.parrot.Setting} it names.
 */
package dev.parrot;
