package dev.assay.core.robustness;

import dev.assay.core.CheckResult;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import java.util.List;
import java.util.Objects;

/**
 * Entry point for the {@code boundary-search} check: how far, in standardised units, each of a sample of rows is
 * from a changed decision, found by a budgeted black-box search.
 *
 * <pre>{@code
 * CheckResult boundary = BoundarySearch.of(model).on(holdout)
 *         .features("age", "education-num", "hours-per-week")
 *         .constraints(Constraints.none().integer("age").range("age", 17, 90))
 *         .radius(0.25).maxFlipRate(0.10).maxQueries(300)
 *         .evaluate();
 * }</pre>
 *
 * <p>{@link #check()} builds the same check without a model, for a runner to apply. See
 * {@link BoundarySearchCheck} for the search and the figures reported.
 */
public final class BoundarySearch {
    /** Rows searched when {@link Builder#rows(int)} is not given. */
    public static final int DEFAULT_ROWS = 200;
    /** Model row-predictions allowed per searched row when {@link Builder#maxQueries(int)} is not given. */
    public static final int DEFAULT_MAX_QUERIES = 500;

    private BoundarySearch() {
    }

    /** A check of {@code model}; name the data with {@link Builder#on(Dataset)}. */
    public static Builder of(Model model) {
        return new Builder(Objects.requireNonNull(model, "model"));
    }

    /** A check without a model yet. */
    public static Builder check() {
        return new Builder(null);
    }

    /** Settings of a boundary search. */
    public static final class Builder extends CheckBuilder<Builder> {
        List<String> features;
        Constraints constraints = Constraints.none();
        int rows = DEFAULT_ROWS;
        int maxQueries = DEFAULT_MAX_QUERIES;
        Double radius;
        Double maxFlipRate;
        Double minMedianDistance;

        Builder(Model model) {
            super(model, "BoundarySearch.of(model).on(data)", true);
        }

        /**
         * The columns the search may change. Numeric columns move freely (in units of their standard deviation);
         * a listed categorical column may take the value of the starting row. Default: every numeric column but
         * the label and the immutable ones; all other columns are held fixed.
         */
        public Builder features(String... columns) {
            return features(List.of(columns));
        }

        /** As {@link #features(String...)}. */
        public Builder features(List<String> columns) {
            this.features = List.copyOf(columns);
            return this;
        }

        /** Immutable columns never move, ranges clamp, integer columns are rounded (default: none). */
        public Builder constraints(Constraints constraints) {
            this.constraints = Objects.requireNonNull(constraints, "constraints");
            return this;
        }

        /** How many rows to search, a seeded sample of the data (default 200; all rows when there are fewer). */
        public Builder rows(int rows) {
            this.rows = rows;
            return this;
        }

        /** Model row-predictions allowed for each searched row (default 500). */
        public Builder maxQueries(int maxQueries) {
            this.maxQueries = maxQueries;
            return this;
        }

        /** A row counts as flipped within the radius when its distance is at most {@code radius}. */
        public Builder radius(double radius) {
            this.radius = radius;
            return this;
        }

        /** The share of rows flipped within the radius must be at most {@code max} (needs a radius). */
        public Builder maxFlipRate(double max) {
            this.maxFlipRate = max;
            return this;
        }

        /** The median distance to a changed decision must be at least {@code min} standardised units. */
        public Builder minMedianDistance(double min) {
            this.minMedianDistance = min;
            return this;
        }

        /** The check, for a runner. */
        public BoundarySearchCheck build() {
            return new BoundarySearchCheck(this);
        }

    }
}
