package dev.assay.core.robustness.internal;

import java.math.BigDecimal;
import java.math.MathContext;

/** Numbers for messages: whole numbers in full, others with at most four significant digits, no trailing zeros ({@code 10}, {@code 0.024}). */
public final class Fmt {
    private Fmt() {
    }

    /** {@code v} with at most four significant digits; {@code NaN} and infinities as Java prints them. */
    public static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
