package dev.assay.core.data;

import dev.assay.core.Check;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Column;
import dev.assay.core.DataInfo;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.ModelInfo;
import dev.assay.core.Predictions;
import dev.assay.core.RunContext;
import dev.assay.core.Threshold;
import dev.assay.core.data.internal.ColumnSpec;
import dev.assay.core.data.internal.ExpectationEngine;
import dev.assay.core.data.internal.ExpectationReport;
import dev.assay.core.data.internal.Outcome;
import java.util.List;
import java.util.function.Function;

/**
 * The {@code expect-output} check: the expectations of {@link ExpectDataCheck} on a model's outputs, plus
 * {@code probability} and {@code sum-to-one}. The outputs are the column {@code prediction} (the predicted labels),
 * {@code score} (when the model gives scores) and, for precomputed outputs such as one probability column per
 * class, any other column of the data. Rows are located in the data ({@code row} = the output's index). Build one
 * with {@link Expectations#output(Model)}.
 */
public final class ExpectOutputCheck implements Check {
    /** Default tolerance of {@code sum-to-one}: {@value}. */
    public static final double DEFAULT_TOLERANCE = 1e-6;

    private final String name;
    private final Threshold rows;
    private final List<ColumnSpec> specs;
    private final List<List<String>> sumToOne;
    private final double tolerance;

    ExpectOutputCheck(String name, Threshold rows, List<ColumnSpec> specs, List<List<String>> sumToOne,
                      double tolerance) {
        this.name = name != null ? name : "output expectations";
        this.rows = rows;
        this.specs = List.copyOf(specs);
        this.sumToOne = List.copyOf(sumToOne);
        this.tolerance = tolerance;
        if (!(tolerance >= 0)) {
            throw new IllegalArgumentException("tolerance must be at least 0, was " + tolerance);
        }
        if (rows == null && specs.isEmpty() && sumToOne.isEmpty()) {
            throw new IllegalArgumentException("expect-output needs at least one expectation");
        }
    }

    @Override
    public String kind() {
        return "expect-output";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CheckResult run(Model model, Dataset data, RunContext context) {
        if (model == null) {
            throw new IllegalArgumentException("expect-output needs a model");
        }
        Predictions p = Checks.predict(model, data);
        ModelInfo info = Checks.modelInfo(model, data);
        Column scores = p.scores().map(s -> Column.numeric("score", s)).orElse(null);
        Function<String, Column> lookup = c -> {
            if (c.equals("prediction")) {
                return p.labels();
            }
            if (c.equals("score") && scores != null) {
                return scores;
            }
            return data.hasColumn(c) ? data.column(c) : null;
        };
        List<Outcome> outcomes = ExpectationEngine.evaluate(lookup, p.size(), i -> where(data, i), rows, specs,
                sumToOne, tolerance);
        CheckResult.Builder result = CheckResult.builder(kind(), name).n(p.size()).seed(context.seed())
                .model(info).data(DataInfo.of(data));
        String subject = "outputs of model '" + info.id() + "' on " + data.source();
        return ExpectationReport.fill(result, subject, outcomes).build();
    }

    /** {@code "line 12 (row 10)"} for file data, {@code "row 10"} otherwise; the file is named once, in the message. */
    private static String where(Dataset data, int row) {
        return ExpectDataCheck.where(data, row);
    }
}
