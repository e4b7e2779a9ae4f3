package dev.assay.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.GroupResult;
import dev.assay.core.Models;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every value of {@code synthetic_oracle_100k.json} (Fairlearn 0.14.0 on {@code synthetic_100k.csv}, identical to
 * the numpy reference) must be reproduced to 1e-12.
 */
class FairnessOracleTest {
    private static final double TOL = 1e-12;
    private static final BaseMetric[] FRAME = {BaseMetric.SELECTION_RATE, BaseMetric.TRUE_POSITIVE_RATE,
        BaseMetric.FALSE_POSITIVE_RATE, BaseMetric.ACCURACY, BaseMetric.COUNT};
    private static Dataset data;
    private static JsonNode oracle;
    private static int compared;

    @BeforeAll
    static void load() throws Exception {
        Path dir = Path.of(FairnessOracleTest.class.getResource("/fairness/synthetic_100k.csv").toURI()).getParent();
        data = Datasets.csv(dir.resolve("synthetic_100k.csv")).label("y_true").load();
        oracle = new ObjectMapper().readTree(dir.resolve("synthetic_oracle_100k.json").toFile()).get("fairlearn");
    }

    private static String id(String oracleName) {
        switch (oracleName) {
            case "tpr": return "true_positive_rate";
            case "fpr": return "false_positive_rate";
            default: return oracleName;
        }
    }

    private static Fairness.Builder base() {
        return Fairness.of(Models.predictions("y_pred")).on(data).bootstrap(0).minGroupSize(0).frame(FRAME);
    }

    private static FairnessReport frame(String method, String... by) {
        return base().by(by).method(method).report();
    }

    private static void close(double actual, JsonNode expected, String what) {
        assertThat(actual).as(what).isCloseTo(expected.asDouble(), within(TOL));
        compared++;
    }

    private static GroupResult group(FairnessReport r, Map<String, String> key) {
        return r.groups().stream().filter(g -> g.group().equals(key)).findFirst()
                .orElseThrow(() -> new AssertionError("no group " + key + " in " + r.groups()));
    }

    @Test
    void intersectionalFrameMatchesFairlearn() {
        FairnessReport between = frame("between_groups", "group", "sex");
        FairnessReport toOverall = frame("to_overall", "group", "sex");
        for (Iterator<String> it = oracle.get("overall").fieldNames(); it.hasNext(); ) {
            String m = it.next();
            close(between.overall().metric(id(m)), oracle.get("overall").get(m), "overall " + m);
        }
        JsonNode rows = oracle.get("by_group");
        assertThat(between.groups()).hasSize(rows.size());
        for (JsonNode row : rows) {
            GroupResult g = group(between, Map.of("group", row.get("group").asText(), "sex", row.get("sex").asText()));
            for (Iterator<String> it = row.fieldNames(); it.hasNext(); ) {
                String m = it.next();
                if (m.equals("group") || m.equals("sex")) {
                    continue;
                }
                close(g.metric(id(m)), row.get(m), g.label() + " " + m);
            }
            assertThat((double) g.n()).isEqualTo(row.get("count").asDouble());
        }
        for (String agg : List.of("group_min", "group_max")) {
            for (Iterator<String> it = oracle.get(agg).fieldNames(); it.hasNext(); ) {
                String m = it.next();
                close(between.aggregate(id(m) + "_" + agg).orElseThrow().value(), oracle.get(agg).get(m), agg + " " + m);
            }
        }
        for (String agg : List.of("difference", "ratio")) {
            for (String method : List.of("between_groups", "to_overall")) {
                FairnessReport r = method.equals("between_groups") ? between : toOverall;
                JsonNode expected = oracle.get(agg).get(method);
                for (Iterator<String> it = expected.fieldNames(); it.hasNext(); ) {
                    String m = it.next();
                    close(r.aggregate(id(m) + "_" + agg).orElseThrow().value(), expected.get(m),
                            agg + " " + method + " " + m);
                }
            }
        }
    }

