package dev.assay.benchmarks.fairness;

import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.fairness.BaseMetric;
import dev.assay.core.fairness.Fairness;
import dev.assay.core.fairness.FairnessReport;
import dev.assay.core.Model;
import dev.assay.core.fairness.internal.SyntheticData;
import java.util.List;

/** The data of {@code shared/tools/fairlearn_bench.py} (seed 42) in memory, and the measured evaluation. */
final class SyntheticFrames {
    private SyntheticFrames() {
    }

    static Dataset dataset(int rows) {
        int[] group = new int[rows];
        int[] sex = new int[rows];
        double[] y = new double[rows];
        double[] p = new double[rows];
        for (int i = 0; i < rows; i++) {
            int r = SyntheticData.row(42, i);
            group[i] = SyntheticData.group(r);
            sex[i] = SyntheticData.sex(r);
            y[i] = SyntheticData.y(r);
            p[i] = SyntheticData.yhat(r);
        }
        return Datasets.inMemory("synthetic-" + rows)
                .column(Column.categorical("group", group, List.of("g0", "g1", "g2", "g3", "g4", "g5", "g6", "g7")))
                .column(Column.categorical("sex", sex, List.of("F", "M")))
                .column(Column.numeric("y_true", y)).column(Column.numeric("y_pred", p))
                .label("y_true").load();
    }

    /**
     * Fairlearn's MetricFrame of the reference (selection_rate, TPR, FPR, accuracy, count over group x sex: 16
     * cells) plus demographic_parity_difference and equalized_odds_difference, from one pass.
     */
    static FairnessReport frame(Model model, Dataset data, int bootstrap) {
        return Fairness.of(model).on(data).by("group", "sex").seed(1).bootstrap(bootstrap).minGroupSize(0)
                .metric("equalized_odds_difference")
                .frame(BaseMetric.SELECTION_RATE, BaseMetric.ACCURACY, BaseMetric.COUNT).report();
    }
}
