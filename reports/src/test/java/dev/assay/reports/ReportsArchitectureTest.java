package dev.assay.reports;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The reports module's dependency rules of DESIGN.md, over its main classes. */
class ReportsArchitectureTest {
    private static final ArchRule NO_JUNIT = noClasses().that().resideInAPackage("dev.assay.reports..")
            .should().dependOnClassesThat().resideInAPackage("org.junit..")
            .because("reports must stay JUnit-free (DESIGN.md)");

    private static final ArchRule ALLURE_ONLY_IN_ALLURE_PACKAGE = noClasses()
            .that().resideInAPackage("dev.assay.reports..")
            .and().resideOutsideOfPackage("dev.assay.reports.allure..")
            .should().dependOnClassesThat().resideInAPackage("io.qameta..")
            .because("allure-java-commons is used only inside dev.assay.reports.allure (DESIGN.md)");

    private static final ArchRule NO_CYCLES = slices().matching("dev.assay.reports.(*)..").should().beFreeOfCycles();

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.assay.reports");
    }

    @Test
    void the_import_sees_the_main_classes_and_no_test_classes() {
        assertThat(main.contain(RunRecorder.class)).isTrue();
        assertThat(main.contain(dev.assay.reports.allure.AllureCheckWriter.class)).isTrue();
        assertThat(main.contain(dev.assay.reports.internal.ResultTables.class)).isTrue();
        assertThat(main.contain(ReportsArchitectureTest.class)).isFalse();
    }

    @Test
    void main_classes_do_not_depend_on_junit() {
        NO_JUNIT.check(main);
    }

    @Test
    void only_the_allure_package_depends_on_allure() {
        ALLURE_ONLY_IN_ALLURE_PACKAGE.check(main);
    }

    @Test
    void packages_are_free_of_cycles() {
        NO_CYCLES.check(main);
    }

    @Test
    void the_rules_catch_a_violating_class() {
        JavaClasses fixture = new ClassFileImporter()
                .importClasses(dev.assay.reports.archfixture.UsesJUnitAndAllure.class);

        EvaluationResult junit = NO_JUNIT.evaluate(fixture);
        EvaluationResult allure = ALLURE_ONLY_IN_ALLURE_PACKAGE.evaluate(fixture);

        assertThat(junit.hasViolation()).isTrue();
        assertThat(junit.getFailureReport().toString()).contains("org.junit.jupiter.api.Assertions");
        assertThat(allure.hasViolation()).isTrue();
        assertThat(allure.getFailureReport().toString()).contains("io.qameta.allure.Allure");
    }
}
