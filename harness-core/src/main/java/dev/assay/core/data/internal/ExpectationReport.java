package dev.assay.core.data.internal;

import dev.assay.core.CheckResult;
import dev.assay.core.Finding;
import dev.assay.core.GroupResult;
import dev.assay.core.Threshold;
import dev.assay.core.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Turns expectation outcomes into a check result: one group row per expectation, one finding per example row. */
public final class ExpectationReport {
    private ExpectationReport() {
    }

    public static CheckResult.Builder fill(CheckResult.Builder result, String subject, List<Outcome> outcomes) {
        List<String> failed = new ArrayList<>();
        for (Outcome o : outcomes) {
            Map<String, Double> metrics = new LinkedHashMap<>();
            metrics.put("passed", o.passed() ? 1.0 : 0.0);
            if (o.failing() != null) {
                metrics.put("failing", (double) o.failing());
            }
            if (!Double.isNaN(o.observed())) {
                metrics.put("observed", o.observed());
            }
            result.group(new GroupResult(Map.of("expectation", o.expectation()), o.n(), metrics));
            if (!o.passed()) {
                StringBuilder sb = new StringBuilder("  - ").append(o.expectation()).append(": ").append(o.detail());
                if (!o.examples().isEmpty()) {
                    sb.append(o.failing() != null && o.failing() > o.examples().size() ? ", first " : ": ");
                    List<String> ex = new ArrayList<>();
                    for (Outcome.Example e : o.examples()) {
                        ex.add(e.location() + (e.maskedValue() == null ? "" : " = " + quote(e.maskedValue())));
                        result.finding(new Finding(e.row(), "expectation", null, null, e.maskedValue(), null,
                                o.expectation() + " at " + e.location()));
                    }
                    sb.append(String.join("; ", ex));
                }
                failed.add(sb.toString());
            }
        }
        result.metric("failed_expectations").value(failed.size()).threshold(Threshold.atMost(0));
        if (failed.isEmpty()) {
            return result.verdict(Verdict.PASS);
        }
        return result.verdict(Verdict.FAIL).message("Expecting " + subject + " to meet " + outcomes.size()
                + " expectations, but " + failed.size() + " failed:\n" + String.join("\n", failed));
    }

    private static String quote(String v) {
        return "\"" + v + "\"";
    }
}
