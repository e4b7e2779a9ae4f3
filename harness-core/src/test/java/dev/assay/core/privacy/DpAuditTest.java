package dev.assay.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.assay.core.CheckResult;
import dev.assay.core.RunContext;
import dev.assay.core.Verdict;
import dev.assay.core.privacy.internal.AuditEngine;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class DpAuditTest {

    /** Randomised response on one bit: truth ln(3) = 1.0986 when it keeps the bit with probability 3/4. */
    static final class RandomisedResponse implements Mechanism<Double, Boolean> {
        @Override
        public Boolean run(Double bit, RandomGenerator rng) {
            boolean b = bit > 0.5;
            return rng.nextInt(4) < 3 ? b : !b;
        }
    }

    @Test
    void clopperPearsonBoundsMatchHandComputedBetaQuantiles() {
        // x = 0: upper = 1 - alpha^(1/n); x = n: lower = alpha^(1/n)
        assertThat(AuditEngine.clopperPearson(0, 100, 0.025)[1]).isCloseTo(1 - Math.pow(0.025, 0.01), offset(1e-12));
        assertThat(AuditEngine.clopperPearson(100, 100, 0.025)[0]).isCloseTo(Math.pow(0.025, 0.01), offset(1e-12));
        // privacy.md §4: DP-Sniper's logged p1 = 0.01105086683, p2 = 0.01000032286, n = 200M -> eps_LB 0.0976336
        // (each bound at alpha = 0.05); recomputed from counts
        long n = 200_000_000L;
        double lb = Math.log(betaLower(Math.round(0.01105086683 * n), n) / betaUpper(Math.round(0.01000032286 * n), n));
        assertThat(lb).isCloseTo(0.0976336, offset(2e-4));
    }

    private static double betaLower(long x, long n) {
        // normal approximation is adequate at these counts for an independent cross-check
        double p = (double) x / n;
        return p - 1.6448536269514722 * Math.sqrt(p * (1 - p) / n);
    }

    private static double betaUpper(long x, long n) {
        double p = (double) x / n;
        return p + 1.6448536269514722 * Math.sqrt(p * (1 - p) / n);
    }

    @Test
    void randomisedResponseBoundIsBelowItsTrueEpsilonAndCatchesAnUnderstatedClaim() {
        DpAuditResult honest = DpAudit.of(new RandomisedResponse()).neighbours(0.0, 1.0).claims(Math.log(3))
                .samples(100_000).seed(3).run();
        assertThat(honest.passed()).isTrue();
        assertThat(honest.epsilonLowerBound()).isLessThanOrEqualTo(Math.log(3)).isGreaterThan(1.0);
        DpAuditResult understated = DpAudit.of(new RandomisedResponse()).neighbours(0.0, 1.0).claims(0.5)
                .samples(100_000).seed(3).run();
        assertThat(understated.passed()).isFalse();
        assertThat(understated.describe()).startsWith("Expecting the mechanism to be epsilon 0.5-DP but epsilon"
                + " lower bound");
        CheckResult cr = understated.toCheckResult();
        assertThat(cr.kind()).isEqualTo("dp-audit");
        assertThat(cr.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(cr.value()).isEqualTo(understated.epsilonLowerBound());
        assertThat(cr.threshold().max()).isEqualTo(0.5);
    }

    @Test
    void checkResultCarriesBothEventProbabilitiesWithTheIntervalsTheBoundRestsOn() {
        DpAuditResult r = DpAudit.of(new RandomisedResponse()).neighbours(0.0, 1.0).claims(0.5, 1e-3)
                .samples(20_000).seed(5).run();
        var g = r.toCheckResult().groups().get(0);
        // randomised response keeps the bit with probability 3/4: the selected event has p1 ~ 0.75, p2 ~ 0.25
        assertThat(g.metric("first_probability")).isEqualTo((double) r.firstCount() / 20_000)
                .isCloseTo(0.75, offset(0.02));
        assertThat(g.metric("second_probability")).isEqualTo((double) r.secondCount() / 20_000)
                .isCloseTo(0.25, offset(0.02));
        assertThat(g.metric("claimed_delta")).isEqualTo(1e-3);
        assertThat(g.metric("confidence")).isEqualTo(0.95);
        // the intervals are Clopper-Pearson at (1 - 0.95) / 2 per side, and the reported bound is recomputed from them
        double[] cp1 = AuditEngine.clopperPearson(r.firstCount(), 20_000, 0.025);
        double[] cp2 = AuditEngine.clopperPearson(r.secondCount(), 20_000, 0.025);
        assertThat(g.ci().get("first_probability").lower()).isEqualTo(cp1[0]);
        assertThat(g.ci().get("first_probability").upper()).isEqualTo(cp1[1]);
        assertThat(g.ci().get("second_probability").upper()).isEqualTo(cp2[1]);
        assertThat(g.ci().get("first_probability").contains(g.metric("first_probability"))).isTrue();
        assertThat(g.ci().get("second_probability").contains(g.metric("second_probability"))).isTrue();
        double recomputed = Math.log((g.ci().get("first_probability").lower() - 1e-3)
                / g.ci().get("second_probability").upper());
        assertThat(r.epsilonLowerBound()).isCloseTo(recomputed, offset(1e-12));
        // and the claim's bound p1 <= e^eps * p2 + delta is violated by the whole interval: the audit fails
        assertThat(cp1[0]).isGreaterThan(Math.exp(0.5) * cp2[1] + 1e-3);
        assertThat(r.passed()).isFalse();
    }

    @Test
    void sameSeedSameResultWhateverTheThreads() {
        Mechanism<Double, Double> lap = BenchmarkMechanisms.laplace(0.5);
        DpAuditResult one = DpAudit.of(lap).neighbours(0.0, 1.0).claims(0.5).samples(50_000).seed(11).threads(1)
                .run();
        DpAuditResult two = DpAudit.of(lap).neighbours(0.0, 1.0).claims(0.5).samples(50_000).seed(11).threads(3)
                .run();
        assertThat(two.epsilonLowerBound()).isEqualTo(one.epsilonLowerBound());
        assertThat(two.event()).isEqualTo(one.event());
        assertThat(two.firstCount()).isEqualTo(one.firstCount());
        DpAuditResult other = DpAudit.of(lap).neighbours(0.0, 1.0).claims(0.5).samples(50_000).seed(12).run();
        assertThat(other.firstCount()).isNotEqualTo(one.firstCount());
    }

    @Test
    void approximateClaimSubtractsDelta() {
        // an event of probability 0.01 under one input and 0 under the other: pure DP fails, delta = 0.02 covers it
        Mechanism<Double, Integer> leaky = (x, rng) -> x > 0.5 && rng.nextInt(100) == 0 ? 1 : 0;
        assertThat(DpAudit.of(leaky).neighbours(0.0, 1.0).claims(1).samples(100_000).seed(1).run().passed())
                .isFalse();
        assertThat(DpAudit.of(leaky).neighbours(0.0, 1.0).claims(1, 0.02).samples(100_000).seed(1).run().passed())
                .isTrue();
    }

    @Test
    void vectorAndListOutputsAreProjected() {
        // the second coordinate leaks: x + Lap(0.1) (true eps 10) while the first is pure noise
        Mechanism<Double, double[]> m = (x, rng) -> new double[] {BenchmarkMechanisms.lap(rng, 1),
            x + BenchmarkMechanisms.lap(rng, 0.1)};
        DpAuditResult r = DpAudit.of(m).neighbours(0.0, 1.0).claims(1).samples(50_000).seed(2).run();
        assertThat(r.passed()).isFalse();
        assertThat(r.event()).startsWith("output[1]");
        Mechanism<Double, List<String>> words = (x, rng) -> List.of(x > 0.5 && rng.nextBoolean() ? "yes" : "no");
        assertThat(DpAudit.of(words).neighbours(0.0, 1.0).claims(1).samples(20_000).seed(2).run().event())
                .isIn("output = [no]", "output = [yes]");
    }

    @Test
    void misuseIsReported() {
        Mechanism<Double, Double> lap = BenchmarkMechanisms.laplace(1);
        assertThatThrownBy(() -> DpAudit.of(lap).claims(1).run()).hasMessageContaining("neighbours(a, b)");
        assertThatThrownBy(() -> DpAudit.of(lap).neighbours(0.0, 1.0).run()).hasMessageContaining("claims(");
        assertThatThrownBy(() -> DpAudit.of(lap).claims(-1)).hasMessageContaining("epsilon");
        Mechanism<Double, Double> nulls = (x, rng) -> null;
        assertThatThrownBy(() -> DpAudit.of(nulls).neighbours(0.0, 1.0).claims(1).samples(1000).run())
                .hasMessageContaining("returned null for input 0.0");
    }

    /** A mechanism class for the dp-audit check. */
    public static final class Coin implements Mechanism<Double, Boolean> {
        @Override
        public Boolean run(Double x, RandomGenerator rng) {
            return rng.nextDouble() < (x > 0.5 ? 0.9 : 0.1);
        }
    }

    @Test
    void dpAuditCheckFromAClassName() {
        DpAuditCheck check = DpAuditCheck.builder().mechanism(Coin.class.getName())
                .neighbours(List.of(List.of(0, 1))).epsilon(1).samples(20_000).build();
        CheckResult r = check.run(null, null, new RunContext("s", 5));
        assertThat(r.kind()).isEqualTo("dp-audit");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL); // truth ln 9 = 2.197
        assertThat(r.value()).isBetween(1.0, Math.log(9));
        assertThat(r.seed()).isEqualTo(5);
        assertThatThrownBy(() -> DpAuditCheck.builder().mechanism("no.such.Mechanism"))
                .hasMessageContaining("'no.such.Mechanism' not found");
        assertThatThrownBy(() -> DpAuditCheck.builder().mechanism(String.class))
                .hasMessageContaining("does not implement");
        assertThatThrownBy(() -> DpAuditCheck.builder().mechanism(Coin.class).epsilon(1).build())
                .hasMessageContaining("neighbours");
    }
}
