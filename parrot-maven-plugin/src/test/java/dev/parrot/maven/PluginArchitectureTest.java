package dev.parrot.maven;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * The goals are adapters: parameters into a core request, one call, outcomes into Maven's exceptions. What they must
 * not do is stated here, so that work drifting from the core into a mojo fails the build with the class at fault.
 * The core's own rules (no Maven in it, its layers) are in parrot-core's {@code ArchitectureTest}.
 */
@AnalyzeClasses(packages = "dev.parrot.maven", importOptions = ImportOption.DoNotIncludeTests.class)
class PluginArchitectureTest {

    @ArchTest
    static final ArchRule learningAndSignalProcessingStayInTheCore = noClasses()
            .that().resideInAPackage("dev.parrot.maven..")
            .should().dependOnClassesThat().resideInAnyPackage("weka..", "be.tarsos..")
            .because("training, classifying and reading audio are parrot-core's, where plain JUnit tests them and"
                    + " programs can use them without Maven");

    @ArchTest
    static final ArchRule goalsReadNoFilesAndRenderNothingThemselves = noClasses()
            .that().resideInAPackage("dev.parrot.maven")
            .should().dependOnClassesThat().resideInAnyPackage("com.fasterxml.jackson..", "freemarker..")
            .because("the goals adapt parameters to the core and the report: the model JSON is read by the core"
                    + " (ModelFiles) and the page rendered by dev.parrot.maven.report");

    @ArchTest
    static final ArchRule theReportDoesNotReachBackIntoTheGoals = noClasses()
            .that().resideInAPackage("dev.parrot.maven.report..")
            .should().dependOnClassesThat().resideInAPackage("dev.parrot.maven")
            .because("the report renders a model's figures; ReportMojo adapts it to Maven, not the other way round");
}
