package dev.assay.scenarios.kinds;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.CheckResult;
import dev.assay.core.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code privacy-budget:}, {@code dp-audit:} and {@code membership-inference:}. */
class PrivacyKindsTest extends KindTestSupport {
    static final String HEAD = """
            model:
              predictions: {column: y_pred}
            data:
              path: members.csv
            checks:
            """;
    // 1 model, 2 predictions, 3 data, 4 path, 5 checks, 6 first check

    /**
     * Ten members and ten non-members. In {@code same} both have the losses 1..10 (AUC 0.5 exactly, ties count one
     * half); in {@code split} members have 1..10 and non-members 11..20 (AUC 1: lower loss = member).
     */
    private void data() {
        StringBuilder csv = new StringBuilder("member,same,split,y_pred\n");
        for (int i = 1; i <= 10; i++) {
            csv.append("1,").append(i).append(',').append(i).append(",a\n");
            csv.append("0,").append(i).append(',').append(i + 10).append(",a\n");
        }
        write("members.csv", csv.toString());
    }

    @Test
    void dpSgdBudgetMatchesAnIndependentRdpComputation() {
        data();
        // Independently (Python, integer orders 2..256, Mironov et al. 2019 binomial expansion of the
        // Poisson-subsampled Gaussian, improved RDP-to-DP conversion of Balle et al. 2020): q = 256/60000,
        // steps = ceil(60 * 60000 / 256) = 14063, sigma 1.1, delta 1e-5 -> epsilon 2.5971 at order 8
        // (the classic conversion gives 3.009, TF Privacy's well-known "3.01").
        List<CheckResult> r = run(HEAD + """
                  - name: DP-SGD budget
                    privacy-budget: {noise-multiplier: 1.1, batch-size: 256, dataset-size: 60000, epochs: 60,
                                     delta: 1e-5, max-epsilon: 3}
                  - name: too tight
                    privacy-budget: {noise-multiplier: 1.1, sampling-rate: 0.0042666666666666667, steps: 14063,
                                     delta: 1e-5, max-epsilon: 2}
                """);
        assertThat(r.get(0).verdict()).as(r.get(0).toString()).isEqualTo(Verdict.PASS);
        assertThat(r.get(0).value()).isLessThanOrEqualTo(2.5971 + 1e-4).isGreaterThan(2.5);
        assertThat(r.get(1).verdict()).as(r.get(1).toString()).isEqualTo(Verdict.FAIL);
        assertThat(r.get(1).value()).isCloseTo(r.get(0).value(), within(1e-9));
    }

    @Test
    void pldAccountantFromAScenario() {
        data();
        // TF-Privacy compute_dp_sgd_privacy_test.py example: sigma 0.7, Poisson q = 0.01, 120 steps, delta 1e-5 ->
        // PLD 2.4612381 (RDP 3.2392676)
        List<CheckResult> r = run(HEAD + """
                  - name: pld
                    privacy-budget: {accountant: pld, noise-multiplier: 0.7, sampling-rate: 0.01, steps: 120,
                                     delta: 1e-5, max-epsilon: 2.5}
                  - name: rdp
                    privacy-budget: {accountant: rdp, noise-multiplier: 0.7, sampling-rate: 0.01, steps: 120,
                                     delta: 1e-5, max-epsilon: 2.5}
                  - name: coarse pld
                    privacy-budget: {accountant: pld, value-discretization-interval: 0.01, noise-multiplier: 0.7,
                                     sampling-rate: 0.01, steps: 120, delta: 1e-5, max-epsilon: 2.5}
                """);
        assertThat(r.get(0).verdict()).as(r.get(0).toString()).isEqualTo(Verdict.PASS);
        assertThat(r.get(0).value()).isCloseTo(2.4612381, within(1e-6));
        assertThat(r.get(1).verdict()).as(r.get(1).toString()).isEqualTo(Verdict.FAIL);
        assertThat(r.get(1).value()).isCloseTo(3.2392676, within(1e-6));
        assertThat(r.get(2).value()).isGreaterThanOrEqualTo(r.get(0).value()).isLessThan(r.get(1).value());
    }

    @Test
    void prvAndMisplacedIntervalAreExplained() {
        data();
        var e = fail(HEAD + """
                  - name: prv
                    privacy-budget: {accountant: prv, noise-multiplier: 0.7, sampling-rate: 0.01, steps: 120,
                                     delta: 1e-5, max-epsilon: 2.5}
                  - name: interval on rdp
                    privacy-budget: {accountant: rdp, value-discretization-interval: 0.01, noise-multiplier: 0.7,
                                     sampling-rate: 0.01, steps: 120, delta: 1e-5, max-epsilon: 2.5}
                """);
        assertThat(e.problems()).extracting(Object::toString).satisfiesExactly(
                p -> assertThat(p).startsWith(at(7, 34) + "checks[0].privacy-budget.accountant: the prv accountant"
                        + " (Opacus) is not available").contains("use pld"),
                p -> assertThat(p).isEqualTo(at(10, 70) + "checks[1].privacy-budget.value-discretization-interval:"
                        + " value-discretization-interval applies to accountant pld, not rdp"));
    }

