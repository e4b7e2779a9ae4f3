package dev.assay.junit;

import dev.assay.core.GroupResult;
import dev.assay.junit.internal.CheckMessages;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one group's row of a check; reached through {@link CheckResultAssert#group(String...)} or
 * {@link AssayAssertions#assertThat(GroupResult)}.
 *
 * @since 0.1
 */
public class GroupResultAssert extends AbstractAssert<GroupResultAssert, GroupResult> {

    /** Prefer {@link AssayAssertions#assertThat(GroupResult)}. */
    public GroupResultAssert(GroupResult actual) {
        super(actual, GroupResultAssert.class);
    }

    /** Verifies the group's sample size. */
    public GroupResultAssert hasSize(long n) {
        isNotNull();
        if (actual.n() != n) {
            throwAssertionError(CheckMessages.shouldHaveGroupSize(actual, n));
        }
        return myself;
    }

    /** Verifies that {@code metric} of the group is at least {@code min}. */
    public GroupResultAssert hasMetricAtLeast(String metric, double min) {
        if (!(metric(metric) >= min)) {
            throwAssertionError(CheckMessages.shouldHaveGroupMetricAtLeast(actual, metric, min));
        }
        return myself;
    }

    /** Verifies that {@code metric} of the group is at most {@code max}. */
    public GroupResultAssert hasMetricAtMost(String metric, double max) {
        if (!(metric(metric) <= max)) {
            throwAssertionError(CheckMessages.shouldHaveGroupMetricAtMost(actual, metric, max));
        }
        return myself;
    }

    /** Verifies that {@code metric} of the group is within {@code tolerance} of {@code expected}. */
    public GroupResultAssert hasMetricCloseTo(String metric, double expected, double tolerance) {
        if (!(Math.abs(metric(metric) - expected) <= tolerance)) {
            throwAssertionError(CheckMessages.shouldHaveGroupMetricCloseTo(actual, metric, expected, tolerance));
        }
        return myself;
    }

    /** Verifies that the group was left out of the verdict (for example, smaller than the minimum group size). */
    public GroupResultAssert isExcluded() {
        isNotNull();
        if (actual.excluded() == null) {
            throwAssertionError(CheckMessages.shouldBeExcluded(actual, true));
        }
        return myself;
    }

    /** Verifies that the group counted in the verdict. */
    public GroupResultAssert isNotExcluded() {
        isNotNull();
        if (actual.excluded() != null) {
            throwAssertionError(CheckMessages.shouldBeExcluded(actual, false));
        }
        return myself;
    }

    private double metric(String metric) {
        isNotNull();
        double v = actual.metric(metric);
        if (Double.isNaN(v)) {
            throwAssertionError(CheckMessages.shouldHaveGroupMetric(actual, metric));
        }
        return v;
    }
}
