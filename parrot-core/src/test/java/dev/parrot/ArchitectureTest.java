package dev.parrot;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The core's packages in the layers of the pipeline (README, "Code layout"): audio, segments and features at the
 * bottom, the model files over the features, the runtime over audio, features and the model, then reading data sets,
 * augmenting them, evaluating and calibrating, and training and batch classification at the top, with recording and
 * listening (the goals at the microphone) beside classification, whose event scoring they share. Each layer names the
 * layers it may use; a class that reaches further, or a package in no layer, fails with the rule and the dependency at
 * fault. Main classes only: tests may cross layers to build their fixtures.
 */
@AnalyzeClasses(packages = "dev.parrot", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Layer names, as the failure messages print them; the root package holds ParrotException, Setting, ProgressLog. */
    private static final String FOUNDATION = "root";
    private static final String AUDIO = "audio";
    private static final String SEGMENTS = "segments";
    private static final String FEATURES = "features";
    private static final String MODEL = "model";
    private static final String RUNTIME = "runtime";
    private static final String DATASET = "dataset";
    private static final String AUGMENTATION = "augmentation";
    private static final String ONSETS = "onsets";
    private static final String EVALUATION = "evaluation";
    private static final String CALIBRATION = "calibration";
    private static final String TRAINING = "training";
    private static final String CLASSIFY = "classify";
    private static final String LIVE = "live";

    @ArchTest
    static final ArchRule packagesFollowThePipeline = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .ensureAllClassesAreContainedInArchitecture()
            .layer(FOUNDATION).definedBy("dev.parrot")
            .layer(AUDIO).definedBy("dev.parrot.audio..")
            .layer(SEGMENTS).definedBy("dev.parrot.segments..")
            .layer(FEATURES).definedBy("dev.parrot.features..")
            .layer(MODEL).definedBy("dev.parrot.model..")
            .layer(RUNTIME).definedBy("dev.parrot.runtime..")
            .layer(DATASET).definedBy("dev.parrot.dataset..")
            .layer(AUGMENTATION).definedBy("dev.parrot.augmentation..")
            .layer(ONSETS).definedBy("dev.parrot.onsets..")
            .layer(EVALUATION).definedBy("dev.parrot.evaluation..")
            .layer(CALIBRATION).definedBy("dev.parrot.calibration..")
            .layer(TRAINING).definedBy("dev.parrot.training..")
            .layer(CLASSIFY).definedBy("dev.parrot.classify..")
            .layer(LIVE).definedBy("dev.parrot.live..")

            .whereLayer(FOUNDATION).mayNotAccessAnyLayer()
            .whereLayer(AUDIO).mayOnlyAccessLayers(FOUNDATION)
            .whereLayer(SEGMENTS).mayOnlyAccessLayers(FOUNDATION)
            .whereLayer(FEATURES).mayOnlyAccessLayers(FOUNDATION, AUDIO)
            .whereLayer(MODEL).mayOnlyAccessLayers(FOUNDATION, FEATURES)
            .whereLayer(RUNTIME).mayOnlyAccessLayers(FOUNDATION, AUDIO, FEATURES, MODEL)
            .whereLayer(DATASET).mayOnlyAccessLayers(FOUNDATION, AUDIO, SEGMENTS, FEATURES, MODEL)
            .whereLayer(AUGMENTATION).mayOnlyAccessLayers(FOUNDATION, AUDIO, FEATURES, MODEL, DATASET)
            .whereLayer(ONSETS).mayOnlyAccessLayers(FOUNDATION, AUDIO, SEGMENTS, FEATURES, MODEL, RUNTIME, DATASET,
                    AUGMENTATION)
            .whereLayer(EVALUATION).mayOnlyAccessLayers(FOUNDATION, SEGMENTS, MODEL, DATASET)
            .whereLayer(CALIBRATION).mayOnlyAccessLayers(FOUNDATION, MODEL, RUNTIME, DATASET, AUGMENTATION, EVALUATION)
            .whereLayer(TRAINING).mayOnlyAccessLayers(FOUNDATION, AUDIO, SEGMENTS, FEATURES, MODEL, RUNTIME, DATASET,
                    AUGMENTATION, ONSETS, EVALUATION, CALIBRATION)
            .whereLayer(CLASSIFY).mayOnlyAccessLayers(FOUNDATION, AUDIO, SEGMENTS, FEATURES, MODEL, RUNTIME, DATASET,
                    EVALUATION)
            .whereLayer(LIVE).mayOnlyAccessLayers(FOUNDATION, AUDIO, SEGMENTS, FEATURES, MODEL, RUNTIME, EVALUATION,
                    CLASSIFY)
            .because("each stage of the pipeline builds on the ones before it (README, \"Code layout\"); a new"
                    + " package belongs in a layer here, and a class needing a later stage belongs in that stage");

    /** Sub-packages count on their own, so that {@code training} and {@code training.incremental} cannot loop. */
    @ArchTest
    static final ArchRule noCyclesBetweenPackages = slices().matching("dev.parrot.(**)").namingSlices("$1")
            .should().beFreeOfCycles()
            .because("a cycle makes two packages one: neither can be understood, tested or changed alone");

    /**
     * Checked transitively, unlike the layers: a runtime class reaching a model class that reached the data set reader
     * would pass a rule on direct dependencies and still drag training into every program that embeds a model.
     */
    @ArchTest
    static final ArchRule runtimeStopsShortOfTrainingAndDatasets = noClasses()
            .that().resideInAPackage("dev.parrot.runtime..")
            .should().transitivelyDependOnClassesThat().resideInAnyPackage("dev.parrot.training..",
                    "dev.parrot.dataset..", "dev.parrot.augmentation..", "dev.parrot.evaluation..",
                    "dev.parrot.calibration..", "dev.parrot.classify..")
            .because("the runtime is what programs embed: none of the training side may become its API or its"
                    + " class path by accident");

    @ArchTest
    static final ArchRule nothingOfMavenInTheCore = noClasses()
            .that().resideInAPackage("dev.parrot..")
            .should().dependOnClassesThat().resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..",
                    "org.eclipse.aether..", "org.sonatype..")
            .because("the core is plain Java, usable without Maven; the goals adapt it (parrot-maven-plugin)");
}
