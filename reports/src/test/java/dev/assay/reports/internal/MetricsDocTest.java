package dev.assay.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.PerformanceCheck;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * docs/metrics.md, which every check's Allure result links to, has an anchor for every link target the writer can
 * produce: each documented kind, each performance metric, each named metric of the fairness catalogue, the
 * aggregates' section, and the metric of every other kind.
 */
class MetricsDocTest {
    /** The metric of each kind that has a fixed one (see the checks in harness-core). */
    private static final List<String> FIXED_METRICS = List.of("drifted_share", "epsilon", "epsilon_lower_bound",
            "failed_expectations", "flip_rate", "violation_rate", "pii_findings", "auc", "advantage",
            "tpr_at_fpr_1pct", "tpr_at_fpr_0_1pct", "flip_rate_within_radius", "median_distance",
            "attack_success_rate", "exact_extraction_rate", "fuzzy_extraction_rate", "failure_rate",
            "inconsistency_rate");

    private static Set<String> anchors() throws IOException {
        Path doc = Path.of("..", ReportLinks.METRICS_DOC);
        assertThat(doc).as("docs/metrics.md at the project root").exists();
        Matcher m = Pattern.compile("<a id=\"([^\"]+)\"></a>").matcher(Files.readString(doc, StandardCharsets.UTF_8));
        Set<String> anchors = new HashSet<>();
        List<String> duplicates = new java.util.ArrayList<>();
        while (m.find()) {
            if (!anchors.add(m.group(1))) {
                duplicates.add(m.group(1));
            }
        }
        assertThat(duplicates).as("anchors defined twice").isEmpty();
        return anchors;
    }

    @Test
    void every_link_target_has_an_anchor() throws IOException {
        Set<String> anchors = anchors();

        assertThat(anchors).containsAll(ReportLinks.DOCUMENTED_KINDS.stream().map(ReportLinks::kindAnchor).toList());
        for (PerformanceCheck.Metric metric : PerformanceCheck.Metric.values()) {
            assertThat(anchors).contains(ReportLinks.metricAnchor("performance", metric.id()));
        }
        assertThat(ReportLinks.NAMED_FAIRNESS_METRICS).hasSizeGreaterThan(30);
        for (String metric : ReportLinks.NAMED_FAIRNESS_METRICS) {
            assertThat(anchors).as("fairness metric " + metric).contains(ReportLinks.metricAnchor("fairness", metric));
        }
        for (String metric : FIXED_METRICS) {
            assertThat(anchors).contains(metric);
        }
    }

    @Test
    void derived_and_compare_metrics_link_to_their_sections() throws IOException {
        assertThat(ReportLinks.metricAnchor("fairness", "accuracy_difference"))
                .isEqualTo(ReportLinks.DERIVED_GROUP_METRICS);
        assertThat(ReportLinks.metricAnchor("fairness", "selection_rate_group_min"))
                .isEqualTo(ReportLinks.DERIVED_GROUP_METRICS);
        assertThat(ReportLinks.metricAnchor("fairness", "equalized_odds_difference"))
                .isEqualTo("equalized_odds_difference");
        assertThat(ReportLinks.metricAnchor("compare", "recall_difference")).isEqualTo("compare");
        assertThat(ReportLinks.metricAnchor("drift", null)).isEqualTo("drift");
        assertThat(anchors()).contains(ReportLinks.DERIVED_GROUP_METRICS, "compare");
    }
}
