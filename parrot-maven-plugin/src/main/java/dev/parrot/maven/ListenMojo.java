package dev.parrot.maven;

import dev.parrot.ParrotException;
import dev.parrot.live.EnterKey;
import dev.parrot.live.LimitedSource;
import dev.parrot.live.Listening;
import dev.parrot.live.PacedSource;
import dev.parrot.model.ModelFiles;
import dev.parrot.runtime.AudioSource;
import dev.parrot.runtime.SoundEvent;
import dev.parrot.runtime.SoundModel;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Tries a model live: {@code mvn parrot:listen}. Runs the model's own detector ({@code newDetector}, with the
 * thresholds training calibrated) on the microphone and logs each event with its time, sound, confidence and level,
 * until Enter is pressed (or for {@code parrot.seconds}). {@code -Dparrot.input=file.wav} plays a recording through
 * it instead, at real-time pace ({@code -Dparrot.realtime=false}: as fast as it can). At the end: the events per sound
 * and, where a truth SRT lies beside the input (as {@code parrot:classify} finds it), the recall of onsets and the
 * false alarms per minute.
 */
@Mojo(name = "listen", threadSafe = true)
public class ListenMojo extends AbstractLiveMojo {

    /** The model's name, as given to {@code parrot:train}: the model is {@code <outputDirectory>/<modelName>.json}. */
    @Parameter(property = "parrot.modelName", defaultValue = "${project.artifactId}", required = true)
    private String modelName;

    /** Where {@code parrot:train} wrote the model files. */
    @Parameter(property = "parrot.outputDirectory", defaultValue = "${project.build.directory}/models",
            required = true)
    private File outputDirectory;

    /**
     * A model file to use instead of {@code <outputDirectory>/<modelName>}: either its {@code .json} or its
     * {@code .model}, with the other next to it.
     */
    @Parameter(property = "parrot.model")
    private File model;

    /**
     * With {@code input}: play the file at the pace it was recorded, so that the events come as they would live;
     * {@code false} plays it as fast as the detector goes.
     */
    @Parameter(property = "parrot.realtime", defaultValue = "true")
    private boolean realtime;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        Path modelFile = model != null ? model.toPath()
                : outputDirectory.toPath().resolve(modelName + ModelFiles.DESCRIPTOR_EXTENSION);
        SoundModel sounds;
        try {
            sounds = SoundModel.load(modelFile);
        } catch (ParrotException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read the model " + modelFile + ": " + e.getMessage(), e);
        }
        AudioSource opened = openSource(sounds.settings().sampleRate(), false);
        AudioSource source = new LimitedSource(input != null && realtime ? new PacedSource(opened) : opened, seconds);
        getLog().info("Listening with " + sounds.name() + " " + sounds.labels() + " to " + describe(opened)
                + (console() != null ? ": press Enter to stop" : ""));
        Listening listening = new Listening(sounds, this::print);
        EnterKey enter = watchEnter(listening::stop);
        Listening.Result result;
        try {
            listening.listen(source);
            result = listening.result(input == null ? null : input.toPath());
        } catch (IOException e) {
            throw readFailure("Listening to " + describe(opened), e);
        } finally {
            close(enter);
            try {
                source.close();
            } catch (IOException e) {
                getLog().debug("Closing " + describe(opened) + ": " + e.getMessage());
            }
        }
        reportDrops(opened);
        result.warnings().forEach(getLog()::warn);
        result.summary().forEach(getLog()::info);
    }

    /** One event, as it is heard. */
    private void print(SoundEvent event) {
        getLog().info(Listening.line(event));
    }
}
