package dev.parrot.training;

import dev.parrot.features.FeatureSettings;
import dev.parrot.model.AugmentationSettings;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class TrainingRequestTest {

    @Test
    void aBuilderFromARequestKeepsEveryValue() {
        TrainingRequest request = TrainingRequest.builder(Path.of("rec"), Path.of("out/models"), "noises")
                .sounds(List.of("kick")).balance(false).classifier("svm", "-C 2").seed(7).folds(3).threads(5)
                .features(FeatureSettings.defaults().withContextWindows(2))
                .augmentation(AugmentationSettings.standard(2)).falseAlarmsPerMinute(0.5).build();
        assertEquals(request, request.toBuilder().build());
        assertEquals(List.of("kick"), request.sounds());
        assertEquals(7, request.seed());
        assertEquals(Path.of("out/parrot/segments").toAbsolutePath(), request.dataset().segmentsDirectory());
        FeatureSettings settings = FeatureSettings.builder().mfccs(20).silenceFloorDbfs(-60).build();
        assertEquals(settings, settings.toBuilder().build());
        assertEquals(FeatureSettings.defaults().withContextWindows(0), FeatureSettings.builder().contextWindows(0)
                .build());
    }
}
