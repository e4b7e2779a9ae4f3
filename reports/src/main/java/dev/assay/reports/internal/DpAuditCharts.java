package dev.assay.reports.internal;

import dev.assay.core.CheckResult;
import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import java.util.Objects;
import java.util.Optional;

/**
 * The DP audit's chart (SVG): the selected event's probability under each of the two neighbouring inputs, with
 * its Clopper-Pearson interval as whiskers, and the claim's bound on the first probability,
 * {@code p1 <= e^epsilon * p2 + delta}, drawn at p2's upper bound (a red dashed line: the audit refutes the claim
 * exactly when p1's whole interval lies right of it) and at p2's estimate (a grey dotted line). Drawn from the
 * evidence only: the {@code dp-audit} result's threshold (the claimed ε) and its group row's
 * {@code first_probability}, {@code second_probability}, their intervals and {@code claimed_delta}.
 */
public final class DpAuditCharts {
    static final int LEFT = 230;
    static final int WIDTH = 400;
    static final int TOP = 70;
    static final int ROW = 40;

    private DpAuditCharts() {
    }

    /** The chart, or empty when {@code result} is not a dp-audit result with both probabilities and a claim. */
    public static Optional<String> svg(CheckResult result) {
        Objects.requireNonNull(result, "result");
        if (!"dp-audit".equals(result.kind()) || result.groups().isEmpty() || result.threshold() == null
                || result.threshold().max() == null) {
            return Optional.empty();
        }
        GroupResult g = result.groups().get(0);
        Double p1 = g.metrics().get("first_probability");
        Double p2 = g.metrics().get("second_probability");
        Interval c1 = g.ci().get("first_probability");
        Interval c2 = g.ci().get("second_probability");
        if (p1 == null || p2 == null || c1 == null || c2 == null) {
            return Optional.empty();
        }
        double eps = result.threshold().max();
        double delta = g.metrics().get("claimed_delta") == null ? 0 : g.metrics().get("claimed_delta");
        double boundAtUpper = Math.exp(eps) * c2.upper() + delta;
        double boundAtEstimate = Math.exp(eps) * p2 + delta;
        double hi = Math.max(Math.max(c1.upper(), c2.upper()), Math.min(1, boundAtUpper));
        hi = Math.min(1, hi * 1.1);
        hi = hi <= 0 ? 1 : hi;
        double lo = 0;
        Double confidence = g.metrics().get("confidence");
        String title = result.name() + ": event probabilities"
                + (confidence != null ? " with " + ResultTables.number(confidence * 100) + "% Clopper-Pearson intervals"
                : " with Clopper-Pearson intervals");
        int height = TOP + 2 * ROW + 70;
        int width = LEFT + WIDTH + 200;
        StringBuilder s = new StringBuilder(4096);
        s.append("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"").append(width).append("\" height=\"")
                .append(height).append("\" viewBox=\"0 0 ").append(width).append(' ').append(height)
                .append("\" font-family=\"sans-serif\" font-size=\"12\" role=\"img\">\n");
        s.append("<title>").append(esc(title)).append("</title>\n");
        s.append("<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n");
        s.append("<text x=\"8\" y=\"20\" font-size=\"13\" font-weight=\"bold\">").append(esc(title)).append("</text>\n");
        s.append("<text x=\"8\" y=\"38\" fill=\"#444\">event: ").append(esc(g.group().getOrDefault("event", "?")))
                .append("; claim: p1 &lt;= e^").append(esc(ResultTables.number(eps))).append(" * p2 + ")
                .append(esc(ResultTables.number(delta))).append("</text>\n");
        int axisY = TOP + 2 * ROW + 6;
        s.append("<line x1=\"").append(LEFT).append("\" y1=\"").append(axisY).append("\" x2=\"").append(LEFT + WIDTH)
                .append("\" y2=\"").append(axisY).append("\" stroke=\"#444\"/>\n");
        for (int i = 0; i <= 4; i++) {
            double v = lo + (hi - lo) * i / 4;
            String x = GroupCharts.fmt(x(v, lo, hi));
            s.append("<line x1=\"").append(x).append("\" y1=\"").append(TOP - 4).append("\" x2=\"").append(x)
                    .append("\" y2=\"").append(axisY + 4).append("\" stroke=\"#e3e3e3\"/>\n");
            s.append("<text x=\"").append(x).append("\" y=\"").append(axisY + 18)
                    .append("\" text-anchor=\"middle\" fill=\"#444\">").append(esc(ResultTables.number(v)))
                    .append("</text>\n");
        }
        row(s, 0, "p1 | " + g.group().getOrDefault("first", "first input"), p1, c1, lo, hi, "#1f5fbf");
        row(s, 1, "p2 | " + g.group().getOrDefault("second", "second input"), p2, c2, lo, hi, "#e07b00");
        line(s, "bound", boundAtUpper, lo, hi, "#cf222e", "6 4",
                "e^eps * p2(upper) + delta = " + ResultTables.number(boundAtUpper));
        line(s, "bound-estimate", boundAtEstimate, lo, hi, "#888888", "2 3", null);
        s.append("</svg>\n");
        return Optional.of(s.toString());
    }

