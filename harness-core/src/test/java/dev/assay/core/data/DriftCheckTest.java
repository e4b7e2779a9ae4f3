package dev.assay.core.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.CheckResult;
import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.GroupResult;
import dev.assay.core.Model;
import dev.assay.core.Predictions;
import dev.assay.core.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;

class DriftCheckTest {
    static double[] values(JsonNode a) {
        double[] v = new double[a.size()];
        for (int i = 0; i < v.length; i++) {
            v[i] = a.get(i).asDouble();
        }
        return v;
    }

    static GroupResult column(CheckResult r, String name) {
        return r.groups().stream().filter(g -> g.group().get("column").equals(name)).findFirst().orElseThrow();
    }

    @Test
    void perColumnStatisticsEqualScipyValuesOnTheSameData() throws Exception {
        JsonNode c = DriftStatsTest.fixtures().get("numeric").get(0); // normal-shifted-small, n=20 vs 25
        Dataset ref = Datasets.inMemory("ref").numeric("x", values(c.get("reference"))).load();
        Dataset cur = Datasets.inMemory("cur").numeric("x", values(c.get("current"))).load();
        CheckResult r = Drift.between(ref, cur).evaluate();
        GroupResult x = column(r, "x");
        assertThat(x.metric("ks_statistic")).isCloseTo(c.get("ks_statistic").asDouble(), within(1e-12));
        assertThat(x.metric("ks_p_value")).isCloseTo(c.get("ks_p_value").asDouble(), within(1e-7));
        assertThat(x.metric("wasserstein")).isCloseTo(c.get("wasserstein").asDouble(), within(1e-9));
        assertThat(x.metric("psi")).isCloseTo(c.get("psi").asDouble(), within(1e-9));
        assertThat(x.n()).isEqualTo(25);
        assertThat(x.metric("reference_n")).isEqualTo(20);
        // psi 1.89 > 0.2: drifted, and with the default max-drifted-share 0 the check fails
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.value()).isEqualTo(1.0);
        assertThat(r.message()).startsWith("Expecting at most 0 of the columns of cur to drift from ref, but 1 of 1")
                .contains("x: psi 1.893 > 0.2");
    }

    static Dataset sample(String name, long seed, double shift, String[] cats, double[] catP) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 5000;
        double[] stable = new double[n];
        double[] moved = new double[n];
        String[] cat = new String[n];
        for (int i = 0; i < n; i++) {
            stable[i] = rnd.nextGaussian();
            moved[i] = rnd.nextGaussian() + shift;
            double u = rnd.nextDouble();
            int k = 0;
            while (k < catP.length - 1 && u > catP[k]) {
                u -= catP[k];
                k++;
            }
            cat[i] = cats[k];
        }
        return Datasets.inMemory(name).numeric("stable", stable).numeric("moved", moved).categorical("cat", cat).load();
    }

    @Test
    void onlyTheShiftedColumnsDriftAndTheShareIsGated() {
        String[] cats = {"a", "b", "c"};
        Dataset ref = sample("ref", 1, 0, cats, new double[] {0.5, 0.3, 0.2});
        Dataset cur = sample("cur", 2, 1.0, cats, new double[] {0.2, 0.3, 0.5});
        CheckResult r = Drift.between(ref, cur).alpha(0.01).maxDriftedShare(0.5).evaluate();
        assertThat(column(r, "stable").metric("drifted")).isEqualTo(0.0);
        assertThat(column(r, "moved").metric("drifted")).isEqualTo(1.0);
        assertThat(column(r, "cat").metric("drifted")).isEqualTo(1.0);
        assertThat(column(r, "cat").metric("jensen_shannon")).isBetween(0.1, 1.0);
        assertThat(column(r, "cat").metric("chi2_p_adjusted")).isLessThan(1e-10);
        assertThat(column(r, "moved").metric("wasserstein")).isCloseTo(1.0, within(0.1));
        assertThat(r.value()).isCloseTo(2.0 / 3, within(1e-12));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        CheckResult relaxed = Drift.between(ref, cur).maxDriftedShare(0.7).evaluate();
        assertThat(relaxed.verdict()).isEqualTo(Verdict.PASS);
        assertThat(relaxed.message()).startsWith("2 of 3 columns drifted");
    }

    @Test
    void holmAdjustedPValuesAreReportedNextToTheRawOnes() {
        String[] cats = {"a", "b"};
        Dataset ref = sample("ref", 3, 0, cats, new double[] {0.5, 0.5});
        Dataset cur = sample("cur", 4, 0, cats, new double[] {0.5, 0.5});
        CheckResult r = Drift.between(ref, cur).correction("holm").evaluate();
        double[] raw = {column(r, "stable").metric("ks_p_value"), column(r, "moved").metric("ks_p_value"),
                column(r, "cat").metric("chi2_p_value")};
        double[] adj = dev.assay.core.data.internal.DriftStats.holm(raw);
        assertThat(column(r, "stable").metric("ks_p_adjusted")).isEqualTo(adj[0]);
        assertThat(column(r, "cat").metric("chi2_p_adjusted")).isEqualTo(adj[2]);
        CheckResult bh = Drift.between(ref, cur).correction("bh").evaluate();
        assertThat(column(bh, "moved").metric("ks_p_adjusted"))
                .isEqualTo(dev.assay.core.data.internal.DriftStats.benjaminiHochberg(raw)[1]);
    }

    @Test
    void mismatchedSchemasAreErrorsNamingTheColumns() {
        Dataset ref = Datasets.inMemory("ref.csv").numeric("age", 1, 2, 3).categorical("sex", "F", "M", "F").load();
        Dataset cur = Datasets.inMemory("cur.csv").categorical("age", "x", "y", "z").numeric("income", 1, 2, 3)
                .load();
        CheckResult r = Drift.between(ref, cur).evaluate();
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).contains("column 'age' is numeric in the reference ref.csv but categorical in the"
                + " current data cur.csv").contains("column 'sex' is in the reference ref.csv but not in the current"
                + " data cur.csv");
    }

    @Test
    void infiniteValuesAreAnErrorNamingTheColumnAndRow() {
        Dataset ref = Datasets.inMemory("ref").numeric("x", 1, 2, 3).load();
        Dataset cur = Datasets.inMemory("cur").numeric("x", 1, Double.POSITIVE_INFINITY, 2).load();
        CheckResult r = Drift.between(ref, cur).evaluate();
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).isEqualTo("column 'x' of cur has an infinite value (first at row 1): PSI, KS and"
                + " Wasserstein need finite numbers");
    }

    @Test
    void allNullColumnIsAnErrorNamingIt() {
        Dataset ref = Datasets.inMemory("ref").numeric("x", 1, 2, 3).load();
        Dataset cur = Datasets.inMemory("cur").numeric("x", Double.NaN, Double.NaN).load();
        CheckResult r = Drift.between(ref, cur).evaluate();
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).isEqualTo("column 'x' has only missing values in the current data cur: drift cannot"
                + " be measured");
    }

    @Test
    void constantColumnsAndEmptyBinsGiveFiniteStatisticsAndNotes() {
        Dataset ref = Datasets.inMemory("ref").numeric("k", 5, 5, 5, 5, 5, 5).categorical("c", "a", "a", "a", "a",
                "a", "a").load();
        Dataset same = Datasets.inMemory("same").numeric("k", 5, 5, 5, 5).categorical("c", "a", "a", "a", "a")
                .load();
        CheckResult r = Drift.between(ref, same).evaluate();
        assertThat(r.verdict()).isEqualTo(Verdict.PASS);
        assertThat(column(r, "k").metric("psi")).isEqualTo(0.0);
        assertThat(column(r, "k").metric("wasserstein")).isEqualTo(0.0);
        assertThat(column(r, "k").metric("ks_statistic")).isEqualTo(0.0);
        assertThat(column(r, "k").metric("ks_p_value")).isEqualTo(1.0);
        assertThat(column(r, "c").metric("jensen_shannon")).isEqualTo(0.0);
        assertThat(r.message()).contains("k: the reference is constant (5): PSI uses 3 bins")
                .contains("c: a single category ('a') in both datasets: no chi-square test");
        Dataset moved = Datasets.inMemory("moved").numeric("k", 7, 7, 7, 7).categorical("c", "b", "b", "b", "b")
                .load();
        CheckResult m = Drift.between(ref, moved).evaluate();
        assertThat(m.verdict()).isEqualTo(Verdict.FAIL);
        // all of the current in the upper bin, none in the lower: empty bins use epsilon, PSI stays finite
        double psi = (1 - 1e-4) * Math.log(1 / 1e-4) + (1e-4 - 1) * Math.log(1e-4 / 1);
        assertThat(column(m, "k").metric("psi")).isCloseTo(psi, within(1e-12));
        assertThat(column(m, "k").metric("wasserstein")).isEqualTo(2.0);
        assertThat(column(m, "c").metric("jensen_shannon")).isEqualTo(1.0);
        assertThat(m.groups()).allSatisfy(g -> assertThat(g.metrics().values()).doesNotContainNull());
    }

    @Test
    void modelOutputsAreComparedAndDriftedColumnsGetAnSvgChart() throws Exception {
        Dataset ref = Datasets.inMemory("ref").numeric("x", 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8).load();
        Dataset cur = Datasets.inMemory("cur").numeric("x", 0.7, 0.8, 0.9, 0.95, 0.6, 0.7, 0.8, 0.9).load();
        Model model = new Model() {
            @Override
            public Predictions predict(Dataset d) {
                Column x = d.column("x");
                String[] labels = new String[d.rows()];
                double[] scores = new double[d.rows()];
                for (int i = 0; i < labels.length; i++) {
                    scores[i] = x.doubleValue(i);
                    labels[i] = scores[i] >= 0.5 ? "yes" : "no";
                }
                return Predictions.of(Column.categorical("prediction", labels), scores);
            }
        };
        DriftCheck.Report report = Drift.between(ref, cur).model(model).outputs("prediction", "score").report();
        CheckResult r = report.result();
        assertThat(r.groups()).extracting(g -> g.group().get("column")).containsExactly("prediction", "score");
        assertThat(r.model()).isNotNull();
        // predictions: ref 4 no / 4 yes, cur 0 no / 8 yes
        assertThat(column(r, "prediction").metric("psi")).isCloseTo(
                (1 - 0.5) * Math.log(1 / 0.5) + (1e-4 - 0.5) * Math.log(1e-4 / 0.5), within(1e-12));
        assertThat(report.charts()).containsOnlyKeys("prediction", "score");
        String svg = report.charts().get("score");
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
        assertThat(doc.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(doc.getElementsByTagName("rect").getLength()).isGreaterThanOrEqualTo(2 * 2 + 1);
        assertThat(svg).contains("score (psi ");
    }

    @Test
    void evidenceJsonHoldsThePerColumnStatistics() throws Exception {
        String[] cats = {"a", "b", "c"};
        Dataset ref = sample("ref", 1, 0, cats, new double[] {0.5, 0.3, 0.2});
        Dataset cur = sample("cur", 2, 1.0, cats, new double[] {0.2, 0.3, 0.5});
        CheckResult r = Drift.between(ref, cur).seed(3).evaluate();
        JsonNode json = dev.assay.core.internal.Json.MAPPER.readTree(
                dev.assay.core.internal.Json.MAPPER.writeValueAsString(r));
        assertThat(json.get("kind").asText()).isEqualTo("drift");
        assertThat(json.get("metric").asText()).isEqualTo("drifted_share");
        assertThat(json.get("threshold").get("max").asDouble()).isEqualTo(0.0);
        JsonNode moved = json.get("groups").get(1);
        assertThat(moved.get("group").get("column").asText()).isEqualTo("moved");
        assertThat(moved.get("metrics").get("wasserstein").asDouble())
                .isEqualTo(column(r, "moved").metric("wasserstein"));
        assertThat(moved.get("metrics").has("ks_p_adjusted")).isTrue();
        assertThat(json.get("groups").get(2).get("metrics").has("jensen_shannon")).isTrue();
    }

    @Test
    void driftedColumnsCarryTheirHistogramBinsAndOthersNone() throws Exception {
        Dataset ref = Datasets.inMemory("ref")
                .column(Column.categorical("label", new String[] {"no", "yes", "no", "yes", "no", "yes", "no", "yes"}))
                .column(Column.numeric("same", new double[] {1, 2, 3, 4, 5, 6, 7, 8}))
                .load();
        Dataset cur = Datasets.inMemory("cur")
                .column(Column.categorical("label", new String[] {"yes", "yes", "yes", "yes", "yes", "yes", "no",
                        "yes"}))
                .column(Column.numeric("same", new double[] {1, 2, 3, 4, 5, 6, 7, 8}))
                .load();
        CheckResult r = Drift.between(ref, cur).evaluate();
        // label: ref 4/8 no, 4/8 yes; cur 1/8 no, 7/8 yes (categories in order of first appearance)
        assertThat(column(r, "label").bins()).containsExactly(new GroupResult.Bin("no", 0.5, 0.125),
                new GroupResult.Bin("yes", 0.5, 0.875));
        assertThat(column(r, "same").metric("drifted")).isEqualTo(0.0);
        assertThat(column(r, "same").bins()).isEmpty();
        JsonNode json = dev.assay.core.internal.Json.MAPPER.readTree(
                dev.assay.core.internal.Json.MAPPER.writeValueAsString(r));
        assertThat(json.get("groups").get(0).get("bins").get(1).toString())
                .isEqualTo("{\"label\":\"yes\",\"reference\":0.5,\"current\":0.875}");
        assertThat(json.get("groups").get(1).has("bins")).isFalse();
    }

    @Test
    void numericBinsAreThePsiBinsAndSumToOne() {
        Dataset ref = sample("ref", 1, 0, new String[] {"a"}, new double[] {1});
        Dataset cur = sample("cur", 2, 1.0, new String[] {"a"}, new double[] {1});
        GroupResult moved = column(Drift.between(ref, cur).columns("moved").evaluate(), "moved");
        assertThat(moved.bins()).hasSize(10);
        assertThat(moved.bins().get(0).label()).startsWith("< ");
        assertThat(moved.bins().get(9).label()).startsWith(">= ");
        assertThat(moved.bins().stream().mapToDouble(GroupResult.Bin::reference).sum()).isCloseTo(1, within(1e-9));
        assertThat(moved.bins().stream().mapToDouble(GroupResult.Bin::current).sum()).isCloseTo(1, within(1e-9));
        // deciles of the reference: about a tenth of it in each bin
        assertThat(moved.bins()).allSatisfy(b -> assertThat(b.reference()).isCloseTo(0.1, within(0.02)));
    }

    @Test
    void manyCategoriesAreCappedWithTheRestMerged() {
        int k = 40;
        java.util.List<String> labels = new java.util.ArrayList<>();
        double[] ref = new double[k];
        double[] cur = new double[k];
        double total = 0;
        for (int i = 0; i < k; i++) {
            labels.add("c" + i);
            ref[i] = i + 1; // c39 largest
            total += i + 1;
        }
        for (int i = 0; i < k; i++) {
            ref[i] /= total;
            cur[i] = i == 0 ? 0.5 : 0.5 / (k - 1); // c0 largest on the current side
        }
        java.util.List<GroupResult.Bin> bins = DriftCheck.bins(labels, ref, cur);
        assertThat(bins).hasSize(DriftCheck.MAX_BINS);
        // kept: c0 (0.5 current) and the 28 largest reference categories c12..c39, in their original order
        assertThat(bins.get(0).label()).isEqualTo("c0");
        assertThat(bins.get(1).label()).isEqualTo("c12");
        assertThat(bins.get(28).label()).isEqualTo("c39");
        assertThat(bins.get(29).label()).isEqualTo("(11 other categories)");
        // the merged bin holds c1..c11: reference (2 + ... + 12) / 820, current 11 * 0.5 / 39
        assertThat(bins.get(29).reference()).isCloseTo(77.0 / 820, within(1e-12));
        assertThat(bins.get(29).current()).isCloseTo(11 * 0.5 / 39, within(1e-12));
    }

    @Test
    void histogramSvgIsAPureFunctionThatEscapesLabels() {
        String svg = DriftCharts.histogramSvg("a<b", java.util.List.of("x & y", "z"), new double[] {0.5, 0.5},
                new double[] {0.25, 0.75});
        assertThat(svg).contains("a&lt;b").contains("x &amp; y").contains("current z: 0.75");
        assertThat(DriftCharts.histogramSvg("a<b", java.util.List.of("x & y", "z"), new double[] {0.5, 0.5},
                new double[] {0.25, 0.75})).isEqualTo(svg);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> DriftCharts.histogramSvg("t",
                java.util.List.of("a"), new double[] {1, 0}, new double[] {1}))
                .hasMessageContaining("1 bins, 2 reference and 1 current proportions");
    }

    @Test
    void histogramNumbersHaveFourSignificantDigitsAndNoExponent() {
        String svg = DriftCharts.histogramSvg("t", java.util.List.of("a", "b", "c"),
                new double[] {0.00005, 2.0 / 3, 1 - 0.00005 - 2.0 / 3}, new double[] {0.125, 0.5, 0.375});
        assertThat(svg).contains("reference a: 0.00005<").contains("reference b: 0.6667<")
                .contains("current a: 0.125<").contains("current b: 0.5<")
                // bar positions: 570 px over 3 bins, whole numbers in full
                .contains("x2=\"620\"").contains("width=\"152\"")
                .doesNotContain("e-0").doesNotContain("e+0");
    }
}
