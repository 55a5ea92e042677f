package dev.parrot.maven;

import dev.parrot.ParrotException;
import dev.parrot.evaluation.QualityGate;
import dev.parrot.model.ModelDescriptor;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.util.Optional;

/** A goal that applies the quality gate, as train and check do: its minimums, and the core's verdict in Maven's words. */
public abstract class AbstractGatedMojo extends AbstractParrotMojo {

    /**
     * The least cross-validated accuracy (0..1, e.g. {@code 0.9}) the model must reach, or the build fails naming
     * the sounds it mixes up. In {@code train} it applies to an up-to-date model too. Off by default.
     */
    @Parameter(property = "parrot.minimumAccuracy")
    protected Double minimumAccuracy;

    /**
     * The least recall (0..1) every sound must reach: the share of its windows recognised as it. The build fails
     * naming each sound below it and what it is heard as. Off by default.
     */
    @Parameter(property = "parrot.minimumRecall")
    protected Double minimumRecall;

    /** Whether a minimum is set. */
    protected boolean gateEnabled() {
        return minimumAccuracy != null || minimumRecall != null;
    }

    /**
     * Fails the build when the model falls short of a minimum that is set; logs one line when it passes.
     *
     * @throws MojoFailureException naming the sounds at fault, or for a minimum outside 0..1
     */
    protected void enforceGate(ModelDescriptor model) throws MojoFailureException {
        QualityGate gate;
        Optional<String> failures;
        try {
            gate = QualityGate.of(minimumAccuracy, minimumRecall);
            failures = gate.failures(model);
        } catch (ParrotException e) {
            throw new MojoFailureException(e.getMessage() + " (parameters minimumAccuracy / parrot.minimumAccuracy"
                    + " and minimumRecall / parrot.minimumRecall)", e);
        }
        if (failures.isPresent()) {
            throw new MojoFailureException(failures.get() + "\nOr, if this model is as good as these recordings"
                    + " allow, lower <minimumAccuracy> / <minimumRecall> (-Dparrot.minimumAccuracy,"
                    + " -Dparrot.minimumRecall).");
        }
        if (gate.enabled()) {
            getLog().info(gate.passed(model));
        }
    }
}
