package dev.assay.core.compare;

/**
 * A metric of one model's binary decisions, computed from confusion counts per group: the hook through which
 * {@link CompareCheck} compares any count-based metric, including group-fairness metrics (demographic parity
 * difference, equal opportunity difference, ...) supplied by the fairness module.
 *
 * <p>Because the metric depends on the rows only through these counts, resampling rows jointly for both models
 * is the same as resampling the joint cells (group x truth x candidate x baseline) multinomially, which is what the
 * paired bootstrap does.
 */
@FunctionalInterface
public interface PairedMetric {
    /**
     * The metric's value; {@code NaN} when undefined (such as recall with no positive label).
     *
     * @param counts {@code counts[g] = {tp, fp, tn, fn}} of group {@code g} (a single group without {@code by})
     */
    double value(long[][] counts);

    /** Whether a higher value is better (true for accuracy, precision, recall, F1; false for a disparity). */
    default boolean higherIsBetter() {
        return true;
    }
}
