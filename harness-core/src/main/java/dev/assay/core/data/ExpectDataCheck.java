package dev.assay.core.data;

import dev.assay.core.Check;
import dev.assay.core.CheckResult;
import dev.assay.core.DataInfo;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.RunContext;
import dev.assay.core.Threshold;
import dev.assay.core.data.internal.ColumnSpec;
import dev.assay.core.data.internal.ExpectationEngine;
import dev.assay.core.data.internal.ExpectationReport;
import dev.assay.core.data.internal.Outcome;
import java.util.List;

/**
 * The {@code expect-data} check: expectations on the columns of the data, evaluated in one pass per column. Each
 * expectation is one group row ({@code expectation} = what was expected; {@code n}; metrics {@code passed},
 * {@code failing} rows, {@code observed} aggregate); the first {@value ExpectationEngine#EXAMPLES} failing rows of
 * each failed expectation are findings, with values masked when they look like PII. The value is the number of
 * failed expectations and must be 0. The model is not used. Build one with {@link Expectations}.
 */
public final class ExpectDataCheck implements Check {
    private final String name;
    private final Threshold rows;
    private final List<ColumnSpec> specs;

    ExpectDataCheck(String name, Threshold rows, List<ColumnSpec> specs) {
        this.name = name != null ? name : "data expectations";
        this.rows = rows;
        this.specs = List.copyOf(specs);
        if (rows == null && specs.isEmpty()) {
            throw new IllegalArgumentException("expect-data needs at least one expectation (rows or columns)");
        }
    }

    @Override
    public String kind() {
        return "expect-data";
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public CheckResult run(Model model, Dataset data, RunContext context) {
        List<Outcome> outcomes = ExpectationEngine.evaluate(c -> data.hasColumn(c) ? data.column(c) : null,
                data.rows(), i -> where(data, i), rows, specs, List.of(), 0);
        CheckResult.Builder result = CheckResult.builder(kind(), name).n(data.rows()).seed(context.seed())
                .data(DataInfo.of(data));
        return ExpectationReport.fill(result, "data " + data.source(), outcomes).build();
    }

    /** {@code "line 12 (row 10)"} for file data, {@code "row 10"} otherwise; the file is named once, in the message. */
    static String where(Dataset data, int row) {
        int line = data.line(row);
        return line > 0 ? "line " + line + " (row " + row + ")" : "row " + row;
    }
}
