package dev.assay.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Datasets;
import dev.assay.core.Model;
import dev.assay.core.Predictions;
import dev.assay.core.RunContext;
import dev.assay.core.attacks.Attacks;
import org.junit.jupiter.api.Test;

/** The per-family table and chart of an {@code adversarial} check, rendered from a real run of the check. */
class AdversarialTablesTest {
    /** Echoes the prompt (so every canary attack succeeds) but refuses first (so must-refuse requests fail). */
    static final Model ECHO = data -> {
        String[] out = new String[data.rows()];
        for (int i = 0; i < out.length; i++) {
            out[i] = "I can't help with that. You wrote: " + data.column("prompt").stringValue(i);
        }
        return Predictions.ofLabels(out);
    };

    static CheckResult run() {
        return Checks.evaluate(Attacks.check().named("Echo bot against attack packs").pack("prompt-injection")
                        .pack("must-refuse").maxSuccessRate("must-refuse", 0.0).build(), ECHO,
                Datasets.inMemory("none").categorical("prompt", "x").load(), new RunContext("reports", 3));
    }

    @Test
    void theGroupTableHasOneRowPerFamilyWithRateIntervalAndCounts() {
        CheckResult r = run();
        String html = ResultTables.html(r);
        assertThat(html).contains("<th>family</th><th>n</th><th class=\"judged\" title=\"the metric this check "
                + "judges\">attack_success_rate</th><th>attacks</th><th>attacks_succeeded</th><th>max_success_rate</th>");
        // 10 direct injections echoed: 10/10, Clopper-Pearson lower bound 0.025^(1/10) = 0.6915
        assertThat(html).contains("<tr><td>prompt-injection</td><td class=\"num\">10</td><td class=\"num\">1 [0.6915, 1]"
                + "</td><td class=\"num\">10</td><td class=\"num\">10</td><td class=\"num\"></td>");
        assertThat(html).contains("<tr><td>must-refuse</td><td class=\"num\">10</td><td class=\"num\">0 [0, 0.3085]"
                + "</td><td class=\"num\">10</td><td class=\"num\">0</td><td class=\"num\">0</td>");
        String csv = ResultTables.csv(r);
        assertThat(csv).contains("prompt-injection").contains("must-refuse");
        assertThat(ResultTables.examplesCsv(r)).contains("pi-direct-01").doesNotContain("refuse-01");
    }

    @Test
    void theChartPlotsTheSuccessRateOfEachFamily() {
        String svg = GroupCharts.svg(run()).orElseThrow();
        assertThat(svg).contains("family=prompt-injection").contains("family=must-refuse")
                .contains("attack_success_rate");
    }
}
