/**
 * TarsosDSP adapters, for programs that already have an {@code AudioDispatcher}: a {@link
 * dev.parrot.runtime.tarsos.TarsosDetector} feeds a {@link dev.parrot.runtime.SoundDetector} from one, and {@link
 * dev.parrot.runtime.tarsos.TarsosInputs} makes dispatchers of the default microphone and of WAV files. API, like
 * {@link dev.parrot.runtime}, but apart from it: the runtime's own signatures use Parrot's and the JDK's types only,
 * so a program that does not use TarsosDSP is not tied to its republished artifact or its threading.
 */
package dev.parrot.runtime.tarsos;
