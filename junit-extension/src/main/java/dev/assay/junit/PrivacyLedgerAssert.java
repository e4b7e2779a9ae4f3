package dev.assay.junit;

import dev.assay.core.privacy.PrivacyLedger;
import dev.assay.junit.internal.ReportMessages;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link PrivacyLedger}; get one with {@link AssayAssertions#assertThat(PrivacyLedger)}.
 *
 * <pre>{@code
 * assertThat(ledger).hasTotalEpsilonAtMost(1.0);
 * }</pre>
 *
 * <p>Failure messages show the ledger: every spend, the composed ε at the ledger's δ and the accountant. A ledger
 * whose spends its accountant cannot compose throws the accountant's {@link IllegalArgumentException}: it cannot be
 * judged.
 *
 * @since 0.1
 */
public class PrivacyLedgerAssert extends AbstractAssert<PrivacyLedgerAssert, PrivacyLedger> {

    /** Prefer {@link AssayAssertions#assertThat(PrivacyLedger)}. */
    public PrivacyLedgerAssert(PrivacyLedger actual) {
        super(actual, PrivacyLedgerAssert.class);
    }

    /** Verifies that the spends compose to at most {@code maxEpsilon} at the ledger's δ. */
    public PrivacyLedgerAssert hasTotalEpsilonAtMost(double maxEpsilon) {
        isNotNull();
        if (!(actual.totalEpsilon() <= maxEpsilon)) {
            throwAssertionError(ReportMessages.ledgerShouldBeWithin(actual, maxEpsilon));
        }
        return myself;
    }

    /** Verifies the number of recorded spends. */
    public PrivacyLedgerAssert hasSpends(int expected) {
        isNotNull();
        if (actual.spends().size() != expected) {
            throwAssertionError(ReportMessages.ledgerShouldHaveSpends(actual, expected));
        }
        return myself;
    }
}
