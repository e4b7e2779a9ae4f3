package dev.assay.junit.internal;

import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import dev.assay.core.Threshold;
import dev.assay.core.Decision;
import dev.assay.core.fairness.FairnessReport;
import dev.assay.core.pii.PiiFinding;
import dev.assay.core.privacy.DpAuditResult;
import dev.assay.core.privacy.PrivacyLedger;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Failure messages of the assertions on fairness reports, PII findings, privacy ledgers and DP audits, in
 * AssertJ's voice. Only masked PII values ever appear. Internal: not part of Assay's API.
 */
public final class ReportMessages {
    private static final String NL = System.lineSeparator();
    /** How many findings a message lists. */
    static final int FINDINGS_SHOWN = 10;

    private ReportMessages() {
    }

    // ------------------------------------------------------------------------------------------------- fairness

    /**
     * {@code aggregate} of the per-group metric {@code base} did not satisfy {@code threshold} under
     * {@code decision}: the value with its interval, the bound, and every group's value with its interval.
     */
    public static ErrorMessageFactory fairnessShouldBe(FairnessReport r, String base, FairnessReport.Value aggregate,
                                                       Threshold threshold, Decision decision) {
        return CheckMessages.text("Expecting " + aggregate.metric() + " over the groups of " + r.by() + ":" + NL
                + "  " + value(aggregate.value(), aggregate.ci(), r.confidence()) + NL
                + "to be " + threshold.describe() + " (decision: " + decision.json() + ")" + NL
                + base + " per group:" + NL + groups(r, base));
    }

    public static ErrorMessageFactory fairnessMetricMissing(FairnessReport r, String base) {
        List<String> metrics = r.overall().metrics().keySet().stream().filter(m -> !m.equals("count")).toList();
        return CheckMessages.text("Expecting the fairness report by " + r.by() + " to have the per-group metric:"
                + NL + "  " + base + NL + "but its metrics are:" + NL + "  " + metrics + NL
                + "(add it with Fairness.of(model)...frame(BaseMetric." + base.toUpperCase(java.util.Locale.ROOT)
                + "))");
    }

    public static ErrorMessageFactory fairnessShouldHaveNoSmallGroups(FairnessReport r) {
        StringBuilder sb = new StringBuilder("Expecting every group of " + r.by()
                + " to be large enough to be judged, but these were left out:");
        for (GroupResult g : r.smallGroups()) {
            sb.append(NL).append("  ").append(g.label()).append(" (n=").append(g.n()).append("): ")
                    .append(g.excluded());
        }
        return CheckMessages.text(sb.toString());
    }

    /** One line per group (and overall): value, interval, size, and whether it was left out. */
    public static String groups(FairnessReport r, String base) {
        List<GroupResult> all = new ArrayList<>(r.groups());
        all.add(r.overall());
        StringBuilder sb = new StringBuilder();
        for (GroupResult g : all) {
            if (sb.length() > 0) {
                sb.append(NL);
            }
            sb.append("  ").append(g.label()).append(' ')
                    .append(value(g.metric(base), g.ci().get(base), null)).append(" n=").append(g.n());
            if (g.excluded() != null) {
                sb.append(" (left out: ").append(g.excluded()).append(')');
            }
        }
        return sb.toString();
    }

    private static String value(double v, Interval ci, Double confidence) {
        return CheckMessages.number(v) + (ci == null ? "" : " " + ci)
                + (ci == null || confidence == null ? "" : " (" + CheckMessages.percent(confidence) + ")");
    }

    // ------------------------------------------------------------------------------------------------------ pii

    public static ErrorMessageFactory shouldHaveNoFindings(String subject, Collection<String> entities,
                                                           List<String> found, int total) {
        StringBuilder sb = new StringBuilder("Expecting " + subject + " to have no PII findings"
                + (entities.isEmpty() ? "" : " of " + entities) + ", but found " + total + ":");
        for (String f : found.subList(0, Math.min(FINDINGS_SHOWN, found.size()))) {
            sb.append(NL).append("  ").append(f);
        }
        if (found.size() > FINDINGS_SHOWN) {
            sb.append(NL).append("  ... and ").append(found.size() - FINDINGS_SHOWN).append(" more");
        }
        return CheckMessages.text(sb.toString());
    }

    public static ErrorMessageFactory shouldHaveFindingsOf(String subject, String entity, List<String> found) {
        StringBuilder sb = new StringBuilder("Expecting " + subject + " to have a PII finding of " + entity
                + ", but " + (found.isEmpty() ? "it has no findings" : "its findings are:"));
        for (String f : found.subList(0, Math.min(FINDINGS_SHOWN, found.size()))) {
            sb.append(NL).append("  ").append(f);
        }
        return CheckMessages.text(sb.toString());
    }

    /** A finding as a message line: entity, span, masked value, score and hash; never the raw value. */
    public static String finding(PiiFinding f) {
        return f.entity() + " at [" + f.start() + ", " + f.end() + ") " + f.masked() + " (score "
                + CheckMessages.number(f.score()) + ", " + f.hash() + ")";
    }

    // -------------------------------------------------------------------------------------------------- privacy

    public static ErrorMessageFactory ledgerShouldBeWithin(PrivacyLedger ledger, double maxEpsilon) {
        return CheckMessages.text(budgetExceeded(ledger, maxEpsilon));
    }

    /** The readable ledger of an exceeded budget: every spend, then the total against the budget. */
    public static String budgetExceeded(PrivacyLedger ledger, double maxEpsilon) {
        return "Expecting the privacy spends to compose to at most epsilon " + CheckMessages.number(maxEpsilon)
                + " at delta " + ledger.delta() + ", but they compose to " + CheckMessages.number(ledger.totalEpsilon())
                + ":" + NL + indent(ledger.describe());
    }

    public static ErrorMessageFactory ledgerShouldHaveSpends(PrivacyLedger ledger, int expected) {
        return CheckMessages.text("Expecting the privacy ledger to have " + expected + " spends, but it has "
                + ledger.spends().size() + ":" + NL + indent(ledger.describe()));
    }

    public static ErrorMessageFactory auditShouldPass(DpAuditResult r) {
        return CheckMessages.text("Expecting DP audit <" + r.toCheckResult().name() + "> to find no violation,"
                + " but:" + NL + "  " + r.describe());
    }

    public static ErrorMessageFactory auditShouldFail(DpAuditResult r) {
        return CheckMessages.text("Expecting DP audit <" + r.toCheckResult().name() + "> to catch a violation of the"
                + " claim, but:" + NL + "  " + r.describe());
    }

    public static ErrorMessageFactory auditBound(DpAuditResult r, String relation, double bound) {
        return CheckMessages.text("Expecting the epsilon lower bound of DP audit <" + r.toCheckResult().name()
                + ">:" + NL + "  " + CheckMessages.number(r.epsilonLowerBound()) + NL + relation + ":" + NL + "  "
                + CheckMessages.number(bound) + NL + "  " + r.describe());
    }

    private static String indent(String text) {
        return "  " + text.replace("\n", NL + "  ");
    }
}
