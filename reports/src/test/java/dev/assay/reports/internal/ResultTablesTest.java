package dev.assay.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.CheckResult;
import dev.assay.core.Decision;
import dev.assay.core.Finding;
import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class ResultTablesTest {
    @Test
    void escaping_html_replaces_every_special_character_wherever_it_is_and_leaves_plain_text_as_it_is() {
        assertThat(ResultTables.escapeHtml("race=Black n=1423 [0.81, 0.84]")).isEqualTo("race=Black n=1423 [0.81, 0.84]");
        assertThat(ResultTables.escapeHtml("")).isEmpty();
        assertThat(ResultTables.escapeHtml("<b>")).isEqualTo("&lt;b&gt;");
        assertThat(ResultTables.escapeHtml("a & b")).isEqualTo("a &amp; b");
        assertThat(ResultTables.escapeHtml("O'Brien said \"hi\"")).isEqualTo("O&#39;Brien said &quot;hi&quot;");
        assertThat(ResultTables.escapeHtml("tail>")).isEqualTo("tail&gt;");
    }

    private static final String NASTY = "<script>alert(\"x\")</script> & 'co', \"quoted\"\r\nnext line";

    /** A failing check by two columns: one judged group, one undefined metric, one group left out. */
    private static CheckResult byGroups() {
        Map<String, Double> female = new LinkedHashMap<>();
        female.put("accuracy", 0.75);
        female.put("precision", null);
        Map<String, Double> tiny = new LinkedHashMap<>();
        tiny.put("accuracy", 1.0);
        tiny.put("precision", 0.5);
        return CheckResult.builder("performance", "Accuracy <by> sex & race")
                .metric("accuracy").value(0.75).ci(new Interval(0.5983, 0.8580)).confidence(0.95)
                .threshold(Threshold.atLeast(0.8)).decision(Decision.STRICT).verdict(Verdict.FAIL)
                .message("accuracy of 1 of 1 groups is not at least 0.8 (decision: strict): sex=F, race=<b> 0.75")
                .n(45).seed(7)
                .group(new GroupResult(ordered("sex", "F", "race", "<b>"), 40, female,
                        Map.of("accuracy", new Interval(0.5983, 0.8580)), null))
                .group(new GroupResult(ordered("sex", NASTY, "race", "A,B"), 5, tiny, Map.of(),
                        "fewer than 30 rows (min-group-size)"))
                .build();
    }

    private static Map<String, String> ordered(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void html_escapes_every_text_and_holds_no_script_or_external_asset() {
        String html = ResultTables.html(byGroups());

        assertThat(html).startsWith("<!DOCTYPE html>")
                .contains("<title>Accuracy &lt;by&gt; sex &amp; race</title>")
                .contains("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;co&#39;, &quot;quoted&quot;")
                .contains("<td>&lt;b&gt;</td>")
                .doesNotContain("<script", "<b>", "http://", "https://", "src=", "<link");
    }

    @Test
    void html_shows_the_overall_result_before_the_groups() {
        String html = ResultTables.html(byGroups());

        int summary = html.indexOf("class=\"summary\"");
        int groups = html.indexOf("class=\"groups\"");
        assertThat(summary).isPositive().isLessThan(groups);
        String top = html.substring(summary, groups);
        assertThat(top).contains("verdict-fail\">fail<", ">0.75<", ">95% interval<", ">[0.5983, 0.858]<",
                ">at least 0.8<", ">strict<", ">45<", ">7<", "(decision: strict)");
    }

    @Test
    void html_has_a_row_per_group_with_n_metrics_intervals_and_marks_the_excluded_one() {
        String html = ResultTables.html(byGroups());
        List<String> rows = rows(html.substring(html.indexOf("<tbody>")));

        assertThat(rows).hasSize(2);
        assertThat(rows.get(0)).startsWith("<tr>")
                .contains("<td>F</td>", "<td class=\"num\">40</td>", "0.75 [0.5983, 0.858]", ">undefined<")
                .doesNotContain("excluded:");
        assertThat(rows.get(1)).startsWith("<tr class=\"excluded\">")
                .contains("<td class=\"num\">5</td>", "excluded: fewer than 30 rows (min-group-size)");
        assertThat(html).contains("<th class=\"judged\"", ">accuracy</th>", "<th>precision</th>");
    }

    @Test
    void html_of_an_error_without_value_or_groups_says_so() {
        CheckResult error = CheckResult.builder("fairness", "Four-fifths").metric("demographic_parity_ratio")
                .verdict(Verdict.ERROR).message("data.csv: column 'sex' not found").build();

        String html = ResultTables.html(error);

        assertThat(html).contains("verdict-error\">error<", "<th>Value</th><td class=\"num\">undefined</td>",
                        "data.csv: column &#39;sex&#39; not found", "No per-group results")
                .doesNotContain("interval<", "Threshold", "class=\"groups\"");
    }

    @Test
    void csv_quotes_per_rfc_4180_and_reads_back_to_the_same_cells() {
        String csv = ResultTables.csv(byGroups());

        assertThat(csv).endsWith("\r\n");
        List<List<String>> table = parseCsv(csv);
        assertThat(table).hasSize(3);
        assertThat(table.get(0)).containsExactly("sex", "race", "n", "accuracy", "accuracy_ci_lower",
                "accuracy_ci_upper", "precision", "precision_ci_lower", "precision_ci_upper", "excluded");
        assertThat(table.get(1)).containsExactly("F", "<b>", "40", "0.75", "0.5983", "0.858", "", "", "", "");
        assertThat(table.get(2)).containsExactly(NASTY, "A,B", "5", "1", "", "", "0.5", "", "",
                "fewer than 30 rows (min-group-size)");
        // the raw text, hand-written: quotes doubled, fields with comma, quote, CR or LF quoted
        assertThat(csv.split("\r\n", -1)[2]).startsWith(
                "\"<script>alert(\"\"x\"\")</script> & 'co', \"\"quoted\"\"");
        assertThat(csv).contains(",\"A,B\",5,1,,,0.5,,,fewer than 30 rows (min-group-size)\r\n");
    }

    @Test
    void each_character_that_needs_quoting_is_quoted_on_its_own() {
        assertThat(ResultTables.csvField("plain text; with <tags> & 'single' quotes")).isEqualTo(
                "plain text; with <tags> & 'single' quotes");
        assertThat(ResultTables.csvField("a,b")).isEqualTo("\"a,b\"");
        assertThat(ResultTables.csvField("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(ResultTables.csvField("line1\nline2")).isEqualTo("\"line1\nline2\"");
        assertThat(ResultTables.csvField("line1\rline2")).isEqualTo("\"line1\rline2\"");
        assertThat(ResultTables.csvField("")).isEmpty();
    }

    @Test
    void csv_of_a_check_without_groups_is_one_overall_row_and_an_error_leaves_value_cells_empty() {
        CheckResult pass = CheckResult.builder("performance", "accuracy").metric("accuracy").value(0.8125)
                .ci(new Interval(0.7, 0.9)).threshold(Threshold.atLeast(0.8)).verdict(Verdict.PASS).n(80).build();
        CheckResult error = CheckResult.builder("performance", "recall").metric("recall").verdict(Verdict.ERROR)
                .message("recall is undefined on d: no row has the positive label").build();

        assertThat(ResultTables.csv(pass)).isEqualTo(
                "group,n,accuracy,accuracy_ci_lower,accuracy_ci_upper,excluded\r\noverall,80,0.8125,0.7,0.9,\r\n");
        assertThat(ResultTables.csv(error)).isEqualTo(
                "group,n,recall,recall_ci_lower,recall_ci_upper,excluded\r\noverall,,,,,\r\n");
    }

    @Test
    void findings_are_listed_masked_in_html_and_csv() {
        CheckResult pii = CheckResult.builder("pii-leak", "No PII").metric("findings").value(1)
                .threshold(Threshold.atMost(0)).verdict(Verdict.FAIL).message("1 finding")
                .finding(new Finding(3, "EMAIL_ADDRESS", 10, 27, "j***@e******.com", 1.0))
                .build();

        assertThat(ResultTables.findingsCsv(pii)).isEqualTo(
                "row,entity,start,end,masked,score,detail\r\n3,EMAIL_ADDRESS,10,27,j***@e******.com,1,\r\n");
        assertThat(ResultTables.html(pii)).contains("Findings (1)", "<td>j***@e******.com</td>");
    }

    @Test
    void numbers_have_four_significant_digits_in_html_and_full_precision_in_csv() {
        assertThat(ResultTables.number(2.0 / 3)).isEqualTo("0.6667");
        assertThat(ResultTables.number(12)).isEqualTo("12");
        assertThat(ResultTables.number(0.25)).isEqualTo("0.25");
        assertThat(ResultTables.number(1.5e-7)).isEqualTo("1.5e-7");
        assertThat(ResultTables.number(Double.NaN)).isEqualTo("undefined");
        assertThat(ResultTables.plain(2.0 / 3)).isEqualTo("0.6666666666666666");
        assertThat(ResultTables.plain(1e-7)).isEqualTo("0.0000001");
        assertThat(Double.parseDouble(ResultTables.plain(0.1 + 0.2))).isEqualTo(0.1 + 0.2);
    }

    private static List<String> rows(String html) {
        List<String> rows = new ArrayList<>();
        Matcher m = Pattern.compile("<tr[^>]*>.*?</tr>", Pattern.DOTALL).matcher(html.substring(0,
                html.indexOf("</tbody>")));
        while (m.find()) {
            rows.add(m.group());
        }
        return rows;
    }

    /** An independent RFC 4180 reader (CRLF records, quoted fields with doubled quotes). */
    static List<List<String>> parseCsv(String text) {
        List<List<String>> records = new ArrayList<>();
        List<String> record = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        boolean quoted = false;
        boolean fieldStarted = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < text.length() && text.charAt(i + 1) == '"') {
                    field.append('"');
                    i += 2;
                    continue;
                }
                if (c == '"') {
                    quoted = false;
                } else {
                    field.append(c);
                }
                i++;
                continue;
            }
            if (c == '"' && !fieldStarted) {
                quoted = true;
                fieldStarted = true;
            } else if (c == ',') {
                record.add(field.toString());
                field.setLength(0);
                fieldStarted = false;
            } else if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                record.add(field.toString());
                records.add(record);
                record = new ArrayList<>();
                field.setLength(0);
                fieldStarted = false;
                i++;
            } else if (c == '"' || c == '\r' || c == '\n') {
                throw new AssertionError("not RFC 4180: bare " + (int) c + " at offset " + i);
            } else {
                field.append(c);
                fieldStarted = true;
            }
            i++;
        }
        if (quoted || fieldStarted || !record.isEmpty()) {
            throw new AssertionError("not RFC 4180: the last record does not end with CRLF");
        }
        return records;
    }

    @Test
    void aMetricARowDoesNotHaveIsAnEmptyCellAndOneWithoutAValueIsUndefined() {
        // a comparison: the models' rows carry accuracy, the comparison row its difference; precision is undefined
        // for the baseline (no positive prediction); a Wilson interval stands without a value of its own
        Map<String, Double> candidate = new LinkedHashMap<>();
        candidate.put("accuracy", 0.8);
        candidate.put("precision", 0.7);
        Map<String, Double> baseline = new LinkedHashMap<>();
        baseline.put("accuracy", 0.75);
        baseline.put("precision", null);
        CheckResult r = CheckResult.builder("compare", "Not worse").metric("difference").value(0.05)
                .verdict(Verdict.PASS)
                .group(new GroupResult(Map.of("model", "candidate"), 100, candidate,
                        Map.of("precision_wilson", new Interval(0.6, 0.8)), null))
                .group(new GroupResult(Map.of("model", "baseline"), 100, baseline))
                .group(new GroupResult(Map.of("comparison", "candidate - baseline"), 100,
                        Map.of("difference", 0.05)))
                .build();

        String html = ResultTables.html(r);

        assertThat(html).contains("<tr><td>candidate</td><td></td><td class=\"num\">100</td><td class=\"num\">0.8"
                        + "</td><td class=\"num\">0.7</td><td class=\"num\">[0.6, 0.8]</td><td class=\"num\"></td>")
                .contains("<tr><td>baseline</td><td></td><td class=\"num\">100</td><td class=\"num\">0.75</td>"
                        + "<td class=\"num\">undefined</td><td class=\"num\"></td><td class=\"num\"></td>")
                .contains("<tr><td></td><td>candidate - baseline</td><td class=\"num\">100</td><td class=\"num\"></td>"
                        + "<td class=\"num\"></td><td class=\"num\"></td><td class=\"num\">0.05</td>")
                .doesNotContain("(missing)");
    }
}
