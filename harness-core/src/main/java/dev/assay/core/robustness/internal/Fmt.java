package dev.assay.core.robustness.internal;

/**
 * Numbers for the robustness checks' messages: as {@link dev.assay.core.internal.Fmt#finite} (whole numbers in full,
 * others with at most four significant digits, {@code 10}, {@code 0.024}), but {@code NaN} and infinities as Java
 * prints them.
 */
public final class Fmt {
    private Fmt() {
    }

    /** {@code v} with at most four significant digits; {@code NaN} and infinities as Java prints them. */
    public static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        return dev.assay.core.internal.Fmt.finite(v);
    }
}
