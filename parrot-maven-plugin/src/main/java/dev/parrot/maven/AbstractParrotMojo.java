package dev.parrot.maven;

import dev.parrot.ParrotException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.Map;

/** What every Parrot goal shares: {@code skip}, handled once, here. */
public abstract class AbstractParrotMojo extends AbstractMojo {

    /** Skips the goal, e.g. {@code -Dparrot.skip} on a machine without the recordings. */
    @Parameter(property = "parrot.skip", defaultValue = "false")
    protected boolean skip;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Parrot (parrot.skip is set)");
            return;
        }
        run();
    }

    /** The goal's work, when it is not skipped. */
    protected abstract void run() throws MojoExecutionException, MojoFailureException;

    /**
     * The core's settings as a Maven user sets them: the parameter and its property. The core names settings by its
     * own request's names, since it is also used outside Maven.
     */
    private static final Map<String, String> IN_MAVEN = Map.of(
            "sounds", "the <sounds> parameter (-Dparrot.sounds=a,b)",
            "recordingsDirectory", "the <recordingsDirectory> parameter (-Dparrot.recordings=...)",
            "input", "-Dparrot.input=<file or folder> (or <input> in the plugin's configuration)",
            ParrotException.HEAP, "MAVEN_OPTS=-Xmx2g (the heap of the JVM Maven runs in)");

    /** A core failure as the user's to fix, with the Maven name of the setting it is about. */
    protected static MojoFailureException failure(ParrotException e) {
        String inMaven = e.setting() == null ? null : IN_MAVEN.get(e.setting());
        return new MojoFailureException(inMaven == null ? e.getMessage() : e.getMessage() + " In Maven: " + inMaven
                + ".", e);
    }
}