    @Test
    void fairnessFunctionsMatchFairlearn() {
        JsonNode fn = oracle.get("functions");
        close(headline("demographic_parity_difference", null, null), fn.get("demographic_parity_difference"), "DPD");
        close(headline("demographic_parity_ratio", null, null), fn.get("demographic_parity_ratio"), "DPR");
        close(headline("equalized_odds_difference", null, null), fn.get("equalized_odds_difference"), "EOD");
        close(headline("equalized_odds_difference", null, "mean"), fn.get("equalized_odds_difference_mean"),
                "EOD mean");
        close(headline("equalized_odds_ratio", null, null), fn.get("equalized_odds_ratio"), "EOR");
        close(headline("equal_opportunity_difference", null, null), fn.get("equal_opportunity_difference"), "EOpD");
        close(headline("equal_opportunity_ratio", null, null), fn.get("equal_opportunity_ratio"), "EOpR");
        close(headline("demographic_parity_difference", "to_overall", null),
                fn.get("demographic_parity_difference_to_overall"), "DPD to_overall");
        close(headline("equalized_odds_difference", "to_overall", null),
                fn.get("equalized_odds_difference_to_overall"), "EOD to_overall");
    }

    private static double headline(String metric, String method, String agg) {
        Fairness.Builder b = base().by("group", "sex").metric(metric);
        if (method != null) {
            b.method(method);
        }
        if (agg != null) {
            b.agg(agg);
        }
        return b.report().value();
    }

    @Test
    void singleFeatureFramesMatchFairlearn() {
        JsonNode extra = oracle.get("extra");
        for (String[] view : new String[][] {{"by_group", "group"}, {"by_sex", "sex"}}) {
            JsonNode expected = extra.get(view[0]);
            FairnessReport r = frame("between_groups", view[1]);
            assertThat(r.groups()).hasSize(expected.get("by_group").size());
            for (Iterator<Map.Entry<String, JsonNode>> it = expected.get("by_group").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                GroupResult g = group(r, Map.of(view[1], e.getKey()));
                for (Iterator<String> ms = e.getValue().fieldNames(); ms.hasNext(); ) {
                    String m = ms.next();
                    close(g.metric(id(m)), e.getValue().get(m), view[0] + " " + e.getKey() + " " + m);
                }
            }
            for (String agg : List.of("difference", "ratio")) {
                JsonNode ex = expected.get(agg + "_between_groups");
                for (Iterator<String> it = ex.fieldNames(); it.hasNext(); ) {
                    String m = it.next();
                    close(r.aggregate(id(m) + "_" + agg).orElseThrow().value(), ex.get(m), view[0] + " " + agg + " " + m);
                }
            }
        }
    }

    @Test
    void controlFeaturesMatchFairlearn() {
        JsonNode expected = oracle.get("extra").get("sensitive_group_control_sex");
        FairnessReport r = base().by("group").controlFeatures("sex").report();
        List<String> levels = new ArrayList<>();
        expected.get("overall").fieldNames().forEachRemaining(levels::add);
        assertThat(levels).containsExactly("F", "M");
        for (String level : levels) {
            String suffix = "{sex=" + level + "}";
            JsonNode ov = expected.get("overall").get(level);
            for (Iterator<String> it = ov.fieldNames(); it.hasNext(); ) {
                String m = it.next();
                close(r.aggregate(id(m) + suffix).orElseThrow().value(), ov.get(m), "overall " + level + " " + m);
            }
            for (String agg : List.of("difference", "ratio")) {
                JsonNode ex = expected.get(agg + "_between_groups").get(level);
                for (Iterator<String> it = ex.fieldNames(); it.hasNext(); ) {
                    String m = it.next();
                    close(r.aggregate(id(m) + "_" + agg + suffix).orElseThrow().value(), ex.get(m),
                            agg + " " + level + " " + m);
                }
            }
        }
        // the check's single value with control features is the worst level
        double worst = Math.max(expected.get("difference_between_groups").get("F").get("selection_rate").asDouble(),
                expected.get("difference_between_groups").get("M").get("selection_rate").asDouble());
        assertThat(r.aggregate("selection_rate_difference").orElseThrow().value()).isCloseTo(worst, within(TOL));
    }

    @Test
    void theWholeOracleWasCompared() {
        compared = 0;
        intersectionalFrameMatchesFairlearn();
        fairnessFunctionsMatchFairlearn();
        singleFeatureFramesMatchFairlearn();
        controlFeaturesMatchFairlearn();
        // 5 overall + 16x5 by group + 10 min/max + 20 difference/ratio + 9 functions
        // + (8x5 + 10) + (2x5 + 10) single features + 2x(5 + 5 + 5) control levels
        assertThat(compared).isEqualTo(5 + 80 + 10 + 20 + 9 + 50 + 20 + 30);
    }
}
