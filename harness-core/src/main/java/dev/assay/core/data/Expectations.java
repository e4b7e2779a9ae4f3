package dev.assay.core.data;

import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.RunContext;
import dev.assay.core.Threshold;
import dev.assay.core.data.internal.ColumnSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Entry point for expectations on the data ({@code expect-data}) and on a model's outputs ({@code expect-output}).
 *
 * <pre>{@code
 * CheckResult schema = Expectations.data(holdout)
 *         .rows(1000, null)
 *         .column("age", c -> c.type("integer").notNull().between(17, 90).median(30.0, 45.0))
 *         .column("email", c -> c.maxNullFraction(0.1).unique().regex("[^@]+@[^@]+"))
 *         .evaluate();
 *
 * CheckResult outputs = Expectations.output(model).on(holdout)
 *         .column("prediction", c -> c.notNull().in("<=50K", ">50K"))
 *         .column("score", c -> c.probability())
 *         .evaluate();
 * }</pre>
 *
 * <p>{@link #data()} and {@link #output()} build the same checks without data or model, for a runner.
 */
public final class Expectations {
    private Expectations() {
    }

    /** Expectations on {@code data}, evaluated with {@link DataBuilder#evaluate()}. */
    public static DataBuilder data(Dataset data) {
        return new DataBuilder(Objects.requireNonNull(data, "data"));
    }

    /** An {@code expect-data} check for a runner. */
    public static DataBuilder data() {
        return new DataBuilder(null);
    }

    /** Expectations on the outputs of {@code model}; name the data with {@link OutputBuilder#on(Dataset)}. */
    public static OutputBuilder output(Model model) {
        return new OutputBuilder(Objects.requireNonNull(model, "model"));
    }

    /** An {@code expect-output} check for a runner. */
    public static OutputBuilder output() {
        return new OutputBuilder(null);
    }

    /** Settings shared by both kinds; each method is a scenario key. */
    public abstract static class Builder<SELF extends Builder<SELF>> {
        String name;
        Threshold rows;
        final List<ColumnExpectations> columns = new ArrayList<>();
        Long seed;

        @SuppressWarnings("unchecked")
        SELF self() {
            return (SELF) this;
        }

        /** The check's name in reports. */
        public SELF named(String name) {
            this.name = name;
            return self();
        }

        /** {@code rows: {min, max}}: the number of rows is in range ({@code null} = unbounded). */
        public SELF rows(Integer min, Integer max) {
            this.rows = new Threshold(min == null ? null : min.doubleValue(), max == null ? null : max.doubleValue());
            return self();
        }

        /** {@code columns: {name: {...}}}: expectations on one column (which must be present). */
        public SELF column(String column, Consumer<ColumnExpectations> expectations) {
            ColumnExpectations c = new ColumnExpectations(column);
            expectations.accept(c);
            columns.add(c);
            return self();
        }

        /** {@code columns: [name, ...]}: the columns must be present. */
        public SELF columns(String... names) {
            for (String n : names) {
                columns.add(new ColumnExpectations(n));
            }
            return self();
        }

        /** The seed (the check uses no randomness; recorded in the evidence). */
        public SELF seed(long seed) {
            this.seed = seed;
            return self();
        }

        List<ColumnSpec> specs() {
            List<ColumnSpec> out = new ArrayList<>();
            columns.forEach(c -> out.add(c.spec()));
            return out;
        }

        RunContext context() {
            RunContext ctx = RunContext.current();
            return seed == null ? ctx : new RunContext(ctx.suite(), seed);
        }
    }

    /** Settings of an {@code expect-data} check. */
    public static final class DataBuilder extends Builder<DataBuilder> {
        private final Dataset data;

        DataBuilder(Dataset data) {
            this.data = data;
        }

        public ExpectDataCheck build() {
            return new ExpectDataCheck(name, rows, specs());
        }

        /** Evaluates the expectations; bad configuration gives an {@code error} result. */
        public CheckResult evaluate() {
            if (data == null) {
                throw new IllegalStateException("evaluate() needs Expectations.data(dataset)");
            }
            return Checks.evaluate(build(), null, data, context());
        }
    }

    /** Settings of an {@code expect-output} check. */
    public static final class OutputBuilder extends Builder<OutputBuilder> {
        private final Model model;
        private Dataset data;
        final List<List<String>> sumToOne = new ArrayList<>();
        double tolerance = ExpectOutputCheck.DEFAULT_TOLERANCE;

        OutputBuilder(Model model) {
            this.model = model;
        }

        /** The rows to predict. */
        public OutputBuilder on(Dataset data) {
            this.data = Objects.requireNonNull(data, "data");
            return this;
        }

        /**
         * {@code sum-to-one: [col, ...]}: in every row the scores of these columns (one per class) sum to 1 within
         * {@link #tolerance(double)}.
         */
        public OutputBuilder sumToOne(String... columns) {
            if (columns.length < 2) {
                throw new IllegalArgumentException("sum-to-one needs at least two score columns");
            }
            sumToOne.add(List.of(columns));
            return this;
        }

        /** {@code tolerance}: how far from 1 a sum of probabilities may be (default 1e-6). */
        public OutputBuilder tolerance(double tolerance) {
            this.tolerance = tolerance;
            return this;
        }

        public ExpectOutputCheck build() {
            return new ExpectOutputCheck(name, rows, specs(), sumToOne, tolerance);
        }

        /** Predicts and evaluates the expectations; a model failure gives an {@code error} result. */
        public CheckResult evaluate() {
            if (model == null || data == null) {
                throw new IllegalStateException("evaluate() needs Expectations.output(model).on(data)");
            }
            return Checks.evaluate(build(), model, data, context());
        }
    }
}
