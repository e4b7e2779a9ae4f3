package dev.assay.reports.internal;

import dev.assay.core.CheckResult;
import dev.assay.core.DataInfo;
import dev.assay.core.Example;
import dev.assay.core.Finding;
import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import dev.assay.core.ModelInfo;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Renders a {@link CheckResult} as tables for people and for spreadsheets: a self-contained HTML page (inline CSS,
 * no scripts, no external assets, every text escaped) and RFC 4180 CSV. Free of JUnit and Allure so that every
 * report (Allure attachments, the model card) shows the same table.
 *
 * <p>Nothing is computed here: the values, intervals, exclusions and verdicts are the check's own.
 */
public final class ResultTables {
    /** Shown for a value that the check left undefined (or could not compute because it errored). */
    public static final String UNDEFINED = "undefined";

    private static final String CRLF = "\r\n";

    private static final String STYLE = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:14px;margin:16px;color:#222}",
            "h1{font-size:18px;margin:0 0 12px}h2{font-size:15px;margin:20px 0 8px}",
            "table{border-collapse:collapse;margin-bottom:8px}",
            "th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}",
            "thead th{background:#f3f3f3}td.num{text-align:right;font-variant-numeric:tabular-nums}",
            "table.summary th{background:#f8f8f8;font-weight:600}",
            "th.judged{background:#e4ecfb}",
            "tr.excluded td{color:#777;font-style:italic}",
            ".verdict{font-weight:700;text-transform:uppercase}",
            ".verdict-pass{color:#1a7f37}.verdict-fail{color:#cf222e}.verdict-error{color:#9a6700}",
            "pre{margin:0;white-space:pre-wrap;font-family:inherit}");

    private ResultTables() {
    }

    // ---------------------------------------------------------------- HTML

    /**
     * A complete HTML page: the overall result on top (verdict, metric, value, interval, threshold, decision rule,
     * sample size, seed, model, data, message), then one row per group with its sample size, every metric with its
     * interval, and whether the group was left out of the verdict; then the findings (masked values only).
     */
    public static String html(CheckResult result) {
        Objects.requireNonNull(result, "result");
        StringBuilder h = new StringBuilder(2048);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>")
                .append(escapeHtml(result.name())).append("</title>\n<style>\n").append(STYLE)
                .append("\n</style>\n</head>\n<body>\n");
        h.append("<h1>").append(escapeHtml(result.name())).append("</h1>\n");
        summary(h, result);
        groupsHtml(h, result);
        findingsHtml(h, result);
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    private static void summary(StringBuilder h, CheckResult r) {
        h.append("<table class=\"summary\">\n");
        String verdict = r.verdict().json();
        h.append("<tr><th>Verdict</th><td class=\"verdict verdict-").append(verdict).append("\">").append(verdict)
                .append("</td></tr>\n");
        row(h, "Check id", r.id());
        row(h, "Kind", r.kind());
        if (r.metric() != null) {
            row(h, "Metric", r.metric());
        }
        rowNum(h, "Value", r.value() == null ? UNDEFINED : number(r.value()));
        if (r.ci() != null) {
            rowNum(h, confidenceLabel(r.confidence()) + " interval", interval(r.ci()));
        }
        if (r.threshold() != null) {
            row(h, "Threshold", r.threshold().describe());
        }
        if (r.decision() != null) {
            row(h, "Decision rule", r.decision().json());
        }
        if (r.n() != null) {
            rowNum(h, "n", Long.toString(r.n()));
        }
        if (r.seed() != null) {
            rowNum(h, "Seed", Long.toString(r.seed()));
        }
        if (r.model() != null) {
            row(h, "Model", describe(r.model()));
        }
        if (r.data() != null) {
            row(h, "Data", describe(r.data()));
        }
        if (r.message() != null) {
            h.append("<tr><th>Message</th><td><pre>").append(escapeHtml(r.message())).append("</pre></td></tr>\n");
        }
        h.append("</table>\n");
    }

    private static void groupsHtml(StringBuilder h, CheckResult r) {
        h.append("<h2>Groups</h2>\n");
        if (r.groups().isEmpty()) {
            h.append("<p>No per-group results: the check was evaluated on the whole data.</p>\n");
            return;
        }
        List<String> keys = groupKeys(r);
        List<String> metrics = metricNames(r);
        h.append("<table class=\"groups\">\n<thead><tr>");
        for (String k : keys) {
            h.append("<th>").append(escapeHtml(k)).append("</th>");
        }
        h.append("<th>n</th>");
        for (String m : metrics) {
            boolean judged = m.equals(r.metric());
            h.append(judged ? "<th class=\"judged\" title=\"the metric this check judges\">" : "<th>")
                    .append(escapeHtml(m)).append("</th>");
        }
        h.append("<th>Excluded from the verdict</th></tr></thead>\n<tbody>\n");
        for (GroupResult g : r.groups()) {
            h.append(g.excluded() != null ? "<tr class=\"excluded\">" : "<tr>");
            for (String k : keys) {
                String v = g.group().get(k);
                h.append("<td>").append(v == null ? "" : escapeHtml(v)).append("</td>");
            }
            h.append("<td class=\"num\">").append(g.n()).append("</td>");
            for (String m : metrics) {
                Double v = g.metrics().get(m);
                Interval ci = g.ci().get(m);
                // a metric the row does not have (a comparison row has no accuracy) is an empty cell; "undefined"
                // is a metric the row has but without a value (precision with no positive prediction)
                boolean has = g.metrics().containsKey(m);
                h.append("<td class=\"num\">").append(!has ? "" : v == null ? UNDEFINED : number(v));
                if (ci != null) { // an interval without a value (a Wilson interval beside the bootstrap's) stands alone
                    h.append(has ? " " : "").append(interval(ci));
                }
                h.append("</td>");
            }
            h.append("<td>").append(g.excluded() == null ? "" : "excluded: " + escapeHtml(g.excluded()))
                    .append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
        if (r.confidence() != null && r.groups().stream().anyMatch(g -> !g.ci().isEmpty())) {
            h.append("<p>Intervals in brackets are ").append(confidenceLabel(r.confidence()))
                    .append(" confidence intervals.</p>\n");
        }
    }

    private static void findingsHtml(StringBuilder h, CheckResult r) {
        if (r.findings().isEmpty()) {
            return;
        }
        h.append("<h2>Findings (").append(r.findings().size()).append(")</h2>\n<table class=\"findings\">\n")
                .append("<thead><tr><th>row</th><th>entity</th><th>start</th><th>end</th><th>masked</th>")
                .append("<th>score</th><th>detail</th></tr></thead>\n<tbody>\n");
        for (Finding f : r.findings()) {
            h.append("<tr><td class=\"num\">").append(f.row()).append("</td><td>").append(text(f.entity()))
                    .append("</td><td class=\"num\">").append(f.start() == null ? "" : f.start())
                    .append("</td><td class=\"num\">").append(f.end() == null ? "" : f.end())
                    .append("</td><td>").append(text(f.masked()))
                    .append("</td><td class=\"num\">").append(f.score() == null ? "" : number(f.score()))
                    .append("</td><td>").append(text(f.detail())).append("</td></tr>\n");
        }
        h.append("</tbody>\n</table>\n");
    }

    private static void row(StringBuilder h, String header, String value) {
        h.append("<tr><th>").append(escapeHtml(header)).append("</th><td>").append(escapeHtml(value))
                .append("</td></tr>\n");
    }

    private static void rowNum(StringBuilder h, String header, String value) {
        h.append("<tr><th>").append(escapeHtml(header)).append("</th><td class=\"num\">").append(escapeHtml(value))
                .append("</td></tr>\n");
    }

    private static String text(String s) {
        return s == null ? "" : escapeHtml(s);
    }

    private static String describe(ModelInfo m) {
        return m.id() + " (" + m.kind() + (m.fingerprint() != null ? ", " + m.fingerprint() : "") + ")";
    }

    private static String describe(DataInfo d) {
        return (d.path() != null ? d.path() : "(unnamed)") + " (" + d.rows() + " rows"
                + (d.sha256() != null ? ", sha256:" + d.sha256() : "") + ")";
    }

    private static String confidenceLabel(Double confidence) {
        if (confidence == null) {
            return "Confidence";
        }
        return new BigDecimal(Double.toString(confidence * 100)).round(new MathContext(4)).stripTrailingZeros()
                .toPlainString() + "%";
    }

    /** Escapes {@code & < > " '} so that any text is safe in HTML element content and attribute values. */
    public static String escapeHtml(String s) {
        int first = 0;
        while (first < s.length() && !htmlSpecial(s.charAt(first))) {
            first++;
        }
        if (first == s.length()) {
            return s; // the common case: nothing to escape, no copy
        }
        StringBuilder sb = new StringBuilder(s.length() + 16).append(s, 0, first);
        for (int i = first; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> sb.append("&amp;");
                case '<' -> sb.append("&lt;");
                case '>' -> sb.append("&gt;");
                case '"' -> sb.append("&quot;");
                case '\'' -> sb.append("&#39;");
                default -> sb.append(c);
            }
        }
        return sb.toString();
    }

    private static boolean htmlSpecial(char c) {
        switch (c) {
            case '&', '<', '>', '"', '\'':
                return true;
            default:
                return false;
        }
    }

    // ---------------------------------------------------------------- CSV

    /**
     * The per-group table as CSV (RFC 4180: CRLF line ends, fields with a comma, quote, CR or LF quoted, quotes
     * doubled). Columns: one per group column, {@code n}, then for every metric its value and the interval's
     * bounds ({@code <metric>_ci_lower}, {@code <metric>_ci_upper}), then {@code excluded} (the reason a group was
     * left out of the verdict, empty otherwise). Numbers are written in full precision, undefined ones as empty
     * fields. A check without groups gives one row, {@code group = overall}, with the check's own value.
     */
    public static String csv(CheckResult result) {
        Objects.requireNonNull(result, "result");
        StringBuilder c = new StringBuilder(512);
        if (result.groups().isEmpty()) {
            List<String> header = new ArrayList<>(List.of("group", "n"));
            List<String> row = new ArrayList<>(List.of("overall", result.n() == null ? "" : result.n().toString()));
            if (result.metric() != null) {
                header.addAll(List.of(result.metric(), result.metric() + "_ci_lower", result.metric() + "_ci_upper"));
                row.add(result.value() == null ? "" : plain(result.value()));
                row.add(result.ci() == null ? "" : plain(result.ci().lower()));
                row.add(result.ci() == null ? "" : plain(result.ci().upper()));
            }
            header.add("excluded");
            row.add("");
            line(c, header);
            line(c, row);
            return c.toString();
        }
        List<String> keys = groupKeys(result);
        List<String> metrics = metricNames(result);
        List<String> header = new ArrayList<>(keys);
        header.add("n");
        for (String m : metrics) {
            header.addAll(List.of(m, m + "_ci_lower", m + "_ci_upper"));
        }
        header.add("excluded");
        line(c, header);
        for (GroupResult g : result.groups()) {
            List<String> row = new ArrayList<>();
            for (String k : keys) {
                String v = g.group().get(k);
                row.add(v == null ? "" : v);
            }
            row.add(Long.toString(g.n()));
            for (String m : metrics) {
                Double v = g.metrics().get(m);
                Interval ci = g.ci().get(m);
                row.add(v == null ? "" : plain(v));
                row.add(ci == null ? "" : plain(ci.lower()));
                row.add(ci == null ? "" : plain(ci.upper()));
            }
            row.add(g.excluded() == null ? "" : g.excluded());
            line(c, row);
        }
        return c.toString();
    }

    /**
     * The findings as CSV ({@code row, entity, start, end, masked, score, detail}); only masked values, as the
     * check recorded them. Just the header when there are none.
     */
    public static String findingsCsv(CheckResult result) {
        StringBuilder c = new StringBuilder(256);
        line(c, List.of("row", "entity", "start", "end", "masked", "score", "detail"));
        for (Finding f : result.findings()) {
            line(c, List.of(Long.toString(f.row()), orEmpty(f.entity()),
                    f.start() == null ? "" : f.start().toString(), f.end() == null ? "" : f.end().toString(),
                    orEmpty(f.masked()), f.score() == null ? "" : plain(f.score()), orEmpty(f.detail())));
        }
        return c.toString();
    }

    /**
     * The failing examples as CSV ({@code row, family, input, perturbed, perturbation, seed, expected, answer,
     * reason}; input fields as {@code name=value} joined by {@code ; }), masked as the check recorded them, with a
     * last line saying how many were left out when the evidence shows fewer than the total.
     */
    public static String examplesCsv(CheckResult result) {
        StringBuilder c = new StringBuilder(256);
        line(c, List.of("row", "family", "input", "perturbed", "perturbation", "seed", "expected", "answer", "reason"));
        for (Example e : result.examples()) {
            line(c, List.of(e.row() == null ? "" : e.row().toString(), orEmpty(e.family()), fields(e.input()),
                    fields(e.perturbed()), orEmpty(e.perturbation()), e.seed() == null ? "" : e.seed().toString(),
                    orEmpty(e.expected()), orEmpty(e.answer()), orEmpty(e.reason())));
        }
        long total = result.examplesTotal() == null ? 0 : result.examplesTotal();
        if (total > result.examples().size()) {
            line(c, List.of("", "", "", "", "", "", "", "", "showing " + result.examples().size() + " of " + total
                    + " failing cases; all are in the replay file"));
        }
        return c.toString();
    }

    /** The failing examples as a self-contained HTML table (escaped), with the total. */
    public static String examplesHtml(CheckResult result) {
        StringBuilder h = new StringBuilder(1024);
        h.append("<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>")
                .append(escapeHtml(result.name())).append(" - failing examples</title><style>")
                .append("body{font-family:sans-serif;font-size:13px}table{border-collapse:collapse}")
                .append("td,th{border:1px solid #ccc;padding:3px 6px;vertical-align:top;text-align:left}")
                .append("</style></head><body><h3>").append(escapeHtml(result.name())).append(": failing examples</h3>");
        long total = result.examplesTotal() == null ? 0 : result.examplesTotal();
        h.append("<p>Showing ").append(result.examples().size()).append(" of ").append(total)
                .append(" failing cases (values masked).</p><table><tr>");
        for (String col : List.of("row", "family", "input", "perturbed", "perturbation", "seed", "expected",
                "answer", "reason")) {
            h.append("<th>").append(col).append("</th>");
        }
        h.append("</tr>");
        for (Example e : result.examples()) {
            h.append("<tr>");
            for (String v : List.of(e.row() == null ? "" : e.row().toString(), orEmpty(e.family()),
                    fields(e.input()), fields(e.perturbed()), orEmpty(e.perturbation()),
                    e.seed() == null ? "" : e.seed().toString(), orEmpty(e.expected()), orEmpty(e.answer()),
                    orEmpty(e.reason()))) {
                h.append("<td>").append(escapeHtml(v)).append("</td>");
            }
            h.append("</tr>");
        }
        return h.append("</table></body></html>\n").toString();
    }

    private static String fields(java.util.Map<String, String> m) {
        StringBuilder b = new StringBuilder();
        m.forEach((k, v) -> {
            if (b.length() > 0) {
                b.append("; ");
            }
            b.append(k).append('=').append(v == null ? "" : v);
        });
        return b.toString();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static void line(StringBuilder c, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                c.append(',');
            }
            c.append(csvField(fields.get(i)));
        }
        c.append(CRLF);
    }

    /** One CSV field per RFC 4180: quoted (quotes doubled) when it holds a comma, a quote, CR or LF. */
    public static String csvField(String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\r') < 0 && s.indexOf('\n') < 0) {
            return s;
        }
        return '"' + s.replace("\"", "\"\"") + '"';
    }

    // ---------------------------------------------------------------- shared

    private static List<String> groupKeys(CheckResult r) {
        Set<String> keys = new LinkedHashSet<>();
        r.groups().forEach(g -> keys.addAll(g.group().keySet()));
        return List.copyOf(keys);
    }

    private static List<String> metricNames(CheckResult r) {
        Set<String> names = new LinkedHashSet<>();
        r.groups().forEach(g -> {
            names.addAll(g.metrics().keySet());
            names.addAll(g.ci().keySet());
        });
        return List.copyOf(names);
    }

    /** Four significant digits, no exponent for ordinary values: {@code 0.8333}, {@code 12}, {@code 1.5e-7}. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return UNDEFINED;
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        double a = Math.abs(v);
        if (a < 1e-4 && v != 0 || a >= 1e12) {
            return exactNumber(v);
        }
        // the core's format (with its fast path for the common 0.001 <= |v| < 1000)
        return dev.assay.core.internal.Fmt.finite(v);
    }

    /** The reference of {@link #number}: the exact binary value rounded half-up to four significant digits. */
    static String exactNumber(double v) {
        BigDecimal d = new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros();
        if (Math.abs(v) < 1e-4 || Math.abs(v) >= 1e12) {
            return d.toString().toLowerCase(Locale.ROOT).replace("e+", "e");
        }
        return d.toPlainString();
    }

    /** {@code [0.7012, 0.9]}. */
    public static String interval(Interval ci) {
        return "[" + number(ci.lower()) + ", " + number(ci.upper()) + "]";
    }

    /** Full precision, no exponent: the shortest decimal that reads back as the same double ({@code 1}, {@code 0.0000001}). */
    static String plain(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "";
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
