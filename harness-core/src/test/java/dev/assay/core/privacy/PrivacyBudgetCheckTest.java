package dev.assay.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.RunContext;
import dev.assay.core.Verdict;
import dev.assay.core.internal.Json;
import org.junit.jupiter.api.Test;

class PrivacyBudgetCheckTest {
    private static final RunContext CTX = new RunContext("suite", 7);

    @Test
    void valueIsTheComputedEpsilonWithTheBestOrder() throws Exception {
        // TF-Privacy compute_dp_sgd_privacy_test Test0 through the scenario keys: n=60000, batch=150, sigma=1.3,
        // 15 epochs, delta=1e-5 -> 0.7242234026 at order 19 (dp_accounting's orders include 19 and find it too)
        PrivacyBudgetCheck check = Privacy.budget().accountant("rdp").noiseMultiplier(1.3).batchSize(150)
                .datasetSize(60000).epochs(15).delta(1e-5).maxEpsilon(1).build();
        assertThat(check.steps()).isEqualTo(6000);
        CheckResult r = check.run(null, null, CTX);
        assertThat(r.kind()).isEqualTo("privacy-budget");
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.value()).isCloseTo(0.7242234026109595, offset(1e-7));
        assertThat(r.message()).contains("best order 19").contains("6000 steps");
        assertThat(r.groups().get(0).metric("best_order")).isEqualTo(19);
        String json = Json.MAPPER.writeValueAsString(r);
        assertThat(json).contains("\"kind\":\"privacy-budget\"").contains("\"threshold\":{\"max\":1.0}");
    }

    @Test
    void failsAboveTheBudgetWithAReadableMessage() {
        // TF-Privacy tutorial MNIST setting, improved conversion: 2.5967 with dp_accounting orders (privacy.md)
        CheckResult r = Privacy.budget().noiseMultiplier(1.1).samplingRate(256 / 60000.0).steps(14063).delta(1e-5)
                .maxEpsilon(2).build().run(null, null, CTX);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.value()).isCloseTo(2.5967, offset(5e-5));
        assertThat(r.message()).startsWith("Expecting the privacy budget to be at most epsilon 2 but the"
                + " configuration spends epsilon 2.597 at delta 1.0E-5 (rdp, best order");
    }

    @Test
    void stepsFromEpochsAndSamplingRate() {
        PrivacyBudgetCheck c = Privacy.budget().noiseMultiplier(1).samplingRate(0.04).epochs(90).delta(1e-5).build();
        assertThat(c.steps()).isEqualTo(2250);
    }

    @Test
    void badConfigurationsNameTheKey() {
        assertThatThrownBy(() -> Privacy.budget().samplingRate(0.1).steps(10).delta(1e-5).build())
                .hasMessageContaining("noise-multiplier");
        assertThatThrownBy(() -> Privacy.budget().noiseMultiplier(1).samplingRate(0.1).batchSize(10)
                .datasetSize(100).steps(10).delta(1e-5).build()).hasMessageContaining("exactly one of them");
        assertThatThrownBy(() -> Privacy.budget().noiseMultiplier(1).batchSize(10).steps(10).delta(1e-5).build())
                .hasMessageContaining("missing dataset-size");
        assertThatThrownBy(() -> Privacy.budget().noiseMultiplier(1).samplingRate(0.1).delta(1e-5).build())
                .hasMessageContaining("steps or epochs");
        assertThatThrownBy(() -> Privacy.budget().noiseMultiplier(1).samplingRate(0.1).steps(3).build())
                .hasMessageContaining("delta");
        assertThatThrownBy(() -> Privacy.budget().accountant("zcdp").noiseMultiplier(1).samplingRate(0.1).steps(3)
                .delta(1e-5).build().run(null, null, CTX)).hasMessageContaining("no amplification by subsampling");
        // through Checks.evaluate the same failure is an error verdict, never a pass
        CheckResult r = Checks.evaluate(Privacy.budget().accountant("zcdp").noiseMultiplier(1).samplingRate(0.1)
                .steps(3).delta(1e-5).build(), null, null, CTX);
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
    }

    @Test
    void ledgerDescribesItsSpends() {
        PrivacyLedger ledger = Privacy.ledger(Accountant.basic(), 0);
        ledger.record(PrivacySpend.laplace("mean age", 0.5)).record(PrivacySpend.laplace("count", 1).times(2));
        assertThat(ledger.totalEpsilon()).isCloseTo(2.5, offset(1e-12));
        assertThat(ledger.spends()).hasSize(2);
        assertThat(ledger.within(2.5)).isTrue();
        assertThat(ledger.within(2.4)).isFalse();
        assertThat(ledger.describe()).isEqualTo("privacy ledger: epsilon 2.5 at delta 0.0 (basic composition of 2"
                + " spends)\n  1. mean age [laplace] (epsilon=0.5)\n  2. count [laplace] (epsilon=1.0) x2");
    }
}
