package com.example.noisecontrol;

import dev.parrot.runtime.AudioInputs;
import dev.parrot.runtime.AudioSource;
import dev.parrot.runtime.Microphone;
import dev.parrot.runtime.RecordingClassification;
import dev.parrot.runtime.SoundEvent;
import dev.parrot.runtime.SoundListener;
import dev.parrot.runtime.SoundModel;

import java.nio.file.Path;

public class ReadmeExample {

    public static void main(String[] args) throws Exception {
        SoundModel model = SoundModel.load(Path.of("target/models/noises.json"));

        // A recording: a timeline of windows and one overall answer.
        RecordingClassification result = model.newClassifier().classify(Path.of(args[0]));
        System.out.println(result.overall().label() + " " + result.overall().confidence());

        // The sounds as they are made, with the thresholds training calibrated (model.detectionSettings()). A short
        // sound (a click) comes once; a held one (a hiss: model.kindOf("hiss")) at its start and every 100 ms while
        // it lasts, so a lambda that scrolls a step per call scrolls while the hiss lasts. Settings of your own:
        // model.newDetector(settings, listener), e.g. model.detectionSettings().withConfidence("cluck", 0.9).
        SoundListener print = event -> System.out.println(event.sound() + " " + event.phase() + " at "
                + event.timeSeconds() + " s");
        try (AudioSource recording = AudioInputs.wav(Path.of(args[0]))) {   // streamed from disk: any length
            model.newDetector(print).run(recording);
        }

        // Live, from the default microphone (Microphone.open("USB") picks one by name), told of held sounds' stops.
        SoundListener live = new SoundListener() {
            @Override
            public void soundRecognised(SoundEvent event) {
                System.out.println(event.sound() + " " + event.phase());
            }

            @Override
            public void soundStopped(SoundEvent event) {
                System.out.println(event.sound() + " stopped");
            }
        };
        try (Microphone microphone = Microphone.open(null)) {
            model.newDetector(live).run(microphone);   // until the detector's stop(), from any thread
        }
    }
}
