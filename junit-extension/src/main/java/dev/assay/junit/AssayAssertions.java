package dev.assay.junit;

import dev.assay.core.CheckResult;
import dev.assay.core.GroupResult;
import dev.assay.core.fairness.FairnessReport;
import dev.assay.core.pii.PiiFinding;
import dev.assay.core.privacy.DpAuditResult;
import dev.assay.core.privacy.PrivacyLedger;
import dev.assay.core.robustness.TextAnswer;
import java.util.List;
import org.assertj.core.annotation.CheckReturnValue;

/**
 * Entry point for AssertJ assertions on Assay's results.
 *
 * <pre>{@code
 * import static dev.assay.junit.AssayAssertions.assertThat;
 *
 * assertThat(Performance.of(model).on(holdout).by("sex").atLeast(0.8).evaluate()).passes();
 * assertThat(Fairness.of(model).on(holdout).by("sex").report()).metric(SELECTION_RATE).ratioAtLeast(0.8);
 * assertThat(PiiScanner.defaults().scan(answer)).hasNoFindingsOf(CREDIT_CARD, EMAIL_ADDRESS);
 * assertThat(ledger).hasTotalEpsilonAtMost(1.0);
 * assertThat(DpAudit.of(mechanism).neighbours(0.0, 1.0).claims(0.5).run()).passes();
 * assertThat(TextAnswer.ask(assistant, "Capital of France?")).satisfies(TextAssertions.contains("Paris"));
 * assertThat(Expect.of(model).cases(...).evaluate()).passes().hasNoFailingCases();
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

    /** Assertions on a fairness report: ratios, differences, group minima and maxima of its per-group metrics. */
    public static FairnessReportAssert assertThat(FairnessReport actual) {
        return new FairnessReportAssert(actual);
    }

    /** Assertions on PII findings ({@code PiiScanner.scan(text)}). */
    public static PiiFindingsAssert assertThat(List<PiiFinding> actual) {
        return new PiiFindingsAssert(actual);
    }

    /** Assertions on a privacy ledger's composed spends. */
    public static PrivacyLedgerAssert assertThat(PrivacyLedger actual) {
        return new PrivacyLedgerAssert(actual);
    }

    /**
     * Assertions on a text model's answer with the text assertions of the {@code expect} check
     * ({@code assertThat(TextAnswer.ask(model, prompt)).satisfies(TextAssertions.contains("Paris")).isNotRefusal()}).
     */
    public static TextAnswerAssert assertThat(TextAnswer actual) {
        return new TextAnswerAssert(actual);
    }

    /** Assertions on a black-box DP audit's result. */
    public static DpAuditResultAssert assertThat(DpAuditResult actual) {
        return new DpAuditResultAssert(actual);
    }
}
