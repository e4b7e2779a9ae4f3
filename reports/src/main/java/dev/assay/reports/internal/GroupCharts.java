package dev.assay.reports.internal;

import dev.assay.core.CheckResult;
import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import dev.assay.core.Threshold;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A self-contained SVG chart of a check's per-group values: one row per group that has the metric (a comparison row
 * without it is left out; one whose value is undefined is shown so) with a dot at the value, whiskers
 * over its confidence interval, excluded groups in grey, and the threshold as a dashed red line (drawn only when the
 * plotted metric is the one the threshold judges). A pure function of the {@link CheckResult}: nothing is
 * computed but the drawing's coordinates.
 *
 * <p>Layout: the plot area starts at x = {@value #LEFT} (further right when group labels need more room: 7 pixels
 * per character plus 16) and is {@value #WIDTH} wide; row {@code i} is centred at
 * y = {@value #TOP} + {@value #ROW} * i + {@value #ROW} / 2. The axis runs from 0 to 1 when every plotted number
 * (values, bounds, thresholds) lies in [0, 1], else over their range with 5% padding.
 */
public final class GroupCharts {
    static final int LEFT = 200;
    private static final double CHAR_WIDTH = 7;
    static final int WIDTH = 400;
    static final int TOP = 56;
    static final int ROW = 26;
    private static final int RIGHT_MARGIN = 90;

    private GroupCharts() {
    }

    /**
     * The chart of {@code result}'s groups for its metric (or, when the groups do not carry it, their first
     * metric); empty when the check has no groups or no group has a value for that metric.
     */
    public static Optional<String> svg(CheckResult result) {
        Objects.requireNonNull(result, "result");
        if (result.groups().isEmpty()) {
            return Optional.empty();
        }
        String checkMetric = result.metric();
        boolean judged = checkMetric != null
                && result.groups().stream().anyMatch(g -> g.metrics().get(checkMetric) != null);
        String metric = checkMetric;
        if (!judged) {
            metric = result.groups().stream().flatMap(g -> g.metrics().entrySet().stream())
                    .filter(e -> e.getValue() != null).map(java.util.Map.Entry::getKey).findFirst().orElse(null);
        }
        if (metric == null) {
            return Optional.empty();
        }
        Threshold t = judged ? result.threshold() : null;
        // the rows that have the metric: a comparison's "candidate - baseline" row has no accuracy to plot, while a
        // row with the metric undefined (no positive prediction) stays, marked undefined
        String plotted = metric;
        List<GroupResult> shown = result.groups().stream().filter(g -> g.metrics().containsKey(plotted)).toList();

        List<Double> numbers = new ArrayList<>();
        for (GroupResult g : shown) {
            Double v = g.metrics().get(metric);
            Interval ci = g.ci().get(metric);
            if (v != null) {
                numbers.add(v);
            }
            if (ci != null && Double.isFinite(ci.lower()) && Double.isFinite(ci.upper())) {
                numbers.add(ci.lower());
                numbers.add(ci.upper());
            }
        }
        if (t != null) {
            if (t.min() != null) {
                numbers.add(t.min());
            }
            if (t.max() != null) {
                numbers.add(t.max());
            }
        }
        double lo = numbers.stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double hi = numbers.stream().mapToDouble(Double::doubleValue).max().orElse(1);
        if (lo >= 0 && hi <= 1) {
            lo = 0;
            hi = 1;
        } else {
            double pad = hi > lo ? (hi - lo) * 0.05 : Math.max(1, Math.abs(hi)) * 0.05;
            lo -= pad;
            hi += pad;
        }
        int rows = shown.size();
        int maxChars = shown.stream().mapToInt(g -> label(g).length()).max().orElse(0);
        int left = Math.max(LEFT, (int) Math.ceil(CHAR_WIDTH * maxChars + 16));
        int height = TOP + ROW * rows + 40;
        int width = left + WIDTH + RIGHT_MARGIN;
        StringBuilder s = new StringBuilder(1024 + rows * 400);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\n");
        String title = result.name() + ": " + metric + " by group"
                + (result.confidence() != null ? " with " + pct(result.confidence()) + " intervals" : "");
        s.append("<title>").append(esc(title)).append("</title>\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        s.append("<text x=\"").append(8).append("\" y=\"20\" font-size=\"13\" font-weight=\"bold\">")
                .append(esc(title)).append("</text>\n");
        // axis with 5 ticks
        int axisY = TOP + ROW * rows + 6;
        s.append("<line x1=\"").append(left).append("\" y1=\"").append(axisY).append("\" x2=\"").append(left + WIDTH)
                .append("\" y2=\"").append(axisY).append("\" stroke=\"#444\"/>\n");
        for (int i = 0; i <= 4; i++) {
            double v = lo + (hi - lo) * i / 4;
            String x = fmt(x(v, lo, hi, left));
            s.append("<line x1=\"").append(x).append("\" y1=\"").append(TOP - 4).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(axisY + 4).append("\" stroke=\"#e3e3e3\"/>\n");
            s.append("<text x=\"").append(x).append("\" y=\"").append(axisY + 18)
                    .append("\" text-anchor=\"middle\" fill=\"#444\">").append(esc(ResultTables.number(v)))
                    .append("</text>\n");
        }
        for (int i = 0; i < rows; i++) {
            GroupResult g = shown.get(i);
            int y = TOP + ROW * i + ROW / 2;
            boolean excluded = g.excluded() != null;
            String color = excluded ? "#9a9a9a" : "#1f5fbf";
            s.append("<g class=\"group").append(excluded ? " excluded" : "").append("\">\n");
            s.append("<text x=\"").append(left - 8).append("\" y=\"").append(y + 4)
                    .append("\" text-anchor=\"end\" fill=\"").append(excluded ? "#777" : "#222").append("\">")
                    .append(esc(label(g))).append("</text>\n");
            Interval ci = g.ci().get(metric);
            if (ci != null && Double.isFinite(ci.lower()) && Double.isFinite(ci.upper())) {
                String x1 = fmt(x(ci.lower(), lo, hi, left));
                String x2 = fmt(x(ci.upper(), lo, hi, left));
                s.append("<line class=\"whisker\" x1=\"").append(x1).append("\" y1=\"").append(y).append("\" x2=\"")
                        .append(x2).append("\" y2=\"").append(y).append("\" stroke=\"").append(color)
                        .append("\" stroke-width=\"2\"/>\n");
                for (String xe : List.of(x1, x2)) {
                    s.append("<line x1=\"").append(xe).append("\" y1=\"").append(y - 6).append("\" x2=\"").append(xe)
                            .append("\" y2=\"").append(y + 6).append("\" stroke=\"").append(color)
                            .append("\" stroke-width=\"2\"/>\n");
                }
            }
            Double v = g.metrics().get(metric);
            if (v != null) {
                s.append("<circle class=\"value\" cx=\"").append(fmt(x(v, lo, hi, left))).append("\" cy=\"").append(y)
                        .append("\" r=\"5\" fill=\"").append(color).append("\"/>\n");
                s.append("<text x=\"").append(left + WIDTH + 8).append("\" y=\"").append(y + 4).append("\">")
                        .append(esc(ResultTables.number(v))).append("</text>\n");
            } else {
                s.append("<text x=\"").append(left + WIDTH + 8).append("\" y=\"").append(y + 4)
                        .append("\" fill=\"#777\">").append(ResultTables.UNDEFINED).append("</text>\n");
            }
            s.append("</g>\n");
        }
        if (t != null) {
            for (Double bound : new Double[] {t.min(), t.max()}) {
                if (bound != null) {
                    String x = fmt(x(bound, lo, hi, left));
                    s.append("<line class=\"threshold\" x1=\"").append(x).append("\" y1=\"").append(TOP - 8)
                            .append("\" x2=\"").append(x).append("\" y2=\"").append(axisY)
                            .append("\" stroke=\"#cf222e\" stroke-width=\"2\" stroke-dasharray=\"6 4\"/>\n");
                    s.append("<text x=\"").append(x).append("\" y=\"").append(TOP - 12)
                            .append("\" text-anchor=\"middle\" fill=\"#cf222e\">")
                            .append(esc((bound.equals(t.min()) ? "min " : "max ") + ResultTables.number(bound)))
                            .append("</text>\n");
                }
            }
        }
        s.append("</svg>\n");
        return Optional.of(s.toString());
    }

    static double x(double v, double lo, double hi, int left) {
        return left + (v - lo) / (hi - lo) * WIDTH;
    }

    private static String label(GroupResult g) {
        return g.label() + " (n=" + g.n() + ")" + (g.excluded() != null ? " excluded" : "");
    }

    /** Two decimals at most, no trailing zeros: {@code 500}, {@code 218.18}, {@code 300.5}. */
    static String fmt(double v) {
        long c = Math.round(v * 100);
        String sign = c < 0 ? "-" : "";
        c = Math.abs(c);
        long whole = c / 100;
        long frac = c % 100;
        if (frac == 0) {
            return sign + whole;
        }
        return sign + whole + "." + (frac % 10 == 0 ? Long.toString(frac / 10) : (frac < 10 ? "0" : "") + frac);
    }

    private static String pct(double c) {
        return ResultTables.number(c * 100) + "%";
    }

    private static String esc(String s) {
        return ResultTables.escapeHtml(s);
    }
}
