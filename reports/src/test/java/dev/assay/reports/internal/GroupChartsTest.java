package dev.assay.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.CheckResult;
import dev.assay.core.GroupResult;
import dev.assay.core.Interval;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class GroupChartsTest {
    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static Element byClass(Document d, String tag, String cls, int index) {
        NodeList all = d.getElementsByTagName(tag);
        int seen = 0;
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            if (cls.equals(e.getAttribute("class")) && seen++ == index) {
                return e;
            }
        }
        throw new AssertionError("no " + tag + "." + cls + " #" + index);
    }

    @Test
    void values_whiskers_and_the_threshold_are_placed_on_a_0_to_1_axis() throws Exception {
        CheckResult r = CheckResult.builder("fairness", "Recall <by> sex").metric("recall").value(0.6).ci(new Interval(0.5, 0.7))
                .threshold(Threshold.atLeast(0.8)).confidence(0.95).verdict(Verdict.FAIL)
                .group(new GroupResult(Map.of("sex", "F & <other>"), 48, Map.of("recall", 0.75),
                        Map.of("recall", new Interval(0.5, 0.875)), null))
                .group(new GroupResult(Map.of("sex", "M"), 4, Map.of("recall", 0.25),
                        Map.of("recall", new Interval(0.0, 1.0)), "fewer than 10 rows"))
                .build();

        Document d = parse(GroupCharts.svg(r).orElseThrow());

        // x = 200 + v * 400
        assertThat(byClass(d, "circle", "value", 0).getAttribute("cx")).isEqualTo("500");
        assertThat(byClass(d, "circle", "value", 1).getAttribute("cx")).isEqualTo("300");
        Element whisker = byClass(d, "line", "whisker", 0);
        assertThat(whisker.getAttribute("x1")).isEqualTo("400");
        assertThat(whisker.getAttribute("x2")).isEqualTo("550");
        assertThat(byClass(d, "line", "threshold", 0).getAttribute("x1")).isEqualTo("520");
        // rows: y = 56 + 26 * i + 13
        assertThat(byClass(d, "circle", "value", 1).getAttribute("cy")).isEqualTo("95");
        assertThat(byClass(d, "g", "group excluded", 0).getTextContent()).contains("sex=M (n=4) excluded");
        assertThat(d.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("Recall <by> sex: recall by group with 95% intervals");
        assertThat(byClass(d, "g", "group", 0).getTextContent()).contains("sex=F & <other> (n=48)");
    }

    @Test
    void values_outside_0_to_1_get_a_padded_axis_and_a_group_metric_other_than_the_judged_one_has_no_threshold()
            throws Exception {
        CheckResult r = CheckResult.builder("fairness", "Parity").metric("demographic_parity_ratio").value(0.5)
                .threshold(Threshold.atLeast(0.8)).verdict(Verdict.FAIL)
                .group(new GroupResult(Map.of("g", "a"), 10, Map.of("mean_income", 10.0)))
                .group(new GroupResult(Map.of("g", "b"), 10, Map.of("mean_income", 30.0)))
                .build();

        Document d = parse(GroupCharts.svg(r).orElseThrow());

        // range 10..30 padded by 1 on each side: 9..31; x(10) = 200 + 1/22 * 400 = 218.18
        assertThat(byClass(d, "circle", "value", 0).getAttribute("cx")).isEqualTo("218.18");
        assertThat(byClass(d, "circle", "value", 1).getAttribute("cx")).isEqualTo("581.82");
        assertThat(d.getElementsByTagName("line").getLength()).as("axis and 5 grid lines only").isEqualTo(6);
    }

    @Test
    void long_group_labels_move_the_plot_to_the_right() throws Exception {
        String race = "Asian-Pac-Islander-and-more";
        CheckResult r = CheckResult.builder("performance", "Accuracy").metric("accuracy").value(0.5)
                .verdict(Verdict.PASS)
                .group(new GroupResult(Map.of("race", race), 300, Map.of("accuracy", 0.5))).build();

        Document d = parse(GroupCharts.svg(r).orElseThrow());

        // label "race=Asian-Pac-Islander-and-more (n=300)" has 40 characters: left = 7 * 40 + 16 = 296
        assertThat(("race=" + race + " (n=300)").length()).isEqualTo(40);
        assertThat(byClass(d, "circle", "value", 0).getAttribute("cx")).isEqualTo(String.valueOf(296 + 200));
    }

    @Test
    void coordinates_have_at_most_two_decimals_without_trailing_zeros() {
        assertThat(GroupCharts.fmt(500)).isEqualTo("500");
        assertThat(GroupCharts.fmt(218.1818)).isEqualTo("218.18");
        assertThat(GroupCharts.fmt(300.5)).isEqualTo("300.5");
        assertThat(GroupCharts.fmt(12.05)).isEqualTo("12.05");
        assertThat(GroupCharts.fmt(7.999)).isEqualTo("8");
        assertThat(GroupCharts.fmt(-0.25)).isEqualTo("-0.25");
    }

    @Test
    void no_groups_no_chart() {
        CheckResult r = CheckResult.builder("performance", "F1").metric("f1").value(0.7).verdict(Verdict.PASS)
                .build();

        assertThat(GroupCharts.svg(r)).isEmpty();
    }

    @Test
    void a_row_without_the_metric_is_left_out_and_a_row_with_it_undefined_is_marked() throws Exception {
        Map<String, Double> undefined = new HashMap<>();
        undefined.put("accuracy", null);
        CheckResult r = CheckResult.builder("compare", "Not worse").metric("accuracy").verdict(Verdict.PASS)
                .group(new GroupResult(Map.of("model", "candidate"), 100, Map.of("accuracy", 0.8)))
                .group(new GroupResult(Map.of("model", "empty"), 0, undefined))
                .group(new GroupResult(Map.of("comparison", "candidate - baseline"), 100, Map.of("difference", 0.05)))
                .build();

        Document d = parse(GroupCharts.svg(r).orElseThrow());

        NodeList groups = d.getElementsByTagName("g");
        assertThat(groups.getLength()).isEqualTo(2);
        assertThat(groups.item(0).getTextContent()).contains("model=candidate (n=100)").contains("0.8");
        assertThat(groups.item(1).getTextContent()).contains("model=empty (n=0)").contains("undefined");
        assertThat(d.getDocumentElement().getTextContent()).doesNotContain("comparison");
        // two rows: height = 56 + 26 * 2 + 40
        assertThat(d.getDocumentElement().getAttribute("height")).isEqualTo("148");
    }
}
