package com.example.noisecontrol;

import dev.parrot.runtime.SoundModel;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The model trained earlier in this build (process-classes) recognises a whistle. */
class NoiseControlTest {

    @Test
    void recognisesAWhistle() throws Exception {
        SoundModel model = SoundModel.load(Path.of("target/models/noises.json"));

        String heard = model.newClassifier().classify(Path.of("../data/recordings/whistle/whistle_03.wav"))
                .overall().label();

        assertEquals("whistle", heard);
    }
}