    @Test
    void budgetErrors() {
        data();
        var e = fail(HEAD + """
                  - name: budget
                    privacy-budget: {noise-multiplier: 1.1, batch-size: 256, epochs: 60, delta: 1e-5,
                                     max-epsilon: 3, accountant: rpd}
                  - name: both
                    privacy-budget: {noise-multiplier: 1.1, sampling-rate: 0.01, steps: 10, epochs: 2,
                                     delta: 1e-5, max-epsilon: 3}
                  - name: missing
                    privacy-budget: {sampling-rate: 0.01, steps: 10, max-epsilon: 3}
                """);
        assertThat(e.problems()).extracting(Object::toString).containsExactly(
                at(8, 50) + "checks[0].privacy-budget.accountant: unknown value 'rpd'; did you mean 'rdp'?"
                        + " (expected one of rdp, zcdp, pld, basic, advanced, best)",
                at(10, 85) + "checks[1].privacy-budget.epochs: privacy-budget needs either steps or epochs (exactly one"
                        + " of them)",
                at(13, 21) + "missing required key 'checks[2].privacy-budget.noise-multiplier' (the DP-SGD noise"
                        + " standard deviation over the clipping norm)",
                at(13, 21) + "missing required key 'checks[2].privacy-budget.delta' (the target delta, such as"
                        + " 1e-5)");
        e = fail(HEAD + """
                  - name: budget
                    privacy-budget: {noise-multiplier: 1.1, batch-size: 256, epochs: 60, delta: 1e-5,
                                     max-epsilon: 3}
                """);
        assertThat(e.getMessage()).isEqualTo(at(7, 57) + "checks[0].privacy-budget.batch-size: batch-size and"
                + " dataset-size go together; missing dataset-size");
    }

    @Test
    void dpAuditOfRandomisedResponse() {
        data();
        // randomised response with truth probability 3/4 is exactly ln 3 = 1.0986-DP
        List<CheckResult> r = run(HEAD + """
                  - name: honest claim
                    dp-audit: {mechanism: dev.assay.scenarios.fixtures.RandomisedResponse, neighbours: [[0, 1]],
                               epsilon: 1.1, samples: 20000, seed: 3}
                  - name: understated claim
                    dp-audit: {mechanism: dev.assay.scenarios.fixtures.RandomisedResponse, neighbours: [[0, 1]],
                               epsilon: 0.5, samples: 20000, seed: 3}
                """);
        assertThat(r.get(0).verdict()).as(r.get(0).toString()).isEqualTo(Verdict.PASS);
        assertThat(r.get(0).value()).isLessThanOrEqualTo(Math.log(3));
        assertThat(r.get(1).verdict()).as(r.get(1).toString()).isEqualTo(Verdict.FAIL);
        assertThat(r.get(1).value()).isGreaterThan(0.5).isLessThanOrEqualTo(Math.log(3));
    }

    @Test
    void dpAuditErrors() {
        data();
        var e = fail(HEAD + """
                  - name: audit
                    dp-audit:
                      mechanism: com.acme.Missing
                      neighbours: [[0, 1], [0]]
                      epsilon: 1
                      sample: 10
                """);
        assertThat(e.problems()).extracting(Object::toString).containsExactly(
                at(11, 7) + "unknown key 'sample' in checks[0].dp-audit; did you mean 'samples'? (known keys:"
                        + " mechanism, neighbours, epsilon, delta, samples, confidence, output-support, seed)",
                at(8, 18) + "checks[0].dp-audit.mechanism: mechanism class 'com.acme.Missing' not found",
                at(9, 28) + "checks[0].dp-audit.neighbours[1]: expected a pair of two inputs, found a list of 1");
    }

    @Test
    void membershipInference() {
        data();
        List<CheckResult> r = run(HEAD + """
                  - name: no leak
                    membership-inference: {loss-column: same, max-auc: 0.6, bootstrap: 200}
                  - name: leak
                    membership-inference: {loss-column: split, max-auc: 0.6, bootstrap: 200}
                """);
        assertThat(r.get(0).verdict()).as(r.get(0).toString()).isEqualTo(Verdict.PASS);
        assertThat(r.get(0).value()).isCloseTo(0.5, within(1e-12));
        assertThat(r.get(1).verdict()).as(r.get(1).toString()).isEqualTo(Verdict.FAIL);
        assertThat(r.get(1).value()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void membershipInferenceErrors() {
        data();
        var e = fail(HEAD + """
                  - name: mi
                    membership-inference: {member-column: membr, loss-column: same, attack: score}
                  - name: no threshold
                    membership-inference: {loss-column: same}
                """);
        assertThat(e.problems()).extracting(Object::toString).containsExactly(
                at(7, 43) + "checks[0].membership-inference.member-column: unknown member column 'membr' in"
                        + " members.csv; did you mean 'member'? (columns: member, same, split, y_pred)",
                at(7, 27) + "missing required key 'checks[0].membership-inference.max-auc' (or another maximum"
                        + " (max-advantage, max-tpr-at-1pct-fpr, max-tpr-at-0.1pct-fpr): a membership-inference"
                        + " check needs a threshold)",
                at(9, 27) + "missing required key 'checks[1].membership-inference.max-auc' (or another maximum"
                        + " (max-advantage, max-tpr-at-1pct-fpr, max-tpr-at-0.1pct-fpr): a membership-inference"
                        + " check needs a threshold)");
    }
}
