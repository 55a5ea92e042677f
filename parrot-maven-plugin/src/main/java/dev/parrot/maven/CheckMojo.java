package dev.parrot.maven;

import dev.parrot.ParrotException;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.ModelFiles;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

import java.io.File;
import java.io.IOException;

/**
 * Fails the build when a trained model falls short of a minimum accuracy, a minimum recall per sound or a minimum
 * live recall per sound, like jacoco's {@code check} does for coverage. Reads only the model's JSON that
 * {@code parrot:train} wrote; trains nothing.
 */
@Mojo(name = "check", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class CheckMojo extends AbstractGatedMojo {

    /** The model's name: the descriptor read is {@code <outputDirectory>/<modelName>.json}. */
    @Parameter(property = "parrot.modelName", defaultValue = "${project.artifactId}", required = true)
    private String modelName;

    /** Where the model files are. */
    @Parameter(property = "parrot.outputDirectory", defaultValue = "${project.build.directory}/models",
            required = true)
    private File outputDirectory;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        if (!gateEnabled()) {
            getLog().warn("parrot:check has nothing to check: set <minimumAccuracy>, <minimumRecall> or"
                    + " <minimumLiveRecall> (-Dparrot.minimumAccuracy, -Dparrot.minimumRecall,"
                    + " -Dparrot.minimumLiveRecall).");
            return;
        }
        ModelDescriptor model;
        ModelFiles files = new ModelFiles(outputDirectory.toPath(), modelName);
        try {
            model = files.readDescriptor();
        } catch (ParrotException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot read " + files.descriptorFile() + ": " + e.getMessage(), e);
        }
        enforceGate(model, files.descriptorFile());
    }
}
