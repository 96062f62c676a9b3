package org.coreloss.structure;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** Package rule: {@code structure} uses the JDK and {@code org.coreloss.spectrum} only; the joins with spectra live in {@code data.bundled}. */
class StructureDependencyTest {
    @Test
    void structureUsesSpectrumOnly() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("org.coreloss.structure");
        noClasses().that().resideInAPackage("org.coreloss.structure..")
                .should().dependOnClassesThat().resideOutsideOfPackages("org.coreloss.structure..", "org.coreloss.spectrum..", "java..")
                .check(classes);
    }
}
