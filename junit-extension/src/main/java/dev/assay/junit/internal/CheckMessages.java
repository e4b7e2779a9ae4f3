package dev.assay.junit.internal;

import dev.assay.core.CheckResult;
import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import dev.assay.core.Verdict;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Map;
import org.assertj.core.description.Description;
import org.assertj.core.description.TextDescription;
import org.assertj.core.error.DescriptionFormatter;
import org.assertj.core.error.ErrorMessageFactory;
import org.assertj.core.presentation.Representation;
import org.assertj.core.presentation.StandardRepresentation;

/**
 * The failure messages of Assay's assertions, in AssertJ's voice: what was expected, what was found, and the
 * check's metric, value, interval, threshold, decision rule and worst groups. Kept apart from the assertions so
 * the wording can be tested on its own. Internal: not part of Assay's API.
 */
public final class CheckMessages {
    /** How many of the worst groups a message lists. */
    static final int GROUPS_SHOWN = 3;
    private static final String NL = System.lineSeparator();

    private CheckMessages() {
    }

    public static ErrorMessageFactory shouldPass(CheckResult r) {
        return message("Expecting check <" + r.name() + "> to pass, but it failed:" + NL + summary(r));
    }

    public static ErrorMessageFactory shouldFail(CheckResult r) {
        return message("Expecting check <" + r.name() + "> to fail, but it passed:" + NL + summary(r));
    }

    public static ErrorMessageFactory shouldHaveVerdict(CheckResult r, Verdict expected) {
        return message("Expecting check <" + r.name() + "> to have verdict <" + expected.json() + ">, but it was <"
                + r.verdict().json() + ">:" + NL + summary(r));
    }

    public static ErrorMessageFactory shouldHaveValue(CheckResult r) {
        return message("Expecting check <" + r.name() + "> to have a value"
                + (r.metric() != null ? " for " + r.metric() : "") + ", but it has none:" + NL + summary(r));
    }

    public static ErrorMessageFactory shouldHaveValueAtLeast(CheckResult r, double min) {
        return valueBound(r, "to be at least", min);
    }

    public static ErrorMessageFactory shouldHaveValueAtMost(CheckResult r, double max) {
        return valueBound(r, "to be at most", max);
    }

    private static ErrorMessageFactory valueBound(CheckResult r, String relation, double bound) {
        return message("Expecting " + metricOf(r) + " of check <" + r.name() + ">:" + NL
                + "  " + number(r.value()) + NL
                + relation + ":" + NL
                + "  " + number(bound) + NL
                + summary(r));
    }

    public static ErrorMessageFactory shouldHaveInterval(CheckResult r) {
        return message("Expecting check <" + r.name() + "> to have a confidence interval"
                + (r.metric() != null ? " for " + r.metric() : "") + ", but it has none:" + NL + summary(r));
    }

    public static ErrorMessageFactory shouldHaveIntervalWithin(CheckResult r, double lower, double upper) {
        return message("Expecting the " + percent(r.confidence()) + " interval of " + metricOf(r) + " of check <"
                + r.name() + ">:" + NL
                + "  " + r.ci() + NL
                + "to lie within:" + NL
                + "  [" + number(lower) + ", " + number(upper) + "]" + NL
                + summary(r));
    }

    public static ErrorMessageFactory shouldHaveGroup(CheckResult r, Map<String, String> group) {
        StringBuilder sb = new StringBuilder("Expecting check <" + r.name() + "> to have group:" + NL + "  "
                + label(group) + NL);
        if (r.groups().isEmpty()) {
            sb.append("but it has no groups (it was not evaluated by group)");
        } else {
            sb.append("but its groups are:");
            for (GroupResult g : r.groups()) {
                sb.append(NL).append("  ").append(g.label()).append(" (n=").append(g.n()).append(')');
            }
        }
        return message(sb.toString());
    }

