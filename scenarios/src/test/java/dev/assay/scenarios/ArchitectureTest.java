package dev.assay.scenarios;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module's dependency rules (DESIGN.md): JUnit only in the bridge, no Allure, no core internals. */
class ArchitectureTest {
    static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.assay.scenarios");

    @Test
    void junitOnlyInTheJupiterBridge() {
        noClasses().that().resideOutsideOfPackage("dev.assay.scenarios.jupiter..")
                .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "org.opentest4j..")
                .because("the loader and runner stay JUnit-free; JUnit lives in dev.assay.scenarios.jupiter")
                .check(CLASSES);
    }

    @Test
    void noAllure() {
        noClasses().should().dependOnClassesThat().resideInAPackage("io.qameta..").check(CLASSES);
    }

    @Test
    void noCoreInternals() {
        noClasses().should().dependOnClassesThat().resideInAPackage("dev.assay.core.internal..").check(CLASSES);
    }

    @Test
    void theRulesSeeTheModule() {
        org.assertj.core.api.Assertions.assertThat(CLASSES.contain("dev.assay.scenarios.jupiter.internal.ScenarioTestEngine"))
                .isTrue();
        org.assertj.core.api.Assertions.assertThat(CLASSES.contain("dev.assay.scenarios.ScenariosTest")).isFalse();
    }
}
