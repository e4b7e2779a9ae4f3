package dev.assay.examples.privacy;

import static dev.assay.junit.AssayAssertions.assertThat;

import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Dataset;
import dev.assay.core.RunContext;
import dev.assay.core.privacy.DpAudit;
import dev.assay.core.privacy.DpAuditCheck;
import dev.assay.core.privacy.DpRelease;
import dev.assay.core.privacy.Privacy;
import dev.assay.core.privacy.PrivacyLedger;
import dev.assay.core.privacy.PrivacySpend;
import dev.assay.junit.ModelTest;
import dev.assay.junit.PrivacyBudget;
import dev.assay.junit.TestDataset;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Differential-privacy budgets as tests. A DP-SGD run like TensorFlow Privacy's MNIST tutorial (60,000 examples,
 * batches of 256, noise multiplier 1.1, 60 epochs = 14,063 steps) must stay within epsilon 3 at delta 1e-5 (the
 * RDP accountant gives about 2.6); statistics released from the credit holdout must stay within epsilon 1. Each
 * budget is a check in the evidence; over budget, the test fails with the ledger.
 */
@ModelTest
class DpSgdBudgetTest {
    static final double SAMPLING_RATE = 256.0 / 60_000;
    static final long STEPS = 14_063;

    @Test
    @PrivacyBudget(epsilon = 3, delta = 1e-5, accountant = "rdp", name = "DP-SGD training within epsilon 3")
    void dpSgdTrainingStaysWithinBudget(PrivacyLedger ledger) {
        ledger.record(PrivacySpend.subsampledGaussian("dp-sgd", SAMPLING_RATE, 1.1, STEPS));

        assertThat(ledger).hasSpends(1).hasTotalEpsilonAtMost(2.7);
    }

    @Test
    @PrivacyBudget(epsilon = 2, delta = 1e-5, accountant = "rdp")
    void theNoiseForATighterBudget(PrivacyLedger ledger) {
        double sigma = Privacy.noiseMultiplier(2, 1e-5, SAMPLING_RATE, STEPS);

        ledger.record(PrivacySpend.subsampledGaussian("dp-sgd", SAMPLING_RATE, sigma, STEPS));
    }

    @Test
    @PrivacyBudget(epsilon = 1.0, name = "Released holdout statistics within epsilon 1")
    void releasedStatisticsStayWithinBudget(
            PrivacyLedger ledger,
            @TestDataset(value = "/data/adult-holdout.csv", label = "income", positive = ">50K") Dataset holdout) {
        DpRelease release = Privacy.release(ledger, new SplittableRandom(42));
        long highEarners = 0;
        long[] hours = new long[holdout.rows()];
        for (int i = 0; i < holdout.rows(); i++) {
            highEarners += ">50K".equals(holdout.column("income").stringValue(i)) ? 1 : 0;
            hours[i] = (long) holdout.column("hours-per-week").doubleValue(i);
        }
        release.count(highEarners, 0.5);
        release.boundedSum(hours, 0, 99, 0.5);

        assertThat(ledger).hasSpends(2);
    }

    @Test
    void theLaplaceMechanismsAuditIsACheckInTheEvidence() {
        // as a check, the audit goes into the evidence and the Allure report, with a chart of the event's
        // probabilities under both inputs against the claim's bound
        CheckResult audit = Checks.evaluate(DpAuditCheck.builder().name("Laplace mechanism keeps epsilon 0.5")
                .mechanism(Privacy.laplaceMechanism(1, 0.5)).neighbours(0.0, 1.0).epsilon(0.5).samples(100_000)
                .build(), null, null, RunContext.current());

        assertThat(audit).passes();
    }

    @Test
    void theSafeLaplaceMechanismKeepsItsClaim() {
        assertThat(DpAudit.of(Privacy.laplaceMechanism(1, 0.5)).neighbours(0.0, 1.0).claims(0.5)
                .samples(200_000).seed(42).run())
                .passes();
    }
}
