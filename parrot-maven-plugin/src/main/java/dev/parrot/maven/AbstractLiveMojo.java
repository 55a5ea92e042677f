package dev.parrot.maven;

import dev.parrot.ParrotException;
import dev.parrot.Setting;
import dev.parrot.audio.UnreadableRecordingException;
import dev.parrot.live.EnterKey;
import dev.parrot.runtime.AudioInputs;
import dev.parrot.runtime.AudioSource;
import dev.parrot.runtime.Microphone;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.Console;
import java.io.File;
import java.io.IOException;
import java.util.Locale;

/**
 * What the goals at the microphone share ({@code record}, {@code listen}): the microphone or a WAV file in its place,
 * how long, and the Enter key that ends them.
 */
abstract class AbstractLiveMojo extends AbstractParrotMojo {

    /**
     * The microphone: empty for the default input, or (part of) a device's name as Java Sound lists it; a name that
     * matches none fails, listing the names there are.
     */
    @Parameter(property = "parrot.microphone")
    protected String microphone;

    /**
     * A WAV file to take instead of the microphone (any PCM or float encoding, rate and channels; mixed to mono):
     * to import a recording, or to try, test and demonstrate without a microphone.
     */
    @Parameter(property = "parrot.input")
    protected File input;

    /**
     * How many seconds of audio to take; 0 until Enter is pressed (or a file's end). Where there is no console to
     * press Enter in (a CI server, a build without a terminal), a microphone needs this.
     */
    @Parameter(property = "parrot.seconds", defaultValue = "0")
    protected double seconds;

    /** The console, or null when Maven runs without one. */
    protected Console console() {
        return System.console();
    }

    /**
     * The file or the microphone: a microphone at {@code rate}, a file at {@code rate} when {@code resampleFile}, at
     * its own rate otherwise.
     *
     * @throws MojoFailureException when the file cannot be read, nothing would end a microphone's session, or there
     *         is no such microphone; each naming what to set
     */
    protected AudioSource openSource(int rate, boolean resampleFile) throws MojoFailureException {
        if (input != null) {
            try {
                // Streamed from disk, as classify reads it: a recording of any length in the memory of a few reads.
                return resampleFile ? AudioInputs.wav(input.toPath(), rate) : AudioInputs.wav(input.toPath());
            } catch (UnreadableRecordingException e) {
                throw new MojoFailureException(e.getMessage() + ". In Maven: "
                        + MavenSettings.of(Setting.INPUT) + ".", e);
            }
        }
        if (seconds <= 0 && console() == null) {
            throw new MojoFailureException("Nothing would end the session: there is no console to press Enter in."
                    + " Say how long to take: " + MavenSettings.of(Setting.SECONDS) + ", or take a WAV file"
                    + " instead of the microphone: " + MavenSettings.of(Setting.INPUT) + ".");
        }
        try {
            return Microphone.open(microphone, rate);
        } catch (ParrotException e) {
            throw failure(e);
        }
    }

    /**
     * A failure reading the audio on: a file that turns out broken midway (its header was fine) is the user's to fix,
     * named with the file, and thrown here; anything else (a device, a disk) is unexpected, and returned to throw.
     */
    protected MojoExecutionException readFailure(String what, IOException e) throws MojoFailureException {
        if (e.getCause() instanceof UnreadableRecordingException unreadable) {
            throw new MojoFailureException(unreadable.getMessage() + ". In Maven: " + MavenSettings.of(Setting.INPUT)
                    + ".", unreadable);
        }
        return new MojoExecutionException(what + " failed: " + e.getMessage(), e);
    }

    /** Where the audio comes from, for the log: {@code source} is what {@link #openSource} opened. */
    protected String describe(AudioSource source) {
        String from = source instanceof Microphone m ? m.name() : input != null ? input.toString() : "the microphone";
        return seconds > 0 ? String.format(Locale.ROOT, "%s for %.1f s", from, seconds) : from;
    }

    /** Ends the session on Enter when there is a console; null otherwise. */
    protected EnterKey watchEnter(Runnable stop) {
        return console() == null ? null : EnterKey.watch(System.in, stop);
    }

    /** Says how much audio a microphone dropped because the machine fell behind it. */
    protected void reportDrops(AudioSource source) {
        if (source instanceof Microphone m && m.droppedSamples() > 0) {
            getLog().warn(String.format(Locale.ROOT, "Fell behind the microphone %d time%s: %.2f s of audio dropped"
                    + " (the machine was busy); what was heard then is missing.", m.overflows(),
                    m.overflows() == 1 ? "" : "s", m.droppedSeconds()));
        }
    }

    protected static void close(EnterKey key) {
        if (key != null) {
            try {
                key.close();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
