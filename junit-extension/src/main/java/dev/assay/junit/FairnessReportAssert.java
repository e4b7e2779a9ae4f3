package dev.assay.junit;

import dev.assay.core.fairness.BaseMetric;
import dev.assay.core.fairness.FairnessReport;
import dev.assay.junit.internal.ReportMessages;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.annotation.CheckReturnValue;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link FairnessReport}; get one with {@link AssayAssertions#assertThat(FairnessReport)}.
 *
 * <pre>{@code
 * FairnessReport report = Fairness.of(model).on(holdout).by("sex").frame(BaseMetric.TRUE_POSITIVE_RATE).report();
 * assertThat(report).metric(SELECTION_RATE).ratioAtLeast(0.8);
 * assertThat(report).metric(TRUE_POSITIVE_RATE).differenceAtMost(0.1);
 * }</pre>
 *
 * <p>A report is not judged by itself: these assertions judge its per-group tables (with the
 * {@link FairnessMetricAssert#decision(dev.assay.core.Decision) decision rule} given, {@code point} by default),
 * and their failure messages show the aggregate with its interval and every group's value with its interval. They
 * do not add to the evidence: for a gate recorded in {@code evidence.json}, evaluate a check
 * ({@code Fairness.of(model)...min(0.8).evaluate()}) or use {@link FairnessGate @FairnessGate}.
 *
 * @since 0.1
 */
public class FairnessReportAssert extends AbstractAssert<FairnessReportAssert, FairnessReport> {

    /** Prefer {@link AssayAssertions#assertThat(FairnessReport)}. */
    public FairnessReportAssert(FairnessReport actual) {
        super(actual, FairnessReportAssert.class);
    }

    /**
     * Assertions on one per-group metric of the report ({@code selection_rate}, {@code true_positive_rate}, ...;
     * see {@link dev.assay.core.fairness.FairnessMetrics}): its ratio, difference, group minimum and maximum.
     * The metric must be in the report's frame.
     */
    @CheckReturnValue
    public FairnessMetricAssert metric(String base) {
        Objects.requireNonNull(base, "base");
        isNotNull();
        String id = BaseMetric.parse(base).id();
        if (!actual.overall().metrics().containsKey(id)) {
            throwAssertionError(ReportMessages.fairnessMetricMissing(actual, id));
        }
        FairnessMetricAssert a = new FairnessMetricAssert(actual, id);
        String description = descriptionText();
        if (description != null && !description.isEmpty()) {
            a.as("%s", description);
        }
        return a;
    }

    /** As {@link #metric(String)}. */
    @CheckReturnValue
    public FairnessMetricAssert metric(BaseMetric base) {
        return metric(Objects.requireNonNull(base, "base").id());
    }

    /** Verifies that no group was left out as smaller than {@code min-group-size}. */
    public FairnessReportAssert hasNoSmallGroups() {
        isNotNull();
        if (!actual.smallGroups().isEmpty()) {
            throwAssertionError(ReportMessages.fairnessShouldHaveNoSmallGroups(actual));
        }
        return myself;
    }

    /** Assertions on one group's row, given as {@code "column=value"} strings (as {@link CheckResultAssert#group}). */
    @CheckReturnValue
    public GroupResultAssert group(String... cells) {
        isNotNull();
        Map<String, String> group = CheckResultAssert.parse(cells);
        return actual.groups().stream().filter(g -> g.group().equals(group)).findFirst()
                .map(GroupResultAssert::new)
                .orElseThrow(() -> failure("%nExpecting the fairness report by %s to have group:%n  %s%nbut its"
                        + " groups are:%n%s", actual.by(), group, ReportMessages.groups(actual,
                        actual.overall().metrics().keySet().iterator().next())));
    }
}
