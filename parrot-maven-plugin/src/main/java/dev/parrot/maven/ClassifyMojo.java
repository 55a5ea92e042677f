package dev.parrot.maven;

import dev.parrot.ParrotException;
import dev.parrot.model.ModelFiles;
import dev.parrot.classify.BatchClassifier;
import dev.parrot.classify.ClassifyRequest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Classifies recordings with a trained model: {@code mvn parrot:classify -Dparrot.input=PATH}, a WAV file or a folder
 * searched recursively. Logs one line per recording and writes {@code <reportDirectory>/classifications.csv}. When
 * the folder's sub-folders are named after the model's sounds, the recordings in them are taken to be those sounds:
 * the goal then logs the accuracy and confusion matrix on these recordings the model never saw and writes them to
 * {@code <reportDirectory>/<modelName>-unseen.json}, which the site report shows beside the cross-validated estimate.
 * Long recordings (10 s or more, or in a Parrot.py {@code source/} folder) are also played through the model's own
 * live detector: its events go to {@code <eventsDirectory>/<recording>.srt} and {@code .csv}, and where a truth SRT
 * lies beside a recording, the recall of onsets, false alarms per minute and delay are logged and added to the JSON.
 */
@Mojo(name = "classify", threadSafe = true)
public class ClassifyMojo extends AbstractParrotMojo {

    /**
     * The WAV file, or the folder of WAV files (searched recursively), to classify. Not marked required, so that
     * without it the goal says which property to set rather than Maven's generic message.
     */
    @Parameter(property = "parrot.input")
    private File input;

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

    /** Where {@code classifications.csv} and {@code <modelName>-unseen.json} are written. */
    @Parameter(property = "parrot.reportDirectory", defaultValue = "${project.build.directory}/parrot",
            required = true)
    private File reportDirectory;

    /**
     * Where the live detector's events on long recordings are written: {@code <recording>.srt} (Parrot.py's segment
     * format, to open beside the audio in a subtitle or audio editor) and {@code <recording>.csv}, the recording's
     * path relative to the input.
     */
    @Parameter(property = "parrot.eventsDirectory", defaultValue = "${project.build.directory}/parrot/events",
            required = true)
    private File eventsDirectory;

    /** Recordings classified at once; 0 uses every core. */
    @Parameter(property = "parrot.threads", defaultValue = "0")
    private int threads;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (input == null) {
            throw new MojoFailureException("Nothing to classify: give a WAV file or a folder of them with"
                    + " -Dparrot.input=<file or folder> (or <input> in the plugin's configuration).");
        }
        Path modelFile = model != null ? model.toPath()
                : outputDirectory.toPath().resolve(modelName + ModelFiles.DESCRIPTOR_EXTENSION);
        ClassifyRequest request = ClassifyRequest.builder(input.toPath(), modelFile, reportDirectory.toPath())
                .threads(threads)
                .log(new MavenProgressLog(getLog()))
                .eventsDirectory(eventsDirectory.toPath())
                .build();
        try {
            new BatchClassifier().classify(request);
        } catch (ParrotException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot classify " + input + " or write the results to "
                    + reportDirectory + ": " + e.getMessage(), e);
        }
    }
}
