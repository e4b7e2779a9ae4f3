package dev.assay.scenarios.internal;

import dev.assay.core.CheckResult;
import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;

/** Failure messages in AssertJ's voice: what was expected, what was found, per group, with the threshold. */
public final class Messages {
    /** Groups shown in a failure message. */
    static final int WORST_GROUPS = 5;

    private Messages() {
    }

    /** The message of a failed check, declared at {@code where} ({@code file:line:column}). */
    public static String failure(CheckResult r, String where) {
        String nl = System.lineSeparator();
        StringBuilder sb = new StringBuilder();
        sb.append(nl).append("Expecting check:").append(nl).append("  \"").append(r.name()).append("\" (")
                .append(r.kind()).append(", ").append(where).append(')').append(nl);
        if (r.threshold() != null) {
            sb.append("to have ").append(r.metric() != null ? r.metric() : "value").append(' ')
                    .append(r.threshold().describe());
            sb.append(" (decision: ").append(r.decision() == null ? "point" : r.decision().json()).append(')')
                    .append(nl);
        } else {
            sb.append("to pass").append(nl);
        }
        sb.append("but ").append(r.metric() != null ? r.metric() : "value").append(" was:").append(nl)
                .append("  ").append(number(r.value()));
        if (r.ci() != null) {
            sb.append(' ').append(interval(r.ci())).append(" (").append(percent(r.confidence())).append(" interval)");
        }
        List<GroupResult> groups = r.worstGroups();
        GroupResult worst = groups.stream().filter(g -> g.excluded() == null && r.metric() != null
                && r.value() != null && g.metric(r.metric()) == r.value()).findFirst().orElse(null);
        if (worst != null) {
            sb.append(" in ").append(worst.label()).append(" (n=").append(worst.n()).append(')');
        } else if (r.n() != null) {
            sb.append(", n=").append(r.n());
        }
        sb.append(nl);
        if (!groups.isEmpty() && r.metric() != null) {
            sb.append("worst groups:").append(nl);
            for (GroupResult g : groups.subList(0, Math.min(WORST_GROUPS, groups.size()))) {
                sb.append("  ").append(g.label()).append(": ");
                if (g.metrics().containsKey(r.metric()) || g.metrics().isEmpty()) {
                    sb.append(number(g.metrics().get(r.metric())));
                } else {
                    // the groups carry their own metrics (e.g. findings per entity of a pii-leak check)
                    StringBuilder own = new StringBuilder();
                    g.metrics().forEach((k, v) -> own.append(own.length() == 0 ? "" : ", ").append(k).append('=')
                            .append(number(v)));
                    sb.append(own);
                }
                Interval ci = g.ci().get(r.metric());
                if (ci != null) {
                    sb.append(' ').append(interval(ci));
                }
                sb.append(" (n=").append(g.n()).append(')');
                if (g.excluded() != null) {
                    sb.append(", left out: ").append(g.excluded());
                }
                sb.append(nl);
            }
            if (groups.size() > WORST_GROUPS) {
                sb.append("  ... and ").append(groups.size() - WORST_GROUPS).append(" more groups").append(nl);
            }
        }
        if (r.message() != null) {
            sb.append("(").append(r.message()).append(")").append(nl);
        }
        if (r.seed() != null) {
            sb.append("seed: ").append(r.seed());
        }
        return sb.toString();
    }

    /** The message of an {@code error} check. */
    public static String error(CheckResult r, String where) {
        return "check \"" + r.name() + "\" (" + r.kind() + ", " + where + ") could not be judged: "
                + (r.message() == null ? "unknown error" : r.message());
    }

    static String number(Double v) {
        if (v == null || v.isNaN()) {
            return "undefined";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString(v.longValue());
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    static String interval(Interval ci) {
        return "[" + number(ci.lower()) + ", " + number(ci.upper()) + "]";
    }

    static String percent(Double confidence) {
        return number((confidence == null ? 0.95 : confidence) * 100) + "%";
    }
}
