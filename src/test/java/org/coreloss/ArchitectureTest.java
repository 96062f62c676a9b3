package org.coreloss;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** The package rules of ARCHITECTURE.md, enforced on the main (non-test) classes. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.coreloss");
    }

    @Test
    void nothingImportsTheFronts() {
        noClasses().that().resideOutsideOfPackages("org.coreloss.kernel..", "org.coreloss.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("org.coreloss.kernel..", "org.coreloss.cli..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void deepLearningOnlyInNn() {
        noClasses().that().resideOutsideOfPackage("org.coreloss.nn..")
                .should().dependOnClassesThat().resideInAnyPackage("org.deeplearning4j..", "org.nd4j..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void sparkOnlyInSpark() {
        noClasses().that().resideOutsideOfPackage("org.coreloss.spark..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.spark..", "scala..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void chartsOnlyInPlotDisplayAndKernel() {
        noClasses().that().resideOutsideOfPackages("org.coreloss.plot..", "org.coreloss.display..", "org.coreloss.kernel..")
                .should().dependOnClassesThat().resideInAnyPackage("org.knowm.xchart..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void multipletKnowsNothingOfMachineLearning() {
        noClasses().that().resideInAnyPackage("org.coreloss.multiplet..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.coreloss.nn..", "org.coreloss.eval..", "org.coreloss.preprocess..",
                        "org.coreloss.plot..", "org.coreloss.data..", "org.coreloss.simulate..")
                .allowEmptyShould(true)
                .check(classes);
    }

    @Test
    void numericalCoresDoNotUseTheFrontsOrPlots() {
        noClasses().that().resideInAnyPackage("org.coreloss.spectrum..", "org.coreloss.structure..", "org.coreloss.stats..")
                .should().dependOnClassesThat().resideInAnyPackage("org.coreloss.plot..", "org.coreloss.display..", "org.coreloss.nn..")
                .allowEmptyShould(true)
                .check(classes);
    }

    /** Every package (each subpackage its own slice, e.g. data and data.io) is free of dependency cycles. */
    @Test
    void noPackageCycles() {
        slices().matching("org.coreloss.(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void fitUsesNoPlotsNetworksOrFronts() {
        noClasses().that().resideInAnyPackage("org.coreloss.fit..")
                .should().dependOnClassesThat().resideInAnyPackage("org.coreloss.plot..", "org.coreloss.display..",
                        "org.coreloss.nn..", "org.coreloss.kernel..", "org.coreloss.cli..", "org.deeplearning4j..", "org.nd4j..")
                .allowEmptyShould(true)
                .check(classes);
    }
}
