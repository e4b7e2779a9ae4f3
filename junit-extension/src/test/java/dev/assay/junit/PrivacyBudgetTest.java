package dev.assay.junit;

import static dev.assay.junit.AssayAssertions.assertThat;
import static dev.assay.junit.EngineRuns.check;
import static dev.assay.junit.EngineRuns.evidence;
import static dev.assay.junit.EngineRuns.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.AssayException;
import dev.assay.core.Evidence;
import dev.assay.core.privacy.Accountant;
import dev.assay.core.privacy.DpAudit;
import dev.assay.core.privacy.DpAuditResult;
import dev.assay.core.privacy.Privacy;
import dev.assay.core.privacy.PrivacyLedger;
import dev.assay.core.privacy.PrivacySpend;
import dev.assay.junit.Fixtures.TestKitOnly;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code @PrivacyBudget} and the ledger and audit assertions, run through the engine. Budgets use basic composition
 * where the test hand-computes the total (ε adds up: 0.6 + 0.6 = 1.2).
 */
class PrivacyBudgetTest {
    @TempDir
    Path evidenceDir;

    @TestKitOnly
    @ModelTest
    static class MethodBudgetFixture {
        @Test
        @PrivacyBudget(epsilon = 1.0, accountant = "basic")
        void within(PrivacyLedger ledger) {
            ledger.record(PrivacySpend.laplace("count", 0.5));
            ledger.record(PrivacySpend.laplace("sum", 0.4));
        }

        @Test
        @PrivacyBudget(epsilon = 1.0, accountant = "basic", name = "Released counts")
        void over(PrivacyLedger ledger) {
            var release = Privacy.release(ledger, new SplittableRandom(7));
            release.count(120, 0.6);
            release.count(80, 0.6);
        }

        @Test
        @PrivacyBudget(epsilon = 1.0)
        void freshLedgerPerTest(PrivacyLedger ledger) {
            assertEquals(0, ledger.spends().size());
            assertEquals(0.0, ledger.delta());
        }

        @Test
        @PrivacyBudget(epsilon = 1.0, accountant = "pld")
        void cannotCompose(PrivacyLedger ledger) {
            // a zCDP guarantee has no privacy-loss distribution
            ledger.record(PrivacySpend.zcdp("release", 0.1));
        }

        @Test
        void noBudget(PrivacyLedger ledger) {
        }
    }

    @Test
    void aMethodBudgetFailsWithTheLedgerWhenExceeded() throws IOException {
        EngineExecutionResults results = EngineRuns.run(MethodBudgetFixture.class, evidenceDir, Map.of());
        results.testEvents().assertStatistics(s -> s.started(5).succeeded(2).failed(3));
        EngineRuns.assertSucceeded(results, "within");
        EngineRuns.assertSucceeded(results, "freshLedgerPerTest");
        assertThat(failureOf(results, "over")).isExactlyInstanceOf(AssertionError.class).hasMessage(String.join(
                System.lineSeparator(),
                "Expecting the privacy spends to compose to at most epsilon 1 at delta 0.0, but they compose to 1.2:",
                "  privacy ledger: epsilon 1.2 at delta 0.0 (basic composition of 2 spends)",
                "    1. count [laplace] (sensitivity=1, epsilon=0.6)",
                "    2. count [laplace] (sensitivity=1, epsilon=0.6)"));
        assertThat(failureOf(results, "cannotCompose")).isExactlyInstanceOf(AssayException.class)
                .hasMessageStartingWith("Check <Privacy budget of cannotCompose(PrivacyLedger)> ended in error,"
                        + " which is never a pass: the privacy spends cannot be composed:");
        assertThat(failureOf(results, "noBudget")).isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("annotate the test method or class with @PrivacyBudget");

        Evidence evidence = evidence(evidenceDir);
        JsonNode over = check(evidence, "Released counts");
        assertThat(over.path("kind").asText()).isEqualTo("privacy-budget");
        assertThat(over.path("verdict").asText()).isEqualTo("fail");
        assertThat(over.path("value").asDouble()).isCloseTo(1.2, within(1e-12));
        assertThat(over.path("threshold").path("max").asDouble()).isEqualTo(1.0);
        assertThat(over.path("groups")).hasSize(2);
        assertThat(over.path("groups").get(1).path("group").path("spend").asText()).isEqualTo("2. count");
        JsonNode within = check(evidence, "Privacy budget of within(PrivacyLedger)");
        assertThat(within.path("verdict").asText()).isEqualTo("pass");
        assertThat(within.path("value").asDouble()).isCloseTo(0.9, within(1e-12));
        assertThat(check(evidence, "Privacy budget of freshLedgerPerTest(PrivacyLedger)").path("value").asDouble())
                .isEqualTo(0.0);
        assertThat(check(evidence, "Privacy budget of cannotCompose(PrivacyLedger)").path("verdict").asText())
                .isEqualTo("error");
    }

