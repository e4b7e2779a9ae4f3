package dev.assay.core;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/**
 * DESIGN.md's dependency rules for harness-core, checked on the compiled main classes.
 *
 * <p>Cycles: {@code dev.assay.core} and {@code dev.assay.core.internal} depend on each other by design (the API
 * delegates to internal helpers, which work on API types such as {@link Dataset} and {@link Column}). The cycle rule
 * therefore covers the sibling feature packages {@code dev.assay.core.(*)..} other than {@code internal}: a future
 * {@code fairness} must not depend on a {@code privacy} that depends on it.
 */
class ArchitectureTest {
    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.assay.core");

    private static final ArchRule NO_TEST_FRAMEWORKS = noClasses().that().resideInAPackage("dev.assay.core..")
            .should().dependOnClassesThat().resideInAnyPackage("org.junit..", "io.qameta..", "org.assertj..",
                    "org.opentest4j..")
            .because("harness-core is used by JUnit-free runners (DESIGN.md: must not depend on org.junit..,"
                    + " io.qameta..)");

    @Test
    void coreDoesNotDependOnTestFrameworksOrReporting() {
        NO_TEST_FRAMEWORKS.check(CORE);
    }

    @Test
    void theImportSeesTheMainClassesOnlyAndTheRuleCanFail() {
        assertThat(CORE.contain(Checks.class)).isTrue();
        assertThat(CORE.contain(dev.assay.core.internal.CsvReader.class)).isTrue();
        assertThat(CORE.contain(ArchitectureTest.class)).isFalse();
        // the test classes do depend on JUnit: the same rule must catch them
        JavaClasses withTests = new ClassFileImporter().importPackages("dev.assay.core");
        assertThatThrownBy(() -> NO_TEST_FRAMEWORKS.check(withTests)).isInstanceOf(AssertionError.class)
                .hasMessageContaining("org.junit");
    }

    @Test
    void coreDoesNotDependOnTheModulesBuiltOnIt() {
        noClasses().that().resideInAPackage("dev.assay.core..")
                .should().dependOnClassesThat().resideInAnyPackage("dev.assay.reports..", "dev.assay.junit..",
                        "dev.assay.scenarios..")
                .check(CORE);
    }

    @Test
    void featurePackagesAreFreeOfCycles() {
        slices().matching("dev.assay.core.(*)..").should().beFreeOfCycles().allowEmptyShould(true)
                .check(CORE.that(not(resideInAPackage("dev.assay.core.internal.."))));
    }

    @Test
    void thePublicApiDoesNotReturnInternalTypes() {
        methods().that().areDeclaredInClassesThat().resideInAPackage("dev.assay.core").and().arePublic()
                .should().haveRawReturnType(not(resideInAPackage("dev.assay.core.internal..")))
                .because("internal types may change without notice")
                .check(CORE);
    }
}
