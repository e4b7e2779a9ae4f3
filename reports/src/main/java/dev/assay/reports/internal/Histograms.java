package dev.assay.reports.internal;

import dev.assay.core.CheckResult;
import dev.assay.core.GroupResult;
import dev.assay.core.data.DriftCharts;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Overlaid reference/current histograms (SVG) of the groups of a check that carry {@link GroupResult#bins() bins}
 * (the drift check's drifted columns), at most {@value #MAX_CHARTS} per check, in group order. When a check has
 * more, every chart's title says how many were drawn out of how many. Drawn from the evidence only: the bins'
 * labels and proportions, and the group's statistics for the title.
 */
public final class Histograms {
    /** The most histograms attached to one check: {@value}. */
    public static final int MAX_CHARTS = 10;

    private Histograms() {
    }

    /** One chart: the group it belongs to (its label, for the attachment's name) and the SVG document. */
    public record Chart(String group, String svg) {
    }

    /** The charts of {@code result}'s groups with bins; empty when no group has any. */
    public static List<Chart> of(CheckResult result) {
        Objects.requireNonNull(result, "result");
        List<GroupResult> binned = new ArrayList<>();
        for (GroupResult g : result.groups()) {
            if (!g.bins().isEmpty()) {
                binned.add(g);
            }
        }
        int shown = Math.min(MAX_CHARTS, binned.size());
        List<Chart> charts = new ArrayList<>(shown);
        for (int i = 0; i < shown; i++) {
            GroupResult g = binned.get(i);
            String name = String.join(", ", g.group().values());
            StringBuilder title = new StringBuilder(name).append(": reference vs current");
            String stats = stats(g.metrics());
            if (!stats.isEmpty()) {
                title.append(" (").append(stats).append(')');
            }
            if (binned.size() > MAX_CHARTS) {
                title.append(" [chart ").append(i + 1).append(" of ").append(MAX_CHARTS).append(" drawn; ")
                        .append(binned.size()).append(" columns drifted]");
            }
            List<String> labels = new ArrayList<>(g.bins().size());
            double[] ref = new double[g.bins().size()];
            double[] cur = new double[g.bins().size()];
            for (int k = 0; k < ref.length; k++) {
                GroupResult.Bin b = g.bins().get(k);
                labels.add(b.label());
                ref[k] = b.reference();
                cur[k] = b.current();
            }
            charts.add(new Chart(name, DriftCharts.histogramSvg(title.toString(), labels, ref, cur)));
        }
        return charts;
    }

    private static String stats(Map<String, Double> m) {
        List<String> parts = new ArrayList<>();
        for (String k : List.of("psi", "ks_statistic", "wasserstein", "jensen_shannon")) {
            Double v = m.get(k);
            if (v != null) {
                parts.add(k.replace('_', ' ') + " " + ResultTables.number(v));
            }
        }
        return String.join(", ", parts);
    }
}
