package dev.assay.junit;

import dev.assay.core.CheckResult;
import dev.assay.core.GroupResult;
import org.assertj.core.annotation.CheckReturnValue;

/**
 * Entry point for AssertJ assertions on Assay's results.
 *
 * <pre>{@code
 * import static dev.assay.junit.AssayAssertions.assertThat;
 *
 * assertThat(Performance.of(model).on(holdout).by("sex").atLeast(0.8).evaluate()).passes();
 * }</pre>
 *
 * @since 0.1
 */
@CheckReturnValue
public final class AssayAssertions {
    private AssayAssertions() {
    }

    /** Assertions on a check's result. */
    public static CheckResultAssert assertThat(CheckResult actual) {
        return new CheckResultAssert(actual);
    }

    /** Assertions on one group's row of a check's result. */
    public static GroupResultAssert assertThat(GroupResult actual) {
        return new GroupResultAssert(actual);
    }
}
