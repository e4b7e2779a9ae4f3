package dev.assay.junit;

import dev.assay.core.privacy.DpAuditResult;
import dev.assay.junit.internal.ReportMessages;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a black-box {@link dev.assay.core.privacy.DpAudit} result; get one with
 * {@link AssayAssertions#assertThat(DpAuditResult)}.
 *
 * <pre>{@code
 * assertThat(DpAudit.of(mechanism).neighbours(0.0, 1.0).claims(0.5).run()).passes();
 * }</pre>
 *
 * <p>{@link #passes()} holds when the audit's ε lower bound (at its confidence) does not exceed the claimed ε;
 * {@link #fails()} when it does, which is how a test shows that a buggy mechanism is caught. Messages give the bound,
 * the estimate, the event and its counts on both inputs. The assertion does not add to the evidence: evaluate a
 * {@code DpAuditCheck}, or record {@link DpAuditResult#toCheckResult()}, for that.
 *
 * @since 0.1
 */
public class DpAuditResultAssert extends AbstractAssert<DpAuditResultAssert, DpAuditResult> {

    /** Prefer {@link AssayAssertions#assertThat(DpAuditResult)}. */
    public DpAuditResultAssert(DpAuditResult actual) {
        super(actual, DpAuditResultAssert.class);
    }

    /** Verifies that the audit found no violation of the claim. */
    public DpAuditResultAssert passes() {
        isNotNull();
        if (!actual.passed()) {
            throwAssertionError(ReportMessages.auditShouldPass(actual));
        }
        return myself;
    }

    /** Verifies that the audit proved a violation of the claim. */
    public DpAuditResultAssert fails() {
        isNotNull();
        if (actual.passed()) {
            throwAssertionError(ReportMessages.auditShouldFail(actual));
        }
        return myself;
    }

    /** Verifies that the ε lower bound is at least {@code min}. */
    public DpAuditResultAssert hasEpsilonLowerBoundAtLeast(double min) {
        isNotNull();
        if (!(actual.epsilonLowerBound() >= min)) {
            throwAssertionError(ReportMessages.auditBound(actual, "to be at least", min));
        }
        return myself;
    }

    /** Verifies that the ε lower bound is at most {@code max}. */
    public DpAuditResultAssert hasEpsilonLowerBoundAtMost(double max) {
        isNotNull();
        if (!(actual.epsilonLowerBound() <= max)) {
            throwAssertionError(ReportMessages.auditBound(actual, "to be at most", max));
        }
        return myself;
    }
}
