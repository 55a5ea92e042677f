package dev.parrot.training;

import dev.parrot.ProgressLog;
import dev.parrot.dataset.DatasetOptions;
import dev.parrot.features.FeatureSettings;
import dev.parrot.model.AugmentationSettings;
import dev.parrot.runtime.SoundKind;
import dev.parrot.testing.CollectingLog;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/**
 * The builder sets each value it is given, and each default is the documented one (README, Settings). Every value is
 * compared with the literal it was set to, so a builder that dropped one, or swapped two of the same type, fails.
 */
class TrainingRequestTest {

    private static final Path RECORDINGS = Path.of("rec");
    private static final Path OUTPUT = Path.of("out/models");

    /** Values unlike every default, so that a value dropped on the way reads back as the default and differs. */
    private static final FeatureSettings FEATURES = FeatureSettings.defaults().withContextWindows(2);
    private static final AugmentationSettings AUGMENTATION = AugmentationSettings.standard(2);
    private static final DatasetOptions DATASET = new DatasetOptions(List.of("talking"), "quiet", false, "--",
            Path.of("elsewhere"));
    private static final CollectingLog LOG = new CollectingLog();

    private static TrainingRequest everyValueSet() {
        return TrainingRequest.builder(RECORDINGS, OUTPUT, "noises").sounds(List.of("kick", "snare")).balance(false)
                .classifier("svm", "-C 2").seed(7).folds(3).threads(5).features(FEATURES).log(LOG).dataset(DATASET)
                .augmentation(AUGMENTATION).falseAlarmsPerMinute(0.5)
                .soundKinds(Map.of("snare", SoundKind.HELD)).build();
    }

    @Test
    void theBuilderSetsEachValue() {
        TrainingRequest request = everyValueSet();

        assertEquals(RECORDINGS, request.recordingsDirectory());
        assertEquals(OUTPUT, request.outputDirectory());
        assertEquals("noises", request.modelName());
        assertEquals(List.of("kick", "snare"), request.sounds());
        assertEquals(false, request.balance());
        assertEquals("svm", request.classifier());
        assertEquals("-C 2", request.classifierOptions());
        assertEquals(7, request.seed());
        assertEquals(3, request.folds());
        assertEquals(5, request.threads());
        assertEquals(2, request.features().contextWindows());
        assertSame(LOG, request.log());
        assertEquals(DATASET, request.dataset());
        assertEquals(2, request.augmentation().copies());
        assertEquals(-30, request.augmentation().minGainDb());
        assertEquals(0.5, request.falseAlarmsPerMinute());
        assertEquals(Map.of("snare", SoundKind.HELD), request.soundKinds());
    }

    @Test
    void theDefaultsAreTheDocumentedOnes() {
        TrainingRequest request = TrainingRequest.defaults(RECORDINGS, OUTPUT, "noises");

        assertEquals(List.of(), request.sounds(), "every sound folder");
        assertEquals(true, request.balance());
        assertEquals("fast-forest", request.classifier());
        assertEquals("", request.classifierOptions());
        assertEquals(42, request.seed());
        assertEquals(5, request.folds());
        assertEquals(Runtime.getRuntime().availableProcessors(), request.threads(), "every core");
        assertEquals(FeatureSettings.defaults(), request.features());
        assertSame(ProgressLog.SILENT, request.log());
        assertEquals(0, request.augmentation().copies(), "augmentation off");
        assertEquals(1.0, request.falseAlarmsPerMinute());
        assertEquals(Map.of(), request.soundKinds(), "every kind inferred");
        // Beside the output folder: target/models gives target/parrot/segments.
        assertEquals(Path.of("out/parrot/segments").toAbsolutePath(), request.dataset().segmentsDirectory());
        assertEquals("silence", request.dataset().silenceLabel());
        assertEquals(true, request.dataset().learnSilence());
    }

    @Test
    void noThreadsMeansEveryCore() {
        TrainingRequest request = TrainingRequest.builder(RECORDINGS, OUTPUT, "noises").threads(0).build();
        assertEquals(Runtime.getRuntime().availableProcessors(), request.threads());
    }

    @Test
    void aBuilderFromARequestKeepsEveryValue() {
        TrainingRequest request = everyValueSet();
        assertEquals(request, request.toBuilder().build());
        FeatureSettings settings = FeatureSettings.builder().mfccs(20).silenceFloorDbfs(-60).build();
        assertEquals(settings, settings.toBuilder().build());
        assertEquals(FeatureSettings.defaults().withContextWindows(0), FeatureSettings.builder().contextWindows(0)
                .build());
    }

    @Test
    void eachWitherChangesItsValueAndNothingElse() {
        TrainingRequest request = everyValueSet();

        assertEquals(true, request.withBalance(true).balance());
        assertEquals("logistic", request.withClassifier("logistic", "-R 1").classifier());
        assertEquals("-R 1", request.withClassifier("logistic", "-R 1").classifierOptions());
        assertEquals(11, request.withSeedAndFolds(11, 4).seed());
        assertEquals(4, request.withSeedAndFolds(11, 4).folds());
        assertEquals(List.of("hat"), request.withSounds(List.of("hat")).sounds());
        assertEquals(FeatureSettings.defaults(), request.withFeatures(FeatureSettings.defaults()).features());
        assertEquals(AugmentationSettings.off(), request.withAugmentation(AugmentationSettings.off()).augmentation());
        assertEquals(2.5, request.withFalseAlarmsPerMinute(2.5).falseAlarmsPerMinute());
        assertSame(ProgressLog.SILENT, request.withLog(ProgressLog.SILENT).log());

        // Changing one value back to what it was gives the request it came from: nothing else moved.
        assertEquals(request, request.withBalance(true).withBalance(false));
        assertEquals(request, request.withSeedAndFolds(11, 4).withSeedAndFolds(7, 3));
        assertEquals(request, request.withFeatures(FeatureSettings.defaults()).withFeatures(FEATURES));
        assertEquals(request, request.withAugmentation(AugmentationSettings.off()).withAugmentation(AUGMENTATION));
        assertEquals(request, request.withFalseAlarmsPerMinute(2.5).withFalseAlarmsPerMinute(0.5));
        assertNotEquals(request, request.withFalseAlarmsPerMinute(2.5));
    }

    @Test
    void theModelSettingsAreTheComponentsThatChangeTheModel() {
        assertEquals(List.of("sounds", "balance", "classifier", "classifierOptions", "seed", "folds", "features",
                "dataset", "augmentation", "falseAlarmsPerMinute", "soundKinds"), List.copyOf(everyValueSet().modelSettings()
                .keySet()));
        assertEquals(0.5, everyValueSet().modelSettings().get("falseAlarmsPerMinute"));
    }
}
