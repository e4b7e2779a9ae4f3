package dev.assay.core.privacy.internal;

import java.math.BigDecimal;
import java.math.MathContext;

/** Number formatting for privacy messages: four significant digits, as the core's messages. */
public final class Fmt {
    private Fmt() {
    }

    public static String num(double v) {
        if (Double.isNaN(v)) {
            return "undefined";
        }
        if (Double.isInfinite(v)) {
            return v > 0 ? "inf" : "-inf";
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        if (Math.abs(v) < 1e-4 && v != 0) {
            return String.format(java.util.Locale.ROOT, "%.3g", v);
        }
        BigDecimal d = new BigDecimal(v).round(new MathContext(4));
        return d.stripTrailingZeros().toPlainString();
    }
}
