package dev.assay.core.fairness;

import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import dev.assay.core.internal.Fmt;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a fairness evaluation found: the headline metric with its interval, one row per group (the intersection of
 * the {@code by} and control columns) with its size, its per-group metrics and their intervals, the overall row,
 * and for every per-group metric of the frame its difference, ratio, group minimum and maximum with intervals.
 *
 * <p>Intervals are percentile bootstrap intervals over the cells ({@code <metric>} keys of
 * {@link GroupResult#ci()}); proportions also carry a Wilson score interval under the key
 * {@code <metric>_wilson}.
 */
public final class FairnessReport {
    /** A named value with its interval ({@code ci} is {@code null} when it could not be estimated). */
    public record Value(String metric, double value, Interval ci) {
        @Override
        public String toString() {
            return metric + " = " + Fmt.number(value) + (ci == null ? "" : " " + ci);
        }
    }

    /** A significance test of the gap between two groups. */
    public record GapTest(String test, String metric, String first, String second, double statistic,
                          double pValue) {
        @Override
        public String toString() {
            return test + " on " + metric + " (" + first + " vs " + second + "): p = " + Fmt.number(pValue);
        }
    }

    private final Value headline;
    private final double confidence;
    private final List<String> by;
    private final List<GroupResult> groups;
    private final GroupResult overall;
    private final List<Value> aggregates;
    private final List<GroupResult> smallGroups;
    private final GapTest gapTest;
    private final long rows;
    private final int resamples;

    FairnessReport(Value headline, double confidence, List<String> by, List<GroupResult> groups, GroupResult overall,
                   List<Value> aggregates, List<GroupResult> smallGroups, GapTest gapTest, long rows, int resamples) {
        this.headline = headline;
        this.confidence = confidence;
        this.by = List.copyOf(by);
        this.groups = List.copyOf(groups);
        this.overall = overall;
        this.aggregates = List.copyOf(aggregates);
        this.smallGroups = List.copyOf(smallGroups);
        this.gapTest = gapTest;
        this.rows = rows;
        this.resamples = resamples;
    }

    /** The headline metric's name (snake_case, as configured). */
    public String metric() {
        return headline.metric();
    }

    /** The headline value; {@code NaN} when undefined. */
    public double value() {
        return headline.value();
    }

    /** The headline's bootstrap interval, or {@code null}. */
    public Interval ci() {
        return headline.ci();
    }

    public Value headline() {
        return headline;
    }

    public double confidence() {
        return confidence;
    }

    /** The group columns, in order. */
    public List<String> by() {
        return by;
    }

    /** One row per non-empty group cell, in order of the columns' values. */
    public List<GroupResult> groups() {
        return groups;
    }

    /** The row of all data. */
    public GroupResult overall() {
        return overall;
    }

    /**
     * The differences, ratios, group minima and maxima of the per-group metrics, with intervals, named
     * {@code <metric>_difference}, {@code _ratio}, {@code _group_min} and {@code _group_max}. With control
     * features these are the worst over the control levels, and each level is listed as well, named with the level
     * appended: {@code <metric>{sex=F}} (the level's overall value), {@code <metric>_difference{sex=F}}, ...
     */
    public List<Value> aggregates() {
        return aggregates;
    }

    /** An aggregate by name, for example {@code selection_rate_ratio}. */
    public Optional<Value> aggregate(String metric) {
        return aggregates.stream().filter(v -> v.metric().equals(metric)).findFirst();
    }

    /** Groups below {@code min-group-size}, also marked in {@link #groups()} with the reason. */
    public List<GroupResult> smallGroups() {
        return smallGroups;
    }

    /** The two-group gap test, when exactly two groups are compared on a proportion. */
    public Optional<GapTest> gapTest() {
        return Optional.ofNullable(gapTest);
    }

    public long rows() {
        return rows;
    }

    public int resamples() {
        return resamples;
    }

    /** The per-group table as text, one group a line, for messages and logs. */
    public String table() {
        StringBuilder sb = new StringBuilder();
        List<GroupResult> all = new ArrayList<>(groups);
        all.add(overall);
        for (GroupResult g : all) {
            sb.append("  ").append(g.label()).append(" (n=").append(g.n()).append(')');
            for (Map.Entry<String, Double> e : g.metrics().entrySet()) {
                if (e.getKey().equals("count")) {
                    continue;
                }
                Interval ci = g.ci().get(e.getKey());
                sb.append(": ").append(e.getKey()).append(' ')
                        .append(e.getValue() == null ? "undefined" : Fmt.number(e.getValue()))
                        .append(ci == null ? "" : " " + ci);
            }
            if (g.excluded() != null) {
                sb.append(" [left out: ").append(g.excluded()).append(']');
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return "FairnessReport[" + headline + ", by " + by + ", " + groups.size() + " groups]\n" + table();
    }
}
