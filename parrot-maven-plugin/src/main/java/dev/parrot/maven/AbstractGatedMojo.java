package dev.parrot.maven;

import dev.parrot.ParrotException;
import dev.parrot.evaluation.QualityGate;
import dev.parrot.model.ModelDescriptor;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;

import java.nio.file.Path;
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

    /**
     * The least live recall (0..1) every reported sound must reach: the share of its onsets (a held sound: of its
     * recordings in which it was started) the live detector reports at the threshold training calibrated for
     * {@code falseAlarmsPerMinute}, as the report's live detection section shows it. The build fails naming each
     * sound below it, the false alarms it was calibrated for, and what it was measured on. A model trained before
     * calibration fails until it is trained again. Off by default.
     */
    @Parameter(property = "parrot.minimumLiveRecall")
    protected Double minimumLiveRecall;

    /** Whether a minimum is set. */
    protected boolean gateEnabled() {
        return minimumAccuracy != null || minimumRecall != null || minimumLiveRecall != null;
    }

    /**
     * Fails the build when the model falls short of a minimum that is set; logs one line when it passes.
     *
     * @param descriptorFile the model's JSON, which a failing live recall names
     * @throws MojoFailureException naming the sounds at fault, for a minimum outside 0..1, or for a model without
     *         what a minimum judges
     */
    protected void enforceGate(ModelDescriptor model, Path descriptorFile) throws MojoFailureException {
        QualityGate gate;
        try {
            gate = QualityGate.of(minimumAccuracy, minimumRecall, minimumLiveRecall);
        } catch (ParrotException e) {
            throw new MojoFailureException(e.getMessage() + " (parameters minimumAccuracy / parrot.minimumAccuracy,"
                    + " minimumRecall / parrot.minimumRecall and minimumLiveRecall / parrot.minimumLiveRecall)", e);
        }
        Optional<String> failures;
        boolean liveShort;
        try {
            failures = gate.failures(model, descriptorFile);
            liveShort = !gate.belowLiveRecall(model, descriptorFile).isEmpty();
        } catch (ParrotException e) {
            // A descriptor without an evaluation or a calibration: the model's files are older than the gate.
            throw new MojoFailureException(e.getMessage() + " parrot:train retrains it once its recordings or"
                    + " settings change, or with -Dparrot.force=true.", e);
        }
        if (failures.isPresent()) {
            throw new MojoFailureException(failures.get()
                    + (liveShort ? "\nThe false alarms allowed per minute are parrot:train's <falseAlarmsPerMinute>"
                            + " (-Dparrot.falseAlarmsPerMinute)." : "")
                    + "\nOr, if this model is as good as these recordings allow, lower <minimumAccuracy> /"
                    + " <minimumRecall> / <minimumLiveRecall> (-Dparrot.minimumAccuracy, -Dparrot.minimumRecall,"
                    + " -Dparrot.minimumLiveRecall).");
        }
        if (gate.enabled()) {
            getLog().info(gate.passed(model));
        }
    }
}
