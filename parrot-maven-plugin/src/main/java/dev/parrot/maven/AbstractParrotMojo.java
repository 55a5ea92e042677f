package dev.parrot.maven;

import dev.parrot.ParrotException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

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

    /** A core failure as the user's to fix, with the Maven name of the setting it is about. */
    protected static MojoFailureException failure(ParrotException e) {
        return new MojoFailureException(MavenSettings.withMavenName(e.getMessage(), e.setting()), e);
    }
}
