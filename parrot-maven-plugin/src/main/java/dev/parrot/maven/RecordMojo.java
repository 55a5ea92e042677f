package dev.parrot.maven;

import dev.parrot.ParrotException;
import dev.parrot.Setting;
import dev.parrot.dataset.DatasetOptions;
import dev.parrot.live.EnterKey;
import dev.parrot.live.LimitedSource;
import dev.parrot.live.RecordRequest;
import dev.parrot.live.RecordResult;
import dev.parrot.live.Recorder;
import dev.parrot.runtime.AudioSource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.Console;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;

/**
 * Records takes of a sound: {@code mvn parrot:record -Dparrot.sound=click}. Records from the microphone until Enter
 * is pressed (or for {@code parrot.seconds}) into {@code <recordingsDirectory>/<sound>/source/<timestamp>.wav}
 * (16 kHz mono 16-bit, written whole even when Maven is interrupted with Ctrl+C), and writes the takes the automatic
 * segmentation finds in it to {@code <sound>/segments/<timestamp>.v1.srt}: Parrot.py's layout, which
 * {@code parrot:train} reads as it is. On a console, a level meter and the takes found so far are shown on one line.
 * At the end the log says how many takes of how many ms were found, and warns when the input clipped or was too quiet
 * to segment. {@code -Dparrot.sound=background} (or {@code silence}, {@code noise}, or one of
 * {@code backgroundSounds}) records background, which training learns whole. {@code -Dparrot.input=file.wav} takes
 * a recording instead of the microphone.
 */
@Mojo(name = "record", threadSafe = false)
public class RecordMojo extends AbstractLiveMojo {

    /** The sound to record: the name of its folder under {@code recordingsDirectory}, e.g. {@code click}. */
    @Parameter(property = "parrot.sound")
    private String sound;

    /** The folder of one sub-folder per sound, as {@code parrot:train} reads it. */
    @Parameter(property = "parrot.recordings", defaultValue = "${project.basedir}/data/recordings", required = true)
    private File recordingsDirectory;

    /**
     * Folders, besides {@code silence}, {@code background} and {@code noise}, of sounds that must never fire (as
     * {@code parrot:train} takes them): recorded whole, without looking for takes.
     */
    @Parameter(property = "parrot.backgroundSounds")
    private List<String> backgroundSounds;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (sound == null || sound.isBlank()) {
            throw new MojoFailureException("Which sound? Name it: " + MavenSettings.of(Setting.SOUND)
                    + ", e.g. -Dparrot.sound=click; -Dparrot.sound=background records the room.");
        }
        DatasetOptions options = DatasetOptions.builder(null).backgroundSounds(backgroundSounds).build();
        boolean background = options.isBackground(sound);
        AudioSource opened = openSource(Recorder.SAMPLE_RATE, true);
        AudioSource source = new LimitedSource(opened, seconds);
        Recorder recorder;
        try {
            recorder = Recorder.start(new RecordRequest(recordingsDirectory.toPath(), sound, background),
                    LocalDateTime.now());
        } catch (ParrotException e) {
            closeQuietly(source);
            throw failure(e);
        } catch (IOException e) {
            closeQuietly(source);
            throw new MojoExecutionException("Cannot start a recording in " + recordingsDirectory + ": "
                    + e.getMessage(), e);
        }
        Console console = console();
        getLog().info("Recording " + (background ? "background" : sound) + " from " + describe(opened)
                + (console != null ? ": press Enter to stop" : ""));
        // Ctrl+C ends Maven in the middle of the recording: the hook completes the file so that it is kept whole.
        Thread hook = new Thread(() -> finishInterrupted(recorder), "parrot-record-interrupted");
        Runtime.getRuntime().addShutdownHook(hook);
        EnterKey enter = watchEnter(recorder::stop);
        Meter meter = console == null ? null : new Meter(console.writer(), sound);
        RecordResult result;
        try {
            recorder.record(source, meter == null ? Recorder.Display.NONE : meter);
            result = recorder.finish();
        } catch (IOException e) {
            throw readFailure("Recording " + sound + " into " + recorder.file(), e);
        } finally {
            close(enter);
            if (meter != null) {
                meter.end();
            }
            closeQuietly(source);
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Maven is shutting down: the hook finishes the recording.
            }
        }
        reportDrops(opened);
        if (result == null) {
            getLog().warn("No audio came from " + describe(opened) + "; nothing was written.");
            return;
        }
        result.summary().forEach(getLog()::info);
        result.warnings().forEach(getLog()::warn);
    }

    private static void finishInterrupted(Recorder recorder) {
        try {
            RecordResult kept = recorder.finish();
            if (kept != null) {
                System.err.printf(Locale.ROOT, "%nInterrupted: kept %.1f s in %s%n", kept.seconds(), kept.wav());
            }
        } catch (IOException e) {
            System.err.println("Interrupted, and the recording could not be completed: " + e.getMessage());
        }
    }

    private static void closeQuietly(AudioSource source) {
        try {
            source.close();
        } catch (IOException e) {
            // Nothing was kept open that matters once the recording is written.
        }
    }

    /** The level meter and count of takes, redrawn in place on one console line. */
    private static final class Meter implements Recorder.Display {
        private static final int WIDTH = 30;
        private static final double FLOOR_DBFS = -60;
        private final PrintWriter out;
        private final String sound;
        private int drawn;

        Meter(PrintWriter out, String sound) {
            this.out = out;
            this.sound = sound;
        }

        @Override
        public void show(Recorder.Progress p) {
            int bars = (int) Math.round(WIDTH * Math.max(0, Math.min(1, (p.levelDbfs() - FLOOR_DBFS) / -FLOOR_DBFS)));
            String line = String.format(Locale.ROOT, "%s [%s%s] %4.0f dBFS%s  %d take%s  %6.1f s", sound,
                    "#".repeat(bars), " ".repeat(WIDTH - bars), Math.max(p.levelDbfs(), -99),
                    p.clipping() ? " CLIP" : "     ", p.takes(), p.takes() == 1 ? " " : "s", p.seconds());
            out.print("\r" + line);
            out.flush();
            drawn = line.length();
        }

        void end() {
            if (drawn > 0) {
                out.println();
                out.flush();
            }
        }
    }
}
