package dev.assay.core.internal;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Numbers in the core's messages and reports: whole numbers in full, others with four significant digits and no
 * exponent ({@code 10}, {@code 0.024}); {@code undefined} for NaN, {@code inf} and {@code -inf} for infinities.
 */
public final class Fmt {
    private Fmt() {
    }

    /** {@code v} as the core's messages show it. */
    public static String number(double v) {
        if (Double.isNaN(v)) {
            return "undefined";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }
}