    public static ErrorMessageFactory shouldHaveMessageContaining(CheckResult r, String text) {
        if (r.message() == null) {
            return message("Expecting message of check <" + r.name() + "> to contain:" + NL + "  \"" + text + "\""
                    + NL + "but the check has no message (verdict: " + r.verdict().json() + ")");
        }
        return message("Expecting message of check <" + r.name() + ">:" + NL + "  \"" + r.message() + "\"" + NL
                + "to contain:" + NL + "  \"" + text + "\"");
    }

    public static ErrorMessageFactory shouldHaveMetric(CheckResult r, String metric) {
        return message("Expecting check <" + r.name() + "> to measure:" + NL + "  " + metric + NL
                + "but it measures:" + NL + "  " + (r.metric() == null ? "no metric" : r.metric()));
    }

    public static ErrorMessageFactory shouldHaveGroupSize(GroupResult g, long expected) {
        return message("Expecting group <" + g.label() + "> to have" + NL + "  " + expected + " rows" + NL
                + "but it has:" + NL + "  " + g.n() + " rows");
    }

    public static ErrorMessageFactory shouldHaveGroupMetric(GroupResult g, String metric) {
        return message("Expecting group <" + g.label() + "> to have a value for " + metric
                + ", but it has none; its metrics are " + g.metrics());
    }

    public static ErrorMessageFactory shouldHaveGroupMetricAtLeast(GroupResult g, String metric, double min) {
        return groupBound(g, metric, "to be at least", min);
    }

    public static ErrorMessageFactory shouldHaveGroupMetricAtMost(GroupResult g, String metric, double max) {
        return groupBound(g, metric, "to be at most", max);
    }

    public static ErrorMessageFactory shouldHaveGroupMetricCloseTo(GroupResult g, String metric, double expected,
                                                                   double tolerance) {
        return message("Expecting " + metric + " of group <" + g.label() + "> (n=" + g.n() + "):" + NL
                + "  " + number(g.metric(metric)) + NL
                + "to be close to:" + NL
                + "  " + number(expected) + " (within " + number(tolerance) + ")");
    }

    private static ErrorMessageFactory groupBound(GroupResult g, String metric, String relation, double bound) {
        Interval ci = g.ci().get(metric);
        return message("Expecting " + metric + " of group <" + g.label() + "> (n=" + g.n() + "):" + NL
                + "  " + number(g.metric(metric)) + (ci != null ? " " + ci : "") + NL
                + relation + ":" + NL
                + "  " + number(bound));
    }

    public static ErrorMessageFactory shouldBeExcluded(GroupResult g, boolean expected) {
        return message("Expecting group <" + g.label() + "> (n=" + g.n() + ") "
                + (expected ? "to be left out of the verdict, but it was judged"
                            : "to be judged, but it was left out: " + g.excluded()));
    }

    /**
     * The text of the exception thrown when an assertion meets a check that ended in {@code error}: the check
     * could not be judged, which is neither a pass nor a failure.
     */
    public static String errored(Description description, CheckResult r) {
        return DescriptionFormatter.instance().format(description) + "Check <" + r.name()
                + "> could not be judged (verdict: error): " + (r.message() != null ? r.message() : "no reason given");
    }

    /** The text of the exception that fails a test in which checks ended in {@code error}. */
    public static String checksErrored(List<CheckResult> errors) {
        StringBuilder sb = new StringBuilder();
        if (errors.size() == 1) {
            sb.append("Check <").append(errors.get(0).name()).append("> ended in error, which is never a pass: ")
                    .append(errors.get(0).message());
        } else {
            sb.append(errors.size()).append(" checks ended in error, which is never a pass:");
            for (CheckResult r : errors) {
                sb.append(NL).append("  <").append(r.name()).append(">: ").append(r.message());
            }
        }
        return sb.toString();
    }

