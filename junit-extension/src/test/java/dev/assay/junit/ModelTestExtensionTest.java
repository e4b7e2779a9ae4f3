package dev.assay.junit;

import static dev.assay.junit.AssayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.AssayException;
import dev.assay.core.CheckResult;
import dev.assay.core.Dataset;
import dev.assay.core.Evidence;
import dev.assay.core.Model;
import dev.assay.core.Performance;
import dev.assay.core.Verdict;
import dev.assay.junit.Fixtures.AgeRule;
import dev.assay.junit.Fixtures.CreditHoldout;
import dev.assay.junit.Fixtures.CreditModel;
import dev.assay.junit.Fixtures.CreditModelTest;
import dev.assay.junit.Fixtures.Maybe;
import dev.assay.junit.Fixtures.TestKitOnly;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * Runs {@code @ModelTest} classes through the Jupiter engine, as users run them. The fixtures are static nested
 * classes (Surefire skips them) and use {@code credit.csv}: the age rule is right for 8 of 10 rows (accuracy 0.8,
 * Wilson 95% [0.4902, 0.9433]), for 3 of 5 women (0.6, [0.2307, 0.8824]) and 5 of 5 men.
 */
class ModelTestExtensionTest {
    @TempDir
    Path evidenceDir;

    private EngineExecutionResults run(Class<?> fixture, Map<String, String> parameters) {
        return execute(EngineTestKit.engine("junit-jupiter")
                .configurationParameter(TestKitOnly.KEY, "true")
                .configurationParameter("assay.evidence.dir", evidenceDir.toString())
                .configurationParameter("assay.evidence.timestamp", "2026-11-26T12:00:00Z")
                .configurationParameters(parameters)
                .selectors(selectClass(fixture)));
    }

    /**
     * Runs the nested engine with a fresh Allure lifecycle: Allure's thread context is inherited, so the fixtures'
     * checks would otherwise be added to the Allure result of the test running them here (from several threads
     * at once in the parallel test). {@link ModelTestExtensionAllureTest} covers Allure.
     */
    static EngineExecutionResults execute(EngineTestKit.Builder builder) {
        AllureLifecycle outer = Allure.getLifecycle();
        Allure.setLifecycle(new AllureLifecycle(new ModelTestExtensionAllureTest.MemoryWriter()));
        try {
            return builder.execute();
        } finally {
            Allure.setLifecycle(outer);
        }
    }

    private EngineExecutionResults run(Class<?> fixture) {
        return run(fixture, Map.of());
    }

