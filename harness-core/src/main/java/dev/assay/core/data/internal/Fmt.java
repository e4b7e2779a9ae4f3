package dev.assay.core.data.internal;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting for messages, as the core's: four significant digits, no exponent for ordinary values. */
public final class Fmt {
    private Fmt() {
    }

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
