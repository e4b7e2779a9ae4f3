package dev.assay.core;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting for messages and reports: four significant digits, no exponent for ordinary values. */
final class Formats {
    private Formats() {
    }

    static String number(double v) {
        if (Double.isNaN(v)) {
            return "undefined";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(4));
        return d.stripTrailingZeros().toPlainString();
    }
}
