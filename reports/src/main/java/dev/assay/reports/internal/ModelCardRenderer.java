package dev.assay.reports.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.CheckResult;
import dev.assay.core.Evidence;
import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a model card (after Mitchell et al., "Model Cards for Model Reporting", FAT* 2019) from an
 * {@link Evidence} only, as Markdown and as a self-contained HTML page (inline CSS, no scripts, no external
 * assets, every text escaped). Nothing is computed here: values, intervals, thresholds and verdicts are the checks'
 * own; the card only arranges them. Sections that the team writes (intended use, limitations, ...) come from an
 * optional Markdown text whose {@code ## } headings name the sections.
 *
 * <p>URL user information and query parameters whose name mentions a token, key, secret, password or
 * authorization are redacted from every text taken from the evidence.
 */
public final class ModelCardRenderer {
    /** Team sections in the order of the paper; other headings of the team file follow them. */
    public static final List<String> TEAM_SECTIONS = List.of("Intended use", "Factors", "Training data",
            "Ethical considerations", "Limitations", "Caveats and recommendations");

    /** Families in display order; a kind outside them is listed after them under its own name. */
    private static final List<String> FAMILY_ORDER = List.of(CheckFamilies.PERFORMANCE, CheckFamilies.FAIRNESS,
            CheckFamilies.PRIVACY, CheckFamilies.SAFETY, CheckFamilies.PII, CheckFamilies.DATA);

    /** The text of a team section that the file does not provide, before and after the section's name. */
    private static final String NOT_PROVIDED_BEFORE = "Not provided by the team (add a `## ";
    private static final String NOT_PROVIDED_AFTER = "` section to the model card sections file).";

    private static final String STYLE = String.join("\n",
            "body{font-family:system-ui,-apple-system,'Segoe UI',Roboto,sans-serif;font-size:14px;margin:24px auto;"
                    + "max-width:1100px;color:#222;line-height:1.45;padding:0 16px}",
            "h1{font-size:24px;margin:0 0 8px}h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #ddd;"
                    + "padding-bottom:4px}h3{font-size:16px;margin:18px 0 6px}h4{font-size:14px;margin:12px 0 4px}",
            "table{border-collapse:collapse;margin:6px 0 12px}",
            "th,td{border:1px solid #ccc;padding:4px 8px;text-align:left;vertical-align:top}",
            "thead th{background:#f3f3f3}code{font-family:ui-monospace,monospace;font-size:12px;word-break:break-all}",
            ".pass{color:#1a7f37;font-weight:700}.fail{color:#cf222e;font-weight:700}.error{color:#9a6700;"
                    + "font-weight:700}",
            ".gate{display:inline-block;padding:4px 10px;border-radius:4px;color:#fff;font-weight:700}",
            ".gate.pass{background:#1a7f37;color:#fff}.gate.fail{background:#cf222e;color:#fff}",
            ".team{background:#fafafa;border-left:3px solid #bbb;padding:4px 12px}",
            ".missing{color:#777;font-style:italic}figure.chart{margin:4px 0 16px;overflow-x:auto}",
            ".scroll{overflow-x:auto;max-width:100%}");


    private ModelCardRenderer() {
    }

    // ---------------------------------------------------------------- public entry points

    /**
     * The card as Markdown.
     *
     * @param evidence the run's evidence
     * @param sections the team's Markdown ({@code ## Intended use}, ...), or {@code null} for none
     */
    public static String markdown(Evidence evidence, String sections) {
        return markdown(blocks(evidence, null, sections));
    }

    /**
     * Both forms of the card from one pass over the evidence.
     *
     * @return the Markdown card and the HTML card
     */
    public static Map.Entry<String, String> both(Evidence evidence, String sections) {
        return both(evidence, null, sections);
    }

    /**
     * Both forms of the card, given the evidence's JSON text when the caller has it already (the flush has just
     * written it): the card shows its SHA-256, and serialising the evidence a second time is a large part of a
     * cold card.
     *
     * @param evidenceJson {@code evidence.toJson()}, or {@code null} to serialise the evidence here
     * @return the Markdown card and the HTML card
     */
    public static Map.Entry<String, String> both(Evidence evidence, String evidenceJson, String sections) {
        List<Block> blocks = blocks(evidence, evidenceJson, sections);
        return Map.entry(markdown(blocks), html(evidence, blocks));
    }

    private static String markdown(List<Block> blocks) {
        StringBuilder md = new StringBuilder(4096);
        for (Block b : blocks) {
            b.markdown(md);
        }
        return md.toString();
    }

    /**
     * The card as a self-contained HTML page.
     *
     * @param evidence the run's evidence
     * @param sections the team's Markdown, or {@code null} for none
     */
    public static String html(Evidence evidence, String sections) {
        return html(evidence, blocks(evidence, null, sections));
    }

    private static String html(Evidence evidence, List<Block> blocks) {
        StringBuilder h = new StringBuilder(8192);
        h.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(esc("Model card: " + clean(evidence.suite()))).append("</title>\n<style>\n").append(STYLE)
                .append("\n</style>\n</head>\n<body>\n");
        for (Block b : blocks) {
            b.html(h);
        }
        h.append("</body>\n</html>\n");
        return h.toString();
    }

    /** Splits the team's Markdown at its {@code ## } headings: heading (as written) to body, in file order. */
    public static Map<String, String> teamSections(String sections) {
        Map<String, String> out = new LinkedHashMap<>();
        if (sections == null) {
            return out;
        }
        String heading = null;
        StringBuilder body = new StringBuilder();
        for (String line : sections.replace("\r\n", "\n").split("\n", -1)) {
            if (line.startsWith("## ")) {
                if (heading != null) {
                    out.put(heading, body.toString().strip());
                }
                heading = line.substring(3).strip();
                body.setLength(0);
            } else if (heading != null) {
                body.append(line).append('\n');
            }
        }
        if (heading != null) {
            out.put(heading, body.toString().strip());
        }
        return out;
    }

    // ---------------------------------------------------------------- the card's content

    /*
     * The card is rendered once per flush, in a JVM whose reporting code is still cold: plain loops instead of
     * lambdas and streams (each lambda's first call spins a class), and no JsonNode.toString (its first call builds
     * Jackson's internal node mapper). The bytes are the same (FlushGoldenTest).
     */
    private static List<Block> blocks(Evidence ev, String evidenceJson, String sections) {
        Objects.requireNonNull(ev, "evidence");
        List<Block> b = new ArrayList<>();
        Map<String, String> team = teamSections(sections);
        Map<String, String> teamByKey = new LinkedHashMap<>();
        for (Map.Entry<String, String> e : team.entrySet()) {
            teamByKey.put(e.getKey().toLowerCase(Locale.ROOT), e.getValue());
        }
        List<JsonNode> checks = ev.checks();
        long pass = 0;
        long fail = 0;
        for (JsonNode c : checks) {
            String verdict = text(c, "verdict");
            if ("pass".equals(verdict)) {
                pass++;
            } else if ("fail".equals(verdict)) {
                fail++;
            }
        }
        long error = checks.size() - pass - fail;
        boolean gate = fail == 0 && error == 0 && !checks.isEmpty();

        b.add(new Heading(1, "Model card: " + clean(ev.suite())));
        b.add(new Gate(gate, checks.size() + " checks: " + pass + " passed, " + fail + " failed, " + error
                + " errored"));
        b.add(new Para("Generated by Assay from the run's evidence (" + ev.schema() + "), started " + ev.started()
                + ", seed " + ev.seed() + ". Every number below is copied from the evidence; the sections marked as "
                + "written by the team are taken from the team's model card file."));

        // Model details
        b.add(new Heading(2, "Model details"));
        Map<String, List<String>> models = new LinkedHashMap<>();
        if (ev.model() != null) {
            models.put(ev.model().id() + "\u0000" + ev.model().kind(), List.of(clean(ev.model().id()),
                    ev.model().kind(), nz(ev.model().fingerprint())));
        }
        for (JsonNode c : checks) {
            JsonNode m = c.get("model");
            if (m != null && m.isObject()) {
                models.putIfAbsent(text(m, "id") + "\u0000" + text(m, "kind"),
                        List.of(clean(nz(text(m, "id"))), nz(text(m, "kind")), nz(text(m, "fingerprint"))));
            }
        }
        if (models.isEmpty()) {
            b.add(new Para("The evidence names no model."));
        } else {
            b.add(new Table(List.of("Model", "Kind", "Fingerprint"), new ArrayList<>(models.values()), Set.of(2)));
        }
        b.add(new Para("Assay evidence schema " + ev.schema() + "; suite \"" + clean(ev.suite()) + "\"; seed "
                + ev.seed() + "; evidence SHA-256 " + sha256(evidenceJson != null ? evidenceJson : ev.toJson()) + "."));

        team(b, teamByKey, "Intended use");
        team(b, teamByKey, "Factors");
        Set<String> factors = new LinkedHashSet<>();
        for (JsonNode c : checks) {
            for (JsonNode g : iter(c.get("groups"))) {
                addNames(g.path("group"), factors);
            }
        }
        if (!factors.isEmpty()) {
            StringBuilder names = new StringBuilder();
            for (String f : factors) {
                names.append(names.length() == 0 ? "" : ", ").append(clean(f));
            }
            b.add(new Para("Groups evaluated by the checks are defined by: " + names + "."));
        }

        // Metrics
        b.add(new Heading(2, "Metrics"));
        List<List<String>> metricRows = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (JsonNode c : checks) {
            String metric = text(c, "metric");
            String key = text(c, "kind") + "/" + metric + "/" + text(c, "decision") + "/" + key(c.path("confidence"));
            if (metric != null && seen.add(key)) {
                metricRows.add(List.of(clean(metric), nz(text(c, "kind")), nz(text(c, "decision")),
                        c.hasNonNull("confidence") ? ResultTables.number(c.get("confidence").asDouble()) : ""));
            }
        }
        if (metricRows.isEmpty()) {
            b.add(new Para("No check reports a metric."));
        } else {
            b.add(new Table(List.of("Metric", "Check kind", "Decision rule", "Confidence"), metricRows, Set.of()));
            b.add(new Para("Decision rules: point = the estimate against the threshold; strict = the whole "
                    + "confidence interval must satisfy the threshold; lenient = fail only when the whole interval "
                    + "violates it."));
        }

        // Evaluation data
        b.add(new Heading(2, "Evaluation data"));
        Map<String, List<String>> data = new LinkedHashMap<>();
        if (ev.data() != null) {
            data.put(ev.data().path() + "\u0000" + ev.data().sha256(), List.of(clean(nz(ev.data().path())),
                    Long.toString(ev.data().rows()), nz(ev.data().sha256())));
        }
        for (JsonNode c : checks) {
            JsonNode d = c.get("data");
            if (d != null && d.isObject()) {
                data.putIfAbsent(text(d, "path") + "\u0000" + text(d, "sha256"), List.of(clean(nz(text(d, "path"))),
                        d.path("rows").asText(""), nz(text(d, "sha256"))));
            }
        }
        if (data.isEmpty()) {
            b.add(new Para("The evidence names no data set."));
        } else {
            b.add(new Table(List.of("Data", "Rows", "SHA-256"), new ArrayList<>(data.values()), Set.of(2)));
        }
        team(b, teamByKey, "Training data");

        // Quantitative analyses, by family
        b.add(new Heading(2, "Quantitative analyses"));
        Map<String, List<JsonNode>> byFamily = new TreeMap<>(new FamilyOrder());
        for (JsonNode c : checks) {
            String family = CheckFamilies.of(nz(text(c, "kind")));
            List<JsonNode> list = byFamily.get(family);
            if (list == null) {
                list = new ArrayList<>();
                byFamily.put(family, list);
            }
            list.add(c);
        }
        if (checks.isEmpty()) {
            b.add(new Para("The evidence holds no checks."));
        }
        for (Map.Entry<String, List<JsonNode>> entry : byFamily.entrySet()) {
            String family = entry.getKey();
            List<JsonNode> list = entry.getValue();
            b.add(new Heading(3, family));
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode c : list) {
                rows.add(List.of(clean(nz(text(c, "name"))), nz(text(c, "kind")), clean(nz(text(c, "metric"))),
                        value(c.get("value")), interval(c.get("ci")), threshold(c.get("threshold")),
                        nz(text(c, "decision")), c.path("n").asText(""), nz(text(c, "verdict"))));
            }
            b.add(new Table(List.of("Check", "Kind", "Metric", "Value", "Interval", "Threshold", "Decision", "n",
                    "Verdict"), rows, Set.of()));
            for (JsonNode c : list) {
                groups(b, c);
            }
        }

        team(b, teamByKey, "Ethical considerations");
        team(b, teamByKey, "Limitations");
        team(b, teamByKey, "Caveats and recommendations");
        Set<String> known = new LinkedHashSet<>();
        for (String s : TEAM_SECTIONS) {
            known.add(s.toLowerCase(Locale.ROOT));
        }
        for (Map.Entry<String, String> e : team.entrySet()) {
            if (!known.contains(e.getKey().toLowerCase(Locale.ROOT))) {
                b.add(new Heading(2, e.getKey()));
                b.add(new Team(e.getValue()));
            }
        }
        return b;
    }

    /** Families in {@link #FAMILY_ORDER}, others after them by name. */
    private static final class FamilyOrder implements java.util.Comparator<String> {
        @Override
        public int compare(String x, String y) {
            int ix = FAMILY_ORDER.indexOf(x);
            int iy = FAMILY_ORDER.indexOf(y);
            ix = ix < 0 ? FAMILY_ORDER.size() : ix;
            iy = iy < 0 ? FAMILY_ORDER.size() : iy;
            return ix != iy ? Integer.compare(ix, iy) : x.compareTo(y);
        }
    }

    /** Adds the field names of {@code object} (none when it is not an object) to {@code into}. */
    private static void addNames(JsonNode object, Set<String> into) {
        for (java.util.Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            into.add(it.next());
        }
    }

    /**
     * A node's identity for telling metric rows apart: equal exactly when the nodes' {@code toString()} (their JSON
     * text) is, without building the node mapper that {@code toString} needs on its first call. Numbers, booleans,
     * null and a missing node ({@code ""}) have that text as {@code asText()}; a text is its quoted JSON, which is
     * never a number's text, so it is marked with a leading quote; anything else takes {@code toString}.
     */
    private static String key(JsonNode n) {
        if (n.isTextual()) {
            return "\"" + n.asText();
        }
        if (n.isNumber() || n.isBoolean() || n.isNull() || n.isMissingNode()) {
            return n.asText();
        }
        return n.toString();
    }

    private static void team(List<Block> b, Map<String, String> teamByKey, String section) {
        b.add(new Heading(2, section));
        String body = teamByKey.get(section.toLowerCase(Locale.ROOT));
        if (body == null || body.isBlank()) {
            b.add(new Missing(NOT_PROVIDED_BEFORE + section + NOT_PROVIDED_AFTER));
        } else {
            b.add(new Team(body));
        }
    }

    private static void groups(List<Block> b, JsonNode c) {
        List<JsonNode> groups = new ArrayList<>();
        for (JsonNode g : iter(c.get("groups"))) {
            groups.add(g);
        }
        List<JsonNode> findings = new ArrayList<>();
        for (JsonNode f : iter(c.get("findings"))) {
            findings.add(f);
        }
        if (!groups.isEmpty()) {
            b.add(new Heading(4, clean(nz(text(c, "name"))) + ": per group"));
            Set<String> keys = new LinkedHashSet<>();
            Set<String> metrics = new LinkedHashSet<>();
            for (JsonNode g : groups) {
                addNames(g.path("group"), keys);
                addNames(g.path("metrics"), metrics);
                addNames(g.path("ci"), metrics);
            }
            List<String> header = new ArrayList<>();
            for (String k : keys) {
                header.add(clean(k));
            }
            header.add("n");
            for (String m : metrics) {
                header.add(clean(m));
            }
            header.add("Excluded");
            List<List<String>> rows = new ArrayList<>();
            for (JsonNode g : groups) {
                List<String> row = new ArrayList<>();
                for (String k : keys) {
                    JsonNode kv = g.path("group").get(k);
                    row.add(kv == null || kv.isNull() ? "" : clean(kv.asText()));
                }
                row.add(g.path("n").asText(""));
                for (String m : metrics) {
                    JsonNode ci = g.path("ci").get(m);
                    // as in the Allure table: a metric the row does not have is empty, one without a value undefined
                    String v = g.path("metrics").has(m) ? value(g.path("metrics").get(m)) : "";
                    row.add(ci == null ? v : v.isEmpty() ? interval(ci) : v + " " + interval(ci));
                }
                row.add(g.hasNonNull("excluded") ? "excluded: " + clean(g.get("excluded").asText()) : "");
                rows.add(row);
            }
            b.add(new Table(header, rows, Set.of()));
            java.util.Optional<String> svg = chart(c, groups);
            if (svg.isPresent()) {
                b.add(new Svg(svg.get()));
            }
        }
        if (!findings.isEmpty()) {
            Map<String, Integer> byEntity = new TreeMap<>();
            for (JsonNode f : findings) {
                String entity = f.path("entity").asText("(unnamed)");
                Integer n = byEntity.get(entity);
                byEntity.put(entity, n == null ? 1 : n + 1);
            }
            StringBuilder s = new StringBuilder();
            for (Map.Entry<String, Integer> e : byEntity.entrySet()) {
                s.append(s.length() == 0 ? "" : ", ").append(clean(e.getKey())).append(": ").append(e.getValue());
            }
            b.add(new Para(clean(nz(text(c, "name"))) + ": " + findings.size() + " finding"
                    + (findings.size() == 1 ? "" : "s") + " (" + s + "); masked values are in the evidence and the "
                    + "Allure report."));
        }
    }

    /** The per-group chart of a check as the evidence records it (HTML card only). */
    private static java.util.Optional<String> chart(JsonNode c, List<JsonNode> groups) {
        try {
            CheckResult.Builder r = CheckResult.builder(nz(text(c, "kind")), nz(text(c, "name")))
                    .verdict(Verdict.ERROR);
            if (text(c, "metric") != null) {
                r.metric(text(c, "metric"));
            }
            if (c.hasNonNull("confidence")) {
                r.confidence(c.get("confidence").asDouble());
            }
            JsonNode t = c.get("threshold");
            if (t != null && (t.hasNonNull("min") || t.hasNonNull("max"))) {
                r.threshold(new Threshold(t.hasNonNull("min") ? t.get("min").asDouble() : null,
                        t.hasNonNull("max") ? t.get("max").asDouble() : null));
            }
            for (JsonNode g : groups) {
                Map<String, String> group = new LinkedHashMap<>();
                for (var it = g.path("group").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    group.put(e.getKey(), e.getValue().asText());
                }
                Map<String, Double> metrics = new LinkedHashMap<>();
                for (var it = g.path("metrics").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    metrics.put(e.getKey(), e.getValue().isNumber() ? e.getValue().asDouble() : null);
                }
                Map<String, Interval> ci = new LinkedHashMap<>();
                for (var it = g.path("ci").fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    if (e.getValue().isArray() && e.getValue().size() == 2) {
                        ci.put(e.getKey(), new Interval(e.getValue().get(0).asDouble(), e.getValue().get(1).asDouble()));
                    }
                }
                r.group(new GroupResult(group, g.path("n").asLong(), metrics, ci,
                        g.hasNonNull("excluded") ? g.get("excluded").asText() : null));
            }
            return GroupCharts.svg(r.build());
        } catch (RuntimeException e) {
            return java.util.Optional.empty(); // evidence that does not make a chart still makes a table
        }
    }

    // ---------------------------------------------------------------- values

    private static String value(JsonNode v) {
        return v == null || v.isNull() || !v.isNumber() ? ResultTables.UNDEFINED : ResultTables.number(v.asDouble());
    }

    private static String interval(JsonNode ci) {
        if (ci == null || !ci.isArray() || ci.size() != 2) {
            return "";
        }
        return "[" + ResultTables.number(ci.get(0).asDouble()) + ", " + ResultTables.number(ci.get(1).asDouble())
                + "]";
    }

    private static String threshold(JsonNode t) {
        if (t == null || !t.isObject()) {
            return "";
        }
        boolean min = t.hasNonNull("min");
        boolean max = t.hasNonNull("max");
        if (min && max) {
            return "between " + ResultTables.number(t.get("min").asDouble()) + " and "
                    + ResultTables.number(t.get("max").asDouble());
        }
        return min ? "at least " + ResultTables.number(t.get("min").asDouble())
                : max ? "at most " + ResultTables.number(t.get("max").asDouble()) : "";
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n == null ? null : n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }

    private static Iterable<JsonNode> iter(JsonNode array) {
        return array == null || !array.isArray() ? List.of() : array;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    /** Drops URL user information and the values of secret-looking query parameters. */
    static String clean(String s) {
        return Redact.text(s);
    }

    private static String sha256(String text) {
        try {
            return "sha256:" + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String esc(String s) {
        return ResultTables.escapeHtml(s);
    }

    /** Escapes Markdown punctuation (and {@code |} for tables) so that evidence text is shown, not interpreted. */
    static String escMd(String s) {
        boolean plain = true;
        for (int i = 0; i < s.length() && plain; i++) {
            char c = s.charAt(i);
            plain = !markdownSpecial(c) && c != '\n' && c != '\r' && !(c == '(' && i > 0 && s.charAt(i - 1) == ']');
        }
        if (plain) {
            return s; // the common case: nothing to escape, no copy
        }
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (markdownSpecial(c) || c == '(' && i > 0 && s.charAt(i - 1) == ']') {
                sb.append('\\');
            }
            sb.append(c == '\n' || c == '\r' ? ' ' : c);
        }
        return sb.toString();
    }

    /** One of {@code \ ` * _ < > | #} (a switch: the card is rendered once per run, mostly by the interpreter). */
    private static boolean markdownSpecial(char c) {
        switch (c) {
            case '\\', '`', '*', '_', '<', '>', '|', '#':
                return true;
            default:
                return false;
        }
    }

    // ---------------------------------------------------------------- blocks

    private interface Block {
        void markdown(StringBuilder md);

        void html(StringBuilder h);
    }

    private record Heading(int level, String text) implements Block {
        public void markdown(StringBuilder md) {
            md.append("#".repeat(level)).append(' ').append(escMd(text)).append("\n\n");
        }

        public void html(StringBuilder h) {
            h.append("<h").append(level).append('>').append(esc(text)).append("</h").append(level).append(">\n");
        }
    }

    private record Para(String text) implements Block {
        public void markdown(StringBuilder md) {
            md.append(escMd(text)).append("\n\n");
        }

        public void html(StringBuilder h) {
            h.append("<p>").append(esc(text)).append("</p>\n");
        }
    }

    private record Missing(String text) implements Block {
        public void markdown(StringBuilder md) {
            md.append('*').append(text).append("*\n\n");
        }

        public void html(StringBuilder h) {
            h.append("<p class=\"missing\">").append(inline(text)).append("</p>\n");
        }
    }

    private record Gate(boolean passed, String text) implements Block {
        public void markdown(StringBuilder md) {
            md.append("**Release gate: ").append(passed ? "PASSED" : "FAILED").append("** (").append(escMd(text))
                    .append(")\n\n");
        }

        public void html(StringBuilder h) {
            h.append("<p><span class=\"gate ").append(passed ? "pass" : "fail").append("\">Release gate: ")
                    .append(passed ? "PASSED" : "FAILED").append("</span> ").append(esc(text)).append("</p>\n");
        }
    }

    /** A table; columns in {@code code} are shown as code (fingerprints). */
    private record Table(List<String> header, List<List<String>> rows, Set<Integer> code) implements Block {
        public void markdown(StringBuilder md) {
            md.append('|');
            for (String x : header) {
                md.append(' ').append(escMd(x)).append(" |");
            }
            md.append("\n|");
            for (int i = 0; i < header.size(); i++) {
                md.append("---|");
            }
            md.append('\n');
            for (List<String> row : rows) {
                md.append('|');
                for (int i = 0; i < row.size(); i++) {
                    String cell = row.get(i);
                    md.append(' ').append(code.contains(i) && !cell.isEmpty() ? "`" + cell.replace("`", "") + "`"
                            : escMd(cell)).append(" |");
                }
                md.append('\n');
            }
            md.append('\n');
        }

        public void html(StringBuilder h) {
            // a wide table (a comparison's twelve columns) scrolls inside the page instead of widening it
            h.append("<div class=\"scroll\">\n<table>\n<thead><tr>");
            for (String x : header) {
                h.append("<th>").append(esc(x)).append("</th>");
            }
            h.append("</tr></thead>\n<tbody>\n");
            for (List<String> row : rows) {
                h.append("<tr>");
                for (int i = 0; i < row.size(); i++) {
                    String cell = row.get(i);
                    boolean verdict = "Verdict".equals(header.get(i))
                            && ("pass".equals(cell) || "fail".equals(cell) || "error".equals(cell));
                    h.append(verdict ? "<td class=\"" + cell + "\">" : "<td>");
                    h.append(code.contains(i) ? "<code>" + esc(cell) + "</code>" : esc(cell)).append("</td>");
                }
                h.append("</tr>\n");
            }
            h.append("</tbody>\n</table>\n</div>\n");
        }
    }

    /** An inline SVG chart: in the HTML card only (the Markdown card has the same numbers in its table). */
    private record Svg(String svg) implements Block {
        public void markdown(StringBuilder md) {
        }

        public void html(StringBuilder h) {
            h.append("<figure class=\"chart\">\n").append(svg).append("</figure>\n");
        }
    }

    /** The team's Markdown: verbatim in the Markdown card; a small, escaped subset rendered in HTML. */
    private record Team(String body) implements Block {
        public void markdown(StringBuilder md) {
            md.append(body.strip()).append("\n\n");
        }

        public void html(StringBuilder h) {
            h.append("<div class=\"team\">\n").append(markdownToHtml(body)).append("</div>\n");
        }
    }

    /**
     * A small Markdown subset as HTML: {@code ###}-headings, paragraphs, {@code -}/{@code *}/{@code 1.} lists,
     * {@code **bold**}, {@code *emphasis*} and {@code `code`}. Everything else is shown as text; all text is
     * escaped, so raw HTML in the file is displayed, never interpreted.
     */
    static String markdownToHtml(String md) {
        StringBuilder h = new StringBuilder();
        StringBuilder para = new StringBuilder();
        String list = null;
        for (String raw : md.replace("\r\n", "\n").split("\n", -1)) {
            String line = raw.strip();
            Matcher bullet = BULLET.matcher(line);
            boolean isItem = bullet.matches();
            if (line.isEmpty() || line.startsWith("#") || isItem) {
                if (para.length() > 0) {
                    h.append("<p>").append(inline(para.toString().strip())).append("</p>\n");
                    para.setLength(0);
                }
            }
            if (list != null && !isItem) {
                if (!line.isEmpty() && !line.startsWith("#")) {
                    int at = h.lastIndexOf("</li>");
                    h.insert(at, " " + inline(line));
                    continue;
                }
                h.append("</").append(list).append(">\n");
                list = null;
            }
            if (line.isEmpty()) {
                continue;
            }
            if (line.startsWith("#")) {
                int level = 0;
                while (level < line.length() && line.charAt(level) == '#') {
                    level++;
                }
                int tag = Math.min(6, Math.max(3, level + 1));
                h.append("<h").append(tag).append('>').append(inline(line.substring(level).strip())).append("</h")
                        .append(tag).append(">\n");
            } else if (isItem) {
                String kind = Character.isDigit(bullet.group(1).charAt(0)) ? "ol" : "ul";
                if (list != null && !list.equals(kind)) {
                    h.append("</").append(list).append(">\n");
                    list = null;
                }
                if (list == null) {
                    h.append('<').append(kind).append(">\n");
                    list = kind;
                }
                h.append("<li>").append(inline(bullet.group(2))).append("</li>\n");
            } else {
                para.append(line).append(' ');
            }
        }
        if (para.length() > 0) {
            h.append("<p>").append(inline(para.toString().strip())).append("</p>\n");
        }
        if (list != null) {
            h.append("</").append(list).append(">\n");
        }
        return h.toString();
    }

    private static final Pattern BULLET = Pattern.compile("^([-*+]|\\d+[.)])\\s+(.*)$");
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");
    private static final Pattern BOLD = Pattern.compile("\\*\\*([^*]+)\\*\\*");
    private static final Pattern EM = Pattern.compile("(?<![*\\w])\\*([^*]+)\\*(?![*\\w])");

    private static String inline(String s) {
        String e = esc(s);
        e = CODE.matcher(e).replaceAll("<code>$1</code>");
        e = BOLD.matcher(e).replaceAll("<strong>$1</strong>");
        return EM.matcher(e).replaceAll("<em>$1</em>");
    }
}
