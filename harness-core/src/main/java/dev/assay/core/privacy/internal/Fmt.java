package dev.assay.core.privacy.internal;

import java.util.Locale;

/**
 * Number formatting for privacy messages: the core's ({@link dev.assay.core.internal.Fmt}), but values below
 * {@code 1e-4} (deltas, tiny probabilities) with three significant digits in scientific notation.
 */
public final class Fmt {
    private Fmt() {
    }

    public static String num(double v) {
        if (Math.abs(v) < 1e-4 && v != 0) {
            return String.format(Locale.ROOT, "%.3g", v);
        }
        return dev.assay.core.internal.Fmt.number(v);
    }
}