    /**
     * The indented block every check message ends with: metric, value with its interval and confidence,
     * threshold and decision rule, sample size, the worst groups, and the check's own message.
     */
    public static String summary(CheckResult r) {
        StringBuilder sb = new StringBuilder();
        if (r.metric() != null) {
            line(sb, "metric: " + r.metric());
        }
        if (r.value() != null) {
            line(sb, "value: " + number(r.value())
                    + (r.ci() != null ? " " + r.ci() + " (" + percent(r.confidence()) + ")" : ""));
        }
        if (r.threshold() != null) {
            line(sb, "threshold: " + r.threshold().describe()
                    + (r.decision() != null ? " (decision: " + r.decision().json() + ")" : ""));
        }
        if (r.n() != null) {
            line(sb, "n: " + r.n());
        }
        List<GroupResult> worst = r.worstGroups();
        if (!worst.isEmpty()) {
            line(sb, "worst groups:");
            for (GroupResult g : worst.subList(0, Math.min(GROUPS_SHOWN, worst.size()))) {
                sb.append(NL).append("    ").append(group(r, g));
            }
            if (worst.size() > GROUPS_SHOWN) {
                sb.append(NL).append("    ... and ").append(worst.size() - GROUPS_SHOWN).append(" more");
            }
        }
        if (r.message() != null) {
            line(sb, "message: " + r.message());
        }
        return sb.toString();
    }

    private static String group(CheckResult r, GroupResult g) {
        StringBuilder sb = new StringBuilder(g.label());
        if (r.metric() != null && g.metrics().containsKey(r.metric())) {
            sb.append(' ').append(number(g.metric(r.metric())));
            Interval ci = g.ci().get(r.metric());
            if (ci != null) {
                sb.append(' ').append(ci);
            }
        } else {
            // an aggregate (demographic_parity_ratio): show the group's own metrics
            g.metrics().forEach((name, v) -> {
                if (!name.equals("count")) {
                    sb.append(' ').append(name).append(' ').append(number(v));
                    Interval ci = g.ci().get(name);
                    if (ci != null) {
                        sb.append(' ').append(ci);
                    }
                }
            });
        }
        sb.append(" n=").append(g.n());
        if (g.excluded() != null) {
            sb.append(" (left out: ").append(g.excluded()).append(')');
        }
        return sb.toString();
    }

    private static void line(StringBuilder sb, String text) {
        if (sb.length() > 0) {
            sb.append(NL);
        }
        sb.append("  ").append(text);
    }

    private static String metricOf(CheckResult r) {
        return r.metric() != null ? r.metric() : "the value";
    }

    private static String label(Map<String, String> group) {
        StringBuilder sb = new StringBuilder();
        group.forEach((k, v) -> sb.append(sb.length() == 0 ? "" : ", ").append(k).append('=').append(v));
        return sb.toString();
    }

    /** {@code 0.95} as {@code 95%}. */
    public static String percent(Double confidence) {
        return confidence == null ? "?" : number(confidence * 100) + "%";
    }

    /** Four significant digits, no exponent, {@code undefined} for NaN and {@code null}: as in Assay's reports. */
    public static String number(Double v) {
        if (v == null || v.isNaN()) {
            return "undefined";
        }
        if (v.isInfinite()) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString(v.longValue());
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    private static ErrorMessageFactory message(String body) {
        return new Message(NL + body);
    }

    /** A message factory for a finished text (a new line is put before it, as AssertJ does). */
    public static ErrorMessageFactory text(String body) {
        return message(body);
    }

    /** An {@link ErrorMessageFactory} for a finished text; AssertJ adds the {@code as(...)} description. */
    private static final class Message implements ErrorMessageFactory {
        private final String body;

        Message(String body) {
            this.body = body;
        }

        @Override
        public String create(Description d, Representation p) {
            return DescriptionFormatter.instance().format(d) + body;
        }

        @Override
        public String create(Description d) {
            return create(d, StandardRepresentation.STANDARD_REPRESENTATION);
        }

        @Override
        public String create() {
            return create(new TextDescription(""), StandardRepresentation.STANDARD_REPRESENTATION);
        }

        @Override
        public String toString() {
            return body;
        }
    }
}