    private static void row(StringBuilder s, int i, String label, double p, Interval ci, double lo, double hi,
                            String color) {
        int y = TOP + ROW * i + ROW / 2;
        s.append("<g class=\"probability\">\n");
        s.append("<text x=\"").append(LEFT - 8).append("\" y=\"").append(y + 4).append("\" text-anchor=\"end\">")
                .append(esc(label.length() > 34 ? label.substring(0, 33) + "\u2026" : label)).append("</text>\n");
        String x1 = GroupCharts.fmt(x(ci.lower(), lo, hi));
        String x2 = GroupCharts.fmt(x(Math.min(ci.upper(), hi), lo, hi));
        s.append("<line class=\"whisker\" x1=\"").append(x1).append("\" y1=\"").append(y).append("\" x2=\"")
                .append(x2).append("\" y2=\"").append(y).append("\" stroke=\"").append(color)
                .append("\" stroke-width=\"2\"/>\n");
        for (String xe : new String[] {x1, x2}) {
            s.append("<line x1=\"").append(xe).append("\" y1=\"").append(y - 7).append("\" x2=\"").append(xe)
                    .append("\" y2=\"").append(y + 7).append("\" stroke=\"").append(color)
                    .append("\" stroke-width=\"2\"/>\n");
        }
        s.append("<circle class=\"value\" cx=\"").append(GroupCharts.fmt(x(p, lo, hi))).append("\" cy=\"").append(y)
                .append("\" r=\"5\" fill=\"").append(color).append("\"/>\n");
        s.append("<text x=\"").append(LEFT + WIDTH + 8).append("\" y=\"").append(y + 4).append("\">")
                .append(esc(ResultTables.number(p) + " " + ResultTables.interval(ci))).append("</text>\n");
        s.append("</g>\n");
    }

    private static void line(StringBuilder s, String cls, double v, double lo, double hi, String color, String dash,
                             String label) {
        if (v > hi) {
            if (label != null) { // beyond the axis: the claim allows any p1 shown
                s.append("<text x=\"").append(LEFT + WIDTH).append("\" y=\"").append(TOP - 12)
                        .append("\" text-anchor=\"end\" fill=\"").append(color).append("\">")
                        .append(esc(label + " (off the axis: no p1 refutes the claim)")).append("</text>\n");
            }
            return;
        }
        String x = GroupCharts.fmt(x(v, lo, hi));
        s.append("<line class=\"").append(cls).append("\" x1=\"").append(x).append("\" y1=\"").append(TOP - 8)
                .append("\" x2=\"").append(x).append("\" y2=\"").append(TOP + ROW).append("\" stroke=\"")
                .append(color).append("\" stroke-width=\"2\" stroke-dasharray=\"").append(dash).append("\"/>\n");
        if (label != null) {
            s.append("<text x=\"").append(x).append("\" y=\"").append(TOP - 12)
                    .append("\" text-anchor=\"middle\" fill=\"").append(color).append("\">").append(esc(label))
                    .append("</text>\n");
        }
    }

    static double x(double v, double lo, double hi) {
        return LEFT + (v - lo) / (hi - lo) * WIDTH;
    }

    private static String esc(String s) {
        return ResultTables.escapeHtml(s);
    }
}
