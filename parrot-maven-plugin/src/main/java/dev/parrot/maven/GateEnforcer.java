package dev.parrot.maven;

import dev.parrot.ParrotException;
import dev.parrot.evaluation.QualityGate;
import dev.parrot.model.ModelDescriptor;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

import java.util.Optional;

/** The quality gate as train and check apply it: the core's verdict, in Maven's words. */
final class GateEnforcer {

    private GateEnforcer() {
    }

    /**
     * Fails the build when the model falls short of a minimum that is set; logs one line when it passes.
     *
     * @throws MojoFailureException naming the sounds at fault, or for a minimum outside 0..1
     */
    static void enforce(ModelDescriptor model, Double minimumAccuracy, Double minimumRecall, Log log)
            throws MojoFailureException {
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
            log.info(gate.passed(model));
        }
    }
}