    @TestKitOnly
    @ModelTest
    @PrivacyBudget(epsilon = 1.0, accountant = "basic", name = "Analytics budget")
    @TestMethodOrder(MethodOrderer.MethodName.class)
    static class ClassBudgetFixture {
        @Test
        void a_first(PrivacyLedger ledger) {
            ledger.record(PrivacySpend.laplace("q1", 0.6));
        }

        @Test
        void b_second(PrivacyLedger ledger) {
            ledger.record(PrivacySpend.laplace("q2", 0.6));
        }

        @Test
        void c_third(PrivacyLedger ledger) {
            assertEquals(2, ledger.spends().size(), "the class's ledger is shared");
        }
    }

    @Test
    void aClassBudgetIsSharedAndTheTestThatExceedsItFails() throws IOException {
        EngineExecutionResults results = EngineRuns.run(ClassBudgetFixture.class, evidenceDir, Map.of());
        results.testEvents().assertStatistics(s -> s.started(3).succeeded(2).failed(1));
        assertThat(failureOf(results, "b_second")).hasMessageContainingAll("compose to 1.2",
                "1. q1 [laplace] (epsilon=0.6)", "2. q2 [laplace] (epsilon=0.6)");
        results.containerEvents().assertStatistics(s -> s.failed(0));
        JsonNode budget = check(evidence(evidenceDir), "Analytics budget");
        assertThat(budget.path("verdict").asText()).isEqualTo("fail");
        assertThat(budget.path("value").asDouble()).isCloseTo(1.2, within(1e-12));
    }

    @TestKitOnly
    @PrivacyBudget(epsilon = 0.5, accountant = "basic", name = "Spent before all")
    static class BeforeAllBudgetFixture {
        @org.junit.jupiter.api.BeforeAll
        static void baseline(PrivacyLedger ledger) {
            ledger.record(PrivacySpend.pure("baseline", 0.4));
        }

        @Test
        void test(PrivacyLedger ledger) {
            assertEquals(1, ledger.spends().size());
        }

        @org.junit.jupiter.api.AfterAll
        static void report(PrivacyLedger ledger) {
            ledger.record(PrivacySpend.pure("final report", 0.2));
        }
    }

    @Test
    void spendsOutsideTestsFailTheClassWithoutModelTest() throws IOException {
        EngineExecutionResults results = EngineRuns.run(BeforeAllBudgetFixture.class, evidenceDir, Map.of());
        results.testEvents().assertStatistics(s -> s.started(1).succeeded(1));
        Throwable container = results.containerEvents().failed().stream().findFirst().orElseThrow()
                .getPayload(org.junit.platform.engine.TestExecutionResult.class).orElseThrow().getThrowable()
                .orElseThrow();
        assertThat(container).isExactlyInstanceOf(AssertionError.class).hasMessageContainingAll(
                "at most epsilon 0.5", "compose to 0.6", "1. baseline [pure] (epsilon=0.4)",
                "2. final report [pure] (epsilon=0.2)");
        assertThat(check(evidence(evidenceDir), "Spent before all").path("verdict").asText()).isEqualTo("fail");
    }

    @Test
    void ledgerAssertionsShowTheSpends() {
        PrivacyLedger ledger = Privacy.ledger(Accountant.basic(), 0);
        ledger.record(PrivacySpend.pure("histogram", 0.3)).record(PrivacySpend.pure("mean", 0.3));
        assertThat(ledger).hasSpends(2).hasTotalEpsilonAtMost(0.6);
        assertThatThrownBy(() -> assertThat(ledger).hasTotalEpsilonAtMost(0.5)).isInstanceOf(AssertionError.class)
                .hasMessageContainingAll("at most epsilon 0.5", "compose to 0.6", "1. histogram [pure] (epsilon=0.3)",
                        "2. mean [pure] (epsilon=0.3)");
        assertThatThrownBy(() -> assertThat(ledger).hasSpends(3)).hasMessageContaining("to have 3 spends, but it"
                + " has 2");
    }

    @Test
    void auditAssertions() {
        // the safe Laplace mechanism at epsilon 0.5 audited against its claim, and against a claim it cannot keep
        DpAuditResult honest = DpAudit.of(Privacy.laplaceMechanism(1, 0.5)).neighbours(0.0, 1.0).claims(0.5)
                .samples(50_000).seed(7).run();
        assertThat(honest).passes().hasEpsilonLowerBoundAtMost(0.5);
        DpAuditResult overclaimed = DpAudit.of(Privacy.laplaceMechanism(1, 2.0)).neighbours(0.0, 1.0).claims(0.5)
                .samples(50_000).seed(7).run();
        assertThat(overclaimed).fails().hasEpsilonLowerBoundAtLeast(0.5);
        assertThatThrownBy(() -> assertThat(overclaimed).passes()).isInstanceOf(AssertionError.class)
                .hasMessageContainingAll("to find no violation", "exceeds the claim");
        assertThatThrownBy(() -> assertThat(honest).fails()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("to catch a violation");
    }
}
