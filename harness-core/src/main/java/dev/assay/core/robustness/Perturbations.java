package dev.assay.core.robustness;

import java.util.List;
import java.util.Objects;

/**
 * Entry point for tabular perturbations. Each is seeded (through {@link Perturbation#apply(dev.assay.core.Dataset, long)}),
 * composable ({@link Perturbation#then}) and named as in scenario files:
 *
 * <pre>{@code
 * Perturbation p = Perturbations.swap("sex");                       // perturb: {swap: {column: sex}}
 * Perturbation q = Perturbations.relative("hours-per-week", 0.10)   // perturb: {relative: {column: .., change: 0.1}}
 *         .then(Perturbations.noise("age", 0.1));                   // perturb: [{relative: ..}, {noise: ..}]
 * Dataset shifted = q.apply(holdout, 7, Constraints.none().integer("age"));
 * }</pre>
 */
public final class Perturbations {
    /** The perturbation names of scenario files. */
    public static final List<String> NAMES = List.of("noise", "relative", "round", "swap", "missing");

    private Perturbations() {
    }

    /**
     * Gaussian noise of standard deviation {@code scale} times the column's standard deviation (numeric columns).
     *
     * @throws IllegalArgumentException when {@code scale} is not positive
     */
    public static Perturbation noise(String column, double scale) {
        return new NumericNoise(column, scale);
    }

    /**
     * Every value times {@code 1 + change} (numeric columns): {@code 0.01} is +1%, {@code -0.01} is -1%.
     *
     * @throws IllegalArgumentException when {@code change} is zero or not finite
     */
    public static Perturbation relative(String column, double change) {
        return new RelativeChange(column, change);
    }

    /**
     * Every value rounded to the nearest multiple of {@code step} (numeric columns).
     *
     * @throws IllegalArgumentException when {@code step} is not positive
     */
    public static Perturbation round(String column, double step) {
        return new Rounding(column, step);
    }

    /** Every row gets another value of the categorical column (the other one when there are two). */
    public static Perturbation swap(String column) {
        return new CategoricalSwap(column);
    }

    /** Every value of the column becomes missing. */
    public static Perturbation missing(String column) {
        return new SetMissing(column, 1);
    }

    /**
     * Each value of the column becomes missing with probability {@code fraction}.
     *
     * @throws IllegalArgumentException when {@code fraction} is not in {@code (0, 1]}
     */
    public static Perturbation missing(String column, double fraction) {
        return new SetMissing(column, fraction);
    }

    /**
     * The perturbations one after the other.
     *
     * @throws IllegalArgumentException when the list is empty
     */
    public static Perturbation chain(List<Perturbation> perturbations) {
        Objects.requireNonNull(perturbations, "perturbations");
        if (perturbations.isEmpty()) {
            throw new IllegalArgumentException("a chain needs at least one perturbation");
        }
        return perturbations.size() == 1 ? perturbations.get(0) : new Perturbation.Composite(perturbations);
    }
}