    /** Fails with the fixtures' own failures when not every test succeeded. */
    private static void assertAllSucceeded(EngineExecutionResults results, int tests) {
        String failures = results.allEvents().failed().stream()
                .map(e -> e.getTestDescriptor().getDisplayName() + ": "
                        + e.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable)
                        .map(Throwable::toString).orElse("?"))
                .collect(Collectors.joining("\n"));
        assertThat(failures).as("failures").isEmpty();
        results.testEvents().assertStatistics(s -> s.started(tests).succeeded(tests));
    }

    private static Throwable failureOf(EngineExecutionResults results, String method) {
        Event event = results.testEvents().failed().stream()
                .filter(e -> e.getTestDescriptor().getSource().filter(MethodSource.class::isInstance)
                        .map(s -> ((MethodSource) s).getMethodName().equals(method)).orElse(false))
                .findFirst().orElseThrow(() -> new AssertionError("test " + method + " did not fail"));
        return event.getPayload(TestExecutionResult.class).flatMap(TestExecutionResult::getThrowable).orElseThrow();
    }

    private static Throwable containerFailure(EngineExecutionResults results) {
        return results.containerEvents().failed().stream().findFirst()
                .flatMap(e -> e.getPayload(TestExecutionResult.class)).flatMap(TestExecutionResult::getThrowable)
                .orElseThrow(() -> new AssertionError("no container failed"));
    }

    private Evidence evidence() throws IOException {
        return Evidence.parse(Files.readString(evidenceDir.resolve("evidence.json")));
    }

    private static JsonNode check(Evidence evidence, String name) {
        return evidence.checks().stream().filter(c -> c.path("name").asText().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no check '" + name + "' in " + evidence.checks()));
    }

    // ---------------------------------------------------------------------------------------------------- injection

    @TestKitOnly
    @ModelTest
    static class InjectionFixture {
        @TestDataset(value = "credit.csv", label = "income", positive = ">50K", sensitive = "sex")
        static Dataset shared;

        @TestModel(AgeRule.class)
        static Model rule;

        @TestDataset(value = "credit.csv", label = "income", positive = ">50K")
        Dataset perInstance;

        @TestModel(predictions = "y_pred")
        Model column;

        @Test
        void fieldsAreInjected() {
            assertEquals(10, shared.rows());
            assertEquals("income", shared.label().orElseThrow());
            assertEquals(">50K", shared.positive().orElseThrow());
            assertEquals(List.of("sex"), shared.sensitive());
            assertEquals(List.of(), perInstance.sensitive());
            assertEquals("classpath:dev/assay/junit/credit.csv", shared.source());
            // read once per run: both injections share the loaded columns
            assertSame(shared.column("age"), perInstance.column("age"));
            assertEquals(0.8, Performance.of(rule).on(shared).evaluate().value(), 1e-12);
            assertEquals(0.8, Performance.of(column).on(perInstance).evaluate().value(), 1e-12);
        }

        @Test
        void parametersAreInjected(
                @TestDataset(value = "credit.csv", label = "income", positive = ">50K") Dataset data,
                @TestModel(predictionsFile = "preds.csv", column = "y_pred") Model allLow,
                @TestModel(AgeRule.class) Model freshRule) {
            assertSame(shared.column("age"), data.column("age"));
            assertNotSame(rule, freshRule);
            // preds.csv says <=50K for every row: right for the 5 rows whose income is <=50K
            assertEquals(0.5, Performance.of(allLow).on(data).evaluate().value(), 1e-12);
            assertEquals("preds.csv#y_pred", allLow.info().id());
        }

        @Test
        void fileFallbacks(
                @TestDataset(value = "src/test/resources/dev/assay/junit/preds.csv") Dataset byFilePath,
                @TestDataset(value = "/data/credit-headerless.txt", header = false, separator = ';', trim = true,
                        skipLines = 1, columns = {"age", "sex", "income"}, missing = "-") Dataset headerless) {
            assertEquals("src/test/resources/dev/assay/junit/preds.csv", byFilePath.source());
            assertEquals(10, byFilePath.rows());
            assertEquals("classpath:data/credit-headerless.txt", headerless.source());
            assertEquals(10, headerless.rows());
            assertEquals("Female", headerless.column("sex").stringValue(0));
            assertEquals(1, headerless.column("income").missingCount());
            assertEquals(10, headerless.line(8)); // line 1 is the comment: row 8 is on line 10
        }
    }

    @Test
    void injectsFieldsAndParameters() {
        assertAllSucceeded(run(InjectionFixture.class), 3);
    }

    @TestKitOnly
    @CreditModelTest
    static class ComposedFixture {
        @CreditHoldout
        static Dataset holdout;

        @CreditModel
        Model model;

        @Test
        void composedAnnotationsInject(@CreditHoldout Dataset again, @CreditModel Model other) {
            assertEquals("classpath:dev/assay/junit/credit.csv", holdout.source());
            assertEquals(List.of("sex"), again.sensitive());
            assertSame(holdout.column("sex"), again.column("sex"));
            assertThat(Performance.of(model).on(holdout).named("composed").evaluate())
                    .passes().hasValueAtLeast(0.8).hasValueAtMost(0.8);
            assertThat(other).isInstanceOf(AgeRule.class);
        }
    }

    @Test
    void composedAnnotations() throws IOException {
        EngineExecutionResults results = run(ComposedFixture.class);
        assertAllSucceeded(results, 1);
        assertThat(check(evidence(), "composed").path("verdict").asText()).isEqualTo("pass");
    }

    // ----------------------------------------------------------------------------------------------------- verdicts

    @TestKitOnly
    @ModelTest
    static class VerdictFixture {
        @TestDataset(value = "credit.csv", label = "income", positive = ">50K", sensitive = "sex")
        static Dataset data;

        @TestModel(AgeRule.class)
        static Model model;

        @Test
        void passing() {
            assertThat(Performance.of(model).on(data).named("Accuracy overall").atLeast(0.75).evaluate())
                    .passes().hasValueAtLeast(0.8).hasIntervalWithin(0.49, 0.95);
        }

        @Test
        void failing() {
            assertThat(Performance.of(model).on(data).named("Accuracy by sex").by("sex").minGroupSize(1)
                    .atLeast(0.8).evaluate()).passes();
        }

        @Test
        void brokenModelNotAsserted() {
            Performance.of(new Maybe()).on(data).named("Broken model").evaluate();
        }

        @Test
        void missingPredictionAsserted(@TestModel(predictions = "y_gap") Model gap) {
            assertThat(Performance.of(gap).on(data).named("Gap in predictions").evaluate()).passes();
        }
    }

    @Test
    void verdictsReachTheTestResult() throws IOException {
        EngineExecutionResults results = run(VerdictFixture.class);
        results.testEvents().assertStatistics(s -> s.started(4).succeeded(1).failed(3));

        Throwable failed = failureOf(results, "failing");
        assertThat(failed).isInstanceOf(AssertionError.class).hasMessageContainingAll(
                "Expecting check <Accuracy by sex> to pass, but it failed:",
                "  metric: accuracy",
                "  value: 0.6 [0.2307, 0.8824] (95%)",
                "  threshold: at least 0.8 (decision: point)",
                "  worst groups:",
                "    sex=Female 0.6 [0.2307, 0.8824] n=5",
                "    sex=Male 1 [0.5655, 1] n=5");

        // errors: not an assertion failure, and never a pass
        Throwable broken = failureOf(results, "brokenModelNotAsserted");
        assertThat(broken).isExactlyInstanceOf(AssayException.class).isNotInstanceOf(AssertionError.class)
                .hasMessage("Check <Broken model> ended in error, which is never a pass: classpath:dev/assay/junit/"
                        + "credit.csv line 2 (row 0): model 'Maybe' predicted 'maybe', which is not one of the labels"
                        + " [<=50K, >50K] of column 'income'");
        Throwable gap = failureOf(results, "missingPredictionAsserted");
        assertThat(gap).isExactlyInstanceOf(AssayException.class)
                .hasMessageStartingWith("Check <Gap in predictions> could not be judged (verdict: error): "
                        + "classpath:dev/assay/junit/credit.csv line 8 (row 6)")
                .hasMessageContaining("gave no prediction");

        Evidence evidence = evidence();
        assertThat(evidence.checks()).extracting(c -> c.path("name").asText()).containsExactlyInAnyOrder(
                "Accuracy overall", "Accuracy by sex", "Broken model", "Gap in predictions");
        JsonNode overall = check(evidence, "Accuracy overall");
        assertThat(overall.path("verdict").asText()).isEqualTo("pass");
        assertThat(overall.path("value").asDouble()).isEqualTo(0.8);
        assertThat(overall.path("ci").get(0).asDouble()).isCloseTo(0.490162, within(1e-5));
        assertThat(overall.path("ci").get(1).asDouble()).isCloseTo(0.943318, within(1e-5));
        assertThat(overall.path("id").asText()).endsWith("/accuracy-overall");
        assertThat(overall.path("data").path("path").asText()).isEqualTo("classpath:dev/assay/junit/credit.csv");
        assertThat(check(evidence, "Accuracy by sex").path("verdict").asText()).isEqualTo("fail");
        assertThat(check(evidence, "Accuracy by sex").path("value").asDouble()).isEqualTo(0.6);
        assertThat(check(evidence, "Broken model").path("verdict").asText()).isEqualTo("error");
        assertThat(check(evidence, "Gap in predictions").path("verdict").asText()).isEqualTo("error");
        assertThat(evidence.suite()).isEqualTo("ModelTestExtensionTest$VerdictFixture"); // JUnit's display name
        assertThat(evidence.started()).isEqualTo("2026-11-26T12:00:00Z");
    }

    @Test
    void eachCheckIsPublishedAsAReportEntry() {
        EngineExecutionResults results = run(VerdictFixture.class);
        List<Map<String, String>> entries = results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs()).toList();
        assertThat(entries).hasSize(4);
        assertThat(entries).anySatisfy(e -> assertThat(e)
                .containsEntry("assay.check", "Accuracy by sex").containsEntry("assay.verdict", "fail")
                .containsEntry("assay.metric", "accuracy").containsEntry("assay.value", "0.6")
                .containsEntry("assay.threshold", "at least 0.8"));
        assertThat(entries).anySatisfy(e -> assertThat(e)
                .containsEntry("assay.check", "Broken model").containsEntry("assay.verdict", "error")
                .doesNotContainKey("assay.value"));
    }

    // -------------------------------------------------------------------------------------------- class-level checks

    @TestKitOnly
    @ModelTest
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class ClassLevelFixture {
        @TestDataset(value = "credit.csv", label = "income", positive = ">50K")
        static Dataset data;

        @BeforeAll
        static void baseline(@TestModel(AgeRule.class) Model model) {
            Performance.of(model).on(data).named("In before all").evaluate();
        }

        @Test
        void first(@TestModel(predictions = "y_pred") Model model) {
            Performance.of(model).on(data).named("In first test").evaluate();
        }

        @Test
        void second(@TestModel(predictionsFile = "preds.csv", column = "y_pred") Model model) {
            Performance.of(model).on(data).named("In second test").evaluate();
        }
    }

    @Test
    void checksOfBeforeAllAndOfTestsAreRecordedOnceEach() throws IOException {
        assertAllSucceeded(run(ClassLevelFixture.class), 2);
        assertThat(evidence().checks()).extracting(c -> c.path("name").asText())
                .containsExactly("In before all", "In first test", "In second test");
        assertThat(check(evidence(), "In second test").path("value").asDouble()).isEqualTo(0.5);
    }

    @TestKitOnly
    @ModelTest
    static class NestedFixture {
        @TestDataset(value = "credit.csv", label = "income", positive = ">50K")
        static Dataset data;

        @Test
        void outer(@TestModel(AgeRule.class) Model model) {
            Performance.of(model).on(data).named("Outer").evaluate();
        }

        @Nested
        class Inner {
            @TestModel(predictions = "y_pred")
            Model stored;

            @Test
            void inner() {
                assertThat(Performance.of(stored).on(data).named("Inner").atLeast(0.8).evaluate()).passes();
            }
        }
    }

    @Test
    void nestedClassesRecordEachCheckOnce() throws IOException {
        assertAllSucceeded(run(NestedFixture.class), 2);
        assertThat(evidence().checks()).extracting(c -> c.path("name").asText())
                .containsExactlyInAnyOrder("Outer", "Inner");
    }

    @Test
    void oneEvidenceFileHoldsTheChecksOfEveryClassOfTheRun() throws IOException {
        EngineExecutionResults results = execute(EngineTestKit.engine("junit-jupiter")
                .configurationParameter(TestKitOnly.KEY, "true")
                .configurationParameter("assay.evidence.dir", evidenceDir.toString())
                .selectors(selectClass(ClassLevelFixture.class), selectClass(ComposedFixture.class)));
        assertAllSucceeded(results, 3);
        Evidence evidence = evidence();
        assertThat(evidence.checks()).extracting(c -> c.path("name").asText())
                .containsExactlyInAnyOrder("In before all", "In first test", "In second test", "composed");
        assertThat(evidence.suite()).isIn("ModelTestExtensionTest$ClassLevelFixture",
                "ModelTestExtensionTest$ComposedFixture");
    }

    @Test
    void inParallelEachCheckIsRecordedOnceByTheTestThatRanIt() throws IOException {
        EngineExecutionResults results = execute(EngineTestKit.engine("junit-jupiter")
                .configurationParameter(TestKitOnly.KEY, "true")
                .configurationParameter("assay.evidence.dir", evidenceDir.toString())
                .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
                .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
                .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "4")
                .selectors(selectClass(VerdictFixture.class), selectClass(ClassLevelFixture.class),
                        selectClass(NestedFixture.class), selectClass(ComposedFixture.class)));
        results.testEvents().assertStatistics(s -> s.started(9).succeeded(6).failed(3));
        assertThat(evidence().checks()).extracting(c -> c.path("name").asText()).containsExactlyInAnyOrder(
                "Accuracy overall", "Accuracy by sex", "Broken model", "Gap in predictions",
                "In before all", "In first test", "In second test", "Outer", "Inner", "composed");
        assertThat(failureOf(results, "brokenModelNotAsserted")).isExactlyInstanceOf(AssayException.class);
    }

    @TestKitOnly
    @ModelTest
    static class ClassLevelErrorFixture {
        @TestDataset(value = "credit.csv", label = "income", positive = ">50K")
        static Dataset data;

        @BeforeAll
        static void broken() {
            Performance.of(new Maybe()).on(data).named("Broken in before all").evaluate();
        }

        @Test
        void test() {
        }
    }

    @Test
    void anErrorInBeforeAllFailsTheClass() {
        EngineExecutionResults results = run(ClassLevelErrorFixture.class);
        assertThat(containerFailure(results)).isExactlyInstanceOf(AssayException.class)
                .hasMessageStartingWith("Check <Broken in before all> ended in error, which is never a pass:");
    }

    // ------------------------------------------------------------------------------------------------ configuration

    @TestKitOnly
    @ModelTest
    static class SeedFixture {
        @Test
        void evaluate(@TestDataset(value = "credit.csv", label = "income", positive = ">50K") Dataset data,
                      @TestModel(AgeRule.class) Model model) {
            CheckResult r = Performance.of(model).on(data).named("Seeded").metric("f1").bootstrap(200).evaluate();
            assertThat(r).hasVerdict(Verdict.PASS);
        }
    }

    @Test
    void configurationParametersWinOverSystemPropertiesWhichWinOverDefaults() throws IOException {
        String before = System.getProperty("assay.seed");
        System.setProperty("assay.seed", "99");
        try {
            assertAllSucceeded(run(SeedFixture.class, Map.of("assay.seed", "7", "assay.suite", "Credit gate")), 1);
            Evidence fromParameter = evidence();
            assertThat(fromParameter.seed()).isEqualTo(7);
            assertThat(fromParameter.suite()).isEqualTo("Credit gate");
            assertThat(check(fromParameter, "Seeded").path("seed").asLong()).isEqualTo(7);
            assertThat(check(fromParameter, "Seeded").path("id").asText()).endsWith("/seeded");

            evidenceDir = Files.createDirectory(evidenceDir.resolve("second"));
            assertAllSucceeded(run(SeedFixture.class), 1);
            assertThat(evidence().seed()).isEqualTo(99);
            assertThat(check(evidence(), "Seeded").path("seed").asLong()).isEqualTo(99);
        } finally {
            if (before == null) {
                System.clearProperty("assay.seed");
            } else {
                System.setProperty("assay.seed", before);
            }
        }
    }

    @Test
    void aBadSeedIsAConfigurationError() {
        EngineExecutionResults results = run(SeedFixture.class, Map.of("assay.seed", "seven"));
        assertThat(containerFailure(results)).isInstanceOf(AssayException.class)
                .hasMessage("configuration assay.seed = 'seven' is not a number");
    }

    // ----------------------------------------------------------------------------------------------------- misuse

    @TestKitOnly
    @ModelTest
    static class WrongFieldTypeFixture {
        @TestDataset("credit.csv")
        static String data;

        @Test
        void test() {
        }
    }

    @TestKitOnly
    @ModelTest
    static class FinalFieldFixture {
        @TestModel(AgeRule.class)
        final Model model = null;

        @Test
        void test() {
        }
    }

    @TestKitOnly
    @ModelTest
    static class NoModelFixture {
        @Test
        void test(@TestModel Model model) {
        }
    }

    @TestKitOnly
    @ModelTest
    static class TwoModelsFixture {
        @Test
        void test(@TestModel(value = AgeRule.class, predictions = "y_pred") Model model) {
        }
    }

    @TestKitOnly
    @ModelTest
    static class ColumnWithoutFileFixture {
        @Test
        void test(@TestModel(column = "y_pred") Model model) {
        }
    }

    @TestKitOnly
    @ModelTest
    static class MissingFileFixture {
        @Test
        void test(@TestDataset("no-such.csv") Dataset data) {
        }
    }

    @TestKitOnly
    @ModelTest
    static class UnknownLabelFixture {
        @Test
        void test(@TestDataset(value = "credit.csv", label = "incme") Dataset data) {
        }
    }

    @TestKitOnly
    @ModelTest
    static class HeaderlessWithoutColumnsFixture {
        @Test
        void test(@TestDataset(value = "credit.csv", header = false) Dataset data) {
        }
    }

    @TestKitOnly
    @ModelTest
    static class RaggedDataFixture {
        @Test
        void first(@TestDataset("ragged.csv") Dataset data) {
        }

        @Test
        void second(@TestDataset("ragged.csv") Dataset data) {
        }
    }

    @Test
    void badDataIsAnErrorNamingFileAndLineForEveryTestThatAsksForIt() {
        EngineExecutionResults results = run(RaggedDataFixture.class);
        results.testEvents().assertStatistics(s -> s.started(2).failed(2));
        for (String test : List.of("first", "second")) {
            Throwable t = failureOf(results, test);
            assertThat(t).isInstanceOf(ParameterResolutionException.class);
            assertThat(t.getCause()).isInstanceOf(dev.assay.core.DataException.class)
                    .hasMessageContaining("classpath:dev/assay/junit/ragged.csv line 3");
        }
    }

    @Test
    void wrongFieldTypeIsAConfigurationError() {
        assertThat(containerFailure(run(WrongFieldTypeFixture.class)))
                .isExactlyInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@TestDataset cannot inject field 'data' of WrongFieldTypeFixture of type String;"
                        + " declare it as dev.assay.core.Dataset");
        assertThat(failureOf(run(FinalFieldFixture.class), "test"))
                .isExactlyInstanceOf(ExtensionConfigurationException.class)
                .hasMessage("@TestModel cannot inject the final field 'model' of FinalFieldFixture; remove 'final'");
    }

    @Test
    void misusedAttributesAreNamed() {
        assertThat(configurationError(NoModelFixture.class)).hasMessage("@TestModel on parameter 'model' of"
                + " NoModelFixture.test() names no model; set `value` (a class implementing dev.assay.core.Model),"
                + " `predictions` (a column of the data), `predictionsFile` with `column`, `onnx` (a file) or `url` and"
                + " `protocol` (an endpoint)");
        assertThat(configurationError(TwoModelsFixture.class))
                .hasMessageEndingWith("sets `value` and `predictions`; set exactly one");
        assertThat(configurationError(ColumnWithoutFileFixture.class))
                .hasMessageEndingWith(": `column` only applies to `predictionsFile`; for a column of the data under"
                        + " test use `predictions = \"y_pred\"`");
        assertThat(configurationError(UnknownLabelFixture.class)).hasMessage("@TestDataset on parameter 'data' of"
                + " UnknownLabelFixture.test(): `label` column 'incme' is not in classpath:dev/assay/junit/credit.csv;"
                + " its columns are [age, sex, income, y_pred, y_gap]");
        assertThat(configurationError(HeaderlessWithoutColumnsFixture.class))
                .hasMessageContaining("`header = false` needs `columns`");
    }

    @Test
    void aMissingFileListsWhereItLooked() {
        assertThat(configurationError(MissingFileFixture.class)).hasMessage("@TestDataset(value = \"no-such.csv\") on"
                + " parameter 'data' of MissingFileFixture.test(): file not found; looked for class path resource"
                + " dev/assay/junit/no-such.csv (next to MissingFileFixture), class path resource no-such.csv, file "
                + Path.of("no-such.csv").toAbsolutePath());
    }

    /** The configuration error behind a parameter that could not be resolved. */
    private Throwable configurationError(Class<?> fixture) {
        Throwable t = failureOf(run(fixture), "test");
        assertThat(t).isInstanceOf(ParameterResolutionException.class);
        assertThat(t.getCause()).isExactlyInstanceOf(ExtensionConfigurationException.class);
        assertThat(t.getMessage()).endsWith(t.getCause().getMessage());
        return t.getCause();
    }
}
