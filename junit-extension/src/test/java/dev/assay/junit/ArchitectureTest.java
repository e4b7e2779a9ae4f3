package dev.assay.junit;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.equivalentTo;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.codeUnits;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaCodeUnit;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.assay.junit.internal.AllureWriterSession;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.Extension;
import org.junit.platform.launcher.LauncherSessionListener;

/** The module's dependency rules (DESIGN.md) and the shape of its API, checked on the compiled main classes. */
class ArchitectureTest {
    private static JavaClasses classes;

    @BeforeAll
    static void importClasses() {
        classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("dev.assay.junit");
        assertThat(classes).as("imported classes").hasSizeGreaterThan(5);
    }

    @Test
    void usesOnlyJUnitsPublicApiNotTheEngineOrLauncher() {
        noClasses().that().resideInAPackage("dev.assay.junit..")
                .should().dependOnClassesThat(resideInAnyPackage("org.junit.jupiter.engine..",
                        "org.junit.platform.engine..", "org.junit.platform.launcher..",
                        "org.junit.platform.commons.util..", "org.junit.platform.commons.logging..")
                        .and(not(equivalentTo(LauncherSessionListener.class))))
                .check(classes);
    }

    /**
     * The one exception to the rule above: the launcher's public {@link LauncherSessionListener} interface, which
     * gives Allure Assay's results writer before allure-jupiter's listener starts, and only in that class.
     */
    @Test
    void onlyTheAllureWriterSessionImplementsALauncherInterface() {
        noClasses().that().resideInAPackage("dev.assay.junit..")
                .and().doNotHaveFullyQualifiedName(AllureWriterSession.class.getName())
                .should().dependOnClassesThat().resideInAPackage("org.junit.platform.launcher..")
                .check(classes);
        assertThat(classes.get(AllureWriterSession.class).getRawInterfaces())
                .extracting(JavaClass::getName).containsExactly(LauncherSessionListener.class.getName());
    }

    @Test
    void reachesAllureOnlyThroughTheReportsModule() {
        noClasses().that().resideInAPackage("dev.assay.junit..")
                .should().dependOnClassesThat().resideInAPackage("io.qameta..")
                .check(classes);
    }

    @Test
    void extensionsAreNotPublic() {
        classes().that().implement(Extension.class).should().notBePublic().check(classes);
    }

    @Test
    void internalsDoNotDependOnTheApiPackage() {
        noClasses().that().resideInAPackage("dev.assay.junit.internal..")
                .should().dependOnClassesThat().resideInAPackage("dev.assay.junit")
                .check(classes);
    }

    @Test
    void thePublicApiIsAnnotationsAndAssertions() {
        List<String> api = classes.stream()
                .filter(c -> c.getPackageName().equals("dev.assay.junit") && c.getModifiers()
                        .contains(JavaModifier.PUBLIC) && c.isTopLevelClass())
                .map(JavaClass::getSimpleName).sorted().collect(Collectors.toList());
        assertThat(api).containsExactly("AssayAssertions", "CheckResultAssert", "DpAuditResultAssert",
                "EnabledIfModelAvailable", "FairnessGate", "FairnessMetricAssert", "FairnessReportAssert",
                "GroupResultAssert", "ModelTest", "PiiFindingsAssert", "PrivacyBudget", "PrivacyLedgerAssert",
                "TestDataset", "TestModel", "TextAnswerAssert");
    }

    @Test
    void publicSignaturesDoNotExposeInternalTypes() {
        DescribedPredicate<JavaClass> internal = DescribedPredicate.describe("an internal type",
                c -> c.getPackageName().contains(".internal"));
        codeUnits().that().arePublic().and().areDeclaredInClassesThat().arePublic()
                .and().areDeclaredInClassesThat().resideInAPackage("dev.assay.junit")
                .should(notMention(internal)).check(classes);
        fields().that().arePublic().and().areDeclaredInClassesThat().resideInAPackage("dev.assay.junit")
                .should(new ArchCondition<JavaField>("not have an internal type") {
                    @Override
                    public void check(JavaField field, ConditionEvents events) {
                        if (internal.test(field.getRawType())) {
                            events.add(SimpleConditionEvent.violated(field, field.getFullName()
                                    + " has the internal type " + field.getRawType().getName()));
                        }
                    }
                }).allowEmptyShould(true).check(classes);
    }

    private static ArchCondition<JavaCodeUnit> notMention(DescribedPredicate<JavaClass> internal) {
        return new ArchCondition<>("not mention " + internal.getDescription() + " in its signature") {
            @Override
            public void check(JavaCodeUnit unit, ConditionEvents events) {
                List<JavaClass> types = new ArrayList<>(unit.getRawParameterTypes());
                types.add(unit.getRawReturnType());
                types.addAll(unit.getExceptionTypes());
                for (JavaClass t : types) {
                    if (internal.test(t)) {
                        events.add(SimpleConditionEvent.violated(unit, unit.getFullName() + " exposes "
                                + t.getName()));
                    }
                }
            }
        };
    }
}
