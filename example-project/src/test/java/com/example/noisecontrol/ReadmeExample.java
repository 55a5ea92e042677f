package com.example.noisecontrol;

import be.tarsos.dsp.AudioDispatcher;
import dev.parrot.runtime.AudioInputs;
import dev.parrot.runtime.AudioSource;
import dev.parrot.runtime.RecordingClassification;
import dev.parrot.runtime.SoundListener;
import dev.parrot.runtime.SoundModel;
import dev.parrot.runtime.tarsos.TarsosDetector;
import dev.parrot.runtime.tarsos.TarsosInputs;

import java.nio.file.Path;

public class ReadmeExample {

    public static void main(String[] args) throws Exception {
        SoundModel model = SoundModel.load(Path.of("target/models/noises.json"));

        // A recording: a timeline of windows and one overall answer.
        RecordingClassification result = model.newClassifier().classify(Path.of(args[0]));
        System.out.println(result.overall().label() + " " + result.overall().confidence());

        // The sounds as they are made, with the thresholds training calibrated (model.detectionSettings()). Settings
        // of your own: model.newDetector(settings, listener), e.g. with
        // model.detectionSettings().withConfidence("cluck", 0.9) or DetectionSettings.defaults().
        SoundListener print = event -> System.out.println(event.sound() + " at " + event.timeSeconds() + " s");
        try (AudioSource recording = AudioInputs.wav(Path.of(args[0]))) {   // streamed from disk: any length
            model.newDetector(print).run(recording);
        }

        // Live, from the default microphone through TarsosDSP (one detector per stream).
        AudioDispatcher microphone = TarsosInputs.microphone(model);
        TarsosDetector.attach(model.newDetector(print), microphone);
        microphone.run();
    }
}
