package com.example.noisecontrol;

import be.tarsos.dsp.AudioDispatcher;
import dev.parrot.ParrotException;
import dev.parrot.runtime.DetectionSettings;
import dev.parrot.runtime.RecordingClassification;
import dev.parrot.runtime.SoundModel;
import dev.parrot.runtime.tarsos.TarsosDetector;
import dev.parrot.runtime.tarsos.TarsosInputs;

import java.nio.file.Path;

/**
 * Uses the model this project's build trains. With WAV files as arguments it says what each holds; without, it
 * listens to the microphone and prints every noise it recognises.
 *
 * <pre>mvn verify exec:java -Dexec.mainClass=com.example.noisecontrol.NoiseControl</pre>
 */
public final class NoiseControl {

    public static void main(String[] args) throws Exception {
        SoundModel model = SoundModel.load(Path.of("target/models/noises.json"));
        if (args.length > 0) {
            for (String file : args) {
                RecordingClassification result = model.newClassifier().classify(Path.of(file));
                System.out.printf("%s: %s (%.0f%%)%n", file, result.overall().label(),
                        100 * result.overall().confidence());
            }
            return;
        }
        AudioDispatcher microphone;
        try {
            microphone = TarsosInputs.microphone(model);
        } catch (ParrotException e) {
            System.err.println(e.getMessage());
            System.exit(1);
            return;
        }
        // The thresholds training calibrated for this model; a sound that still misfires can be made stricter.
        DetectionSettings settings = model.detectionSettings();
        if (model.labels().contains("cluck")) {
            settings = settings.withConfidence("cluck", Math.max(0.9, settings.confidenceOf("cluck")));
        }
        TarsosDetector.attach(model.newDetector(settings,
                event -> System.out.printf("%6.2f s  %s (%.0f%%, %.0f dBFS)%n", event.timeSeconds(), event.sound(),
                        100 * event.confidence(), event.levelDbfs())), microphone);
        System.out.println("Listening for " + model.labels() + "; Ctrl+C stops.");
        microphone.run();
    }
}
