package dev.assay.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Decision;
import dev.assay.core.RunContext;
import dev.assay.core.Verdict;
import dev.assay.core.privacy.internal.MembershipMetrics;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MembershipInferenceCheckTest {
    private static final RunContext CTX = new RunContext("suite", 42);

    @Test
    void metricsMatchHandComputedValues() {
        // members 0.9, 0.8, 0.4; non-members 0.7, 0.4, 0.1 (scores, higher = member)
        // AUC: pairs (m > n) = 0.9:3, 0.8:3, 0.4: beats 0.1, ties 0.4 -> 1 + 0.5 = 1.5; total 7.5/9 = 0.8333
        // advantage: t = 0.8 -> TPR 2/3, FPR 0 -> 0.6667
        double[] s = {0.9, 0.8, 0.4, 0.7, 0.4, 0.1};
        boolean[] m = {true, true, true, false, false, false};
        double[] v = new MembershipMetrics(s, m).compute();
        assertThat(v[0]).isCloseTo(7.5 / 9, offset(1e-12));
        assertThat(v[1]).isCloseTo(2.0 / 3, offset(1e-12));
        assertThat(v[2]).isCloseTo(2.0 / 3, offset(1e-12));
        assertThat(v[3]).isCloseTo(2.0 / 3, offset(1e-12));
    }

    @Test
    void lossThresholdAttackOnALeakyModelFailsItsThreshold(@TempDir Path dir) throws Exception {
        // members have lower loss (an overfit model): loss ~ Exp(mean 0.3) vs Exp(mean 1)
        // theoretical AUC = P(L_n > L_m) = 1 / (1 + 0.3) = 0.769
        SplittableRandom rng = new SplittableRandom(9);
        StringBuilder csv = new StringBuilder("member,loss\n");
        for (int i = 0; i < 2000; i++) {
            boolean member = i % 2 == 0;
            double loss = -(member ? 0.3 : 1.0) * Math.log(1 - rng.nextDouble());
            csv.append(member ? 1 : 0).append(',').append(loss).append('\n');
        }
        Path file = dir.resolve("mia.csv");
        Files.writeString(file, csv);
        Dataset data = Datasets.csv(file).load();
        CheckResult r = Privacy.membershipInference().lossColumn("loss").maxAuc(0.6).maxAdvantage(0.2)
                .build().run(null, data, CTX);
        assertThat(r.kind()).isEqualTo("membership-inference");
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.value()).isCloseTo(1 / 1.3, offset(0.03));
        assertThat(r.ci().contains(r.value())).isTrue();
        assertThat(r.message()).startsWith("Expecting the loss-threshold membership-inference attack to fail but"
                + " ROC AUC");
        assertThat(r.groups().get(0).ci()).containsKeys("auc", "advantage", "tpr_at_fpr_1pct", "tpr_at_fpr_0_1pct");
        // same seed, same evidence
        CheckResult again = Privacy.membershipInference().lossColumn("loss").maxAuc(0.6).maxAdvantage(0.2)
                .build().run(null, data, CTX);
        assertThat(again.ci()).isEqualTo(r.ci());
    }

    @Test
    void calibratedAttackRemovesPerExampleDifficulty() {
        // losses dominated by per-row difficulty d; membership lowers loss by 0.2: loss-threshold barely sees it,
        // the calibrated attack (loss - reference d) separates perfectly
        SplittableRandom rng = new SplittableRandom(4);
        int n = 1000;
        double[] loss = new double[n];
        double[] ref = new double[n];
        String[] member = new String[n];
        for (int i = 0; i < n; i++) {
            boolean m = i % 2 == 0;
            ref[i] = 5 * rng.nextDouble();
            loss[i] = ref[i] - (m ? 0.2 : 0) + 0.01 * rng.nextDouble();
            member[i] = m ? "true" : "false";
        }
        Dataset d = Datasets.inMemory("mia").numeric("loss", loss).numeric("ref", ref).categorical("member", member)
                .load();
        CheckResult plain = Privacy.membershipInference().lossColumn("loss").build().run(null, d, CTX);
        CheckResult calibrated = Privacy.membershipInference().attack("calibrated").lossColumn("loss")
                .referenceColumn("ref").maxTprAt1PctFpr(0.5).decision(Decision.STRICT).build().run(null, d, CTX);
        assertThat(plain.groups().get(0).metric("auc")).isLessThan(0.6);
        assertThat(calibrated.groups().get(0).metric("auc")).isEqualTo(1.0);
        assertThat(calibrated.metric()).isEqualTo("tpr_at_fpr_1pct");
        assertThat(calibrated.value()).isEqualTo(1.0);
        assertThat(calibrated.verdict()).isEqualTo(Verdict.FAIL);
    }

    @Test
    void separateMemberAndNonMemberDatasets() {
        Dataset in = Datasets.inMemory("members").numeric("score", 0.9, 0.8, 0.6).load();
        Dataset out = Datasets.inMemory("holdout").numeric("score", 0.5, 0.7, 0.1).load();
        CheckResult r = Privacy.membershipInference().scoreColumn("score").members(in).nonMembers(out)
                .bootstrap(200).maxAuc(0.95).build().run(null, null, CTX);
        assertThat(r.value()).isCloseTo(8.0 / 9, offset(1e-12));
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void badDataIsAnErrorNamingTheRow() {
        Dataset d = Datasets.inMemory("mia").numeric("loss", 0.1, 0.2, 0.3).categorical("member", "1", "maybe", "0")
                .load();
        assertThatThrownBy(() -> Privacy.membershipInference().lossColumn("loss").build().run(null, d, CTX))
                .hasMessageContaining("row 1").hasMessageContaining("'maybe'");
        CheckResult r = Checks.evaluate(Privacy.membershipInference().lossColumn("nope").build(), null, d, CTX);
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).contains("no column 'nope'");
        Dataset onlyMembers = Datasets.inMemory("m").numeric("loss", 0.1, 0.2).categorical("member", "1", "1")
                .load();
        assertThatThrownBy(() -> Privacy.membershipInference().lossColumn("loss").build().run(null, onlyMembers,
                CTX)).hasMessageContaining("0 non-members");
        assertThatThrownBy(() -> Privacy.membershipInference().attack("calibrated").lossColumn("loss").build())
                .hasMessageContaining("reference-column");
    }
}
