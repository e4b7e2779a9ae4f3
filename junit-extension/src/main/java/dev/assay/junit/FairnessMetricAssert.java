package dev.assay.junit;

import dev.assay.core.AssayException;
import dev.assay.core.Decision;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import dev.assay.core.fairness.FairnessReport;
import dev.assay.junit.internal.ReportMessages;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one per-group metric of a {@link FairnessReport}: reached through
 * {@link FairnessReportAssert#metric(String)}.
 *
 * <pre>{@code
 * assertThat(report).metric(SELECTION_RATE).ratioAtLeast(0.8);                       // four-fifths rule
 * assertThat(report).metric(TRUE_POSITIVE_RATE).decision(Decision.STRICT).differenceAtMost(0.1);
 * }</pre>
 *
 * <p>Ratio and difference are Fairlearn's {@code between_groups} aggregates (min / max and max - min over the
 * groups that are not left out), as the report computed them, with their bootstrap intervals. The decision rule
 * ({@code point} by default) says whether the estimate ({@code point}), the whole interval ({@code strict}) or any
 * part of it ({@code lenient}) must satisfy the bound. An undefined aggregate (no group with a value, 0/0) cannot be
 * judged: the assertion throws an {@link AssayException}, never passes.
 *
 * @since 0.1
 */
public class FairnessMetricAssert extends AbstractAssert<FairnessMetricAssert, FairnessReport> {
    private final String base;
    private Decision decision = Decision.POINT;

    FairnessMetricAssert(FairnessReport actual, String base) {
        super(actual, FairnessMetricAssert.class);
        this.base = base;
    }

    /** The decision rule of the following assertions ({@code point} unless set). */
    public FairnessMetricAssert decision(Decision decision) {
        this.decision = Objects.requireNonNull(decision, "decision");
        return myself;
    }

    /** Verifies that the smallest group value over the largest ({@code <metric>_ratio}) is at least {@code min}. */
    public FairnessMetricAssert ratioAtLeast(double min) {
        return judge("_ratio", Threshold.atLeast(min));
    }

    /** Verifies that the largest minus the smallest group value ({@code <metric>_difference}) is at most {@code max}. */
    public FairnessMetricAssert differenceAtMost(double max) {
        return judge("_difference", Threshold.atMost(max));
    }

    /** Verifies that every group's value is at least {@code min} ({@code <metric>_group_min}). */
    public FairnessMetricAssert groupMinAtLeast(double min) {
        return judge("_group_min", Threshold.atLeast(min));
    }

    /** Verifies that every group's value is at most {@code max} ({@code <metric>_group_max}). */
    public FairnessMetricAssert groupMaxAtMost(double max) {
        return judge("_group_max", Threshold.atMost(max));
    }

    private FairnessMetricAssert judge(String suffix, Threshold threshold) {
        isNotNull();
        FairnessReport.Value v = actual.aggregate(base + suffix).orElseThrow(() -> new AssayException(
                "the fairness report has no " + base + suffix + "; its aggregates are " + actual.aggregates()));
        Verdict verdict = threshold.judge(v.value(), v.ci(), decision);
        if (verdict == Verdict.ERROR || Double.isInfinite(v.value())) {
            throw new AssayException(descriptionPrefix() + base + suffix + " over the groups of " + actual.by()
                    + " is undefined, so it cannot be judged; " + base + " per group:"
                    + System.lineSeparator() + ReportMessages.groups(actual, base));
        }
        if (verdict == Verdict.FAIL) {
            throwAssertionError(ReportMessages.fairnessShouldBe(actual, base, v, threshold, decision));
        }
        return myself;
    }

    private String descriptionPrefix() {
        String d = descriptionText();
        return d == null || d.isEmpty() ? "" : "[" + d + "] ";
    }
}
