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
        return finite(v);
    }

    /** A finite {@code v}: whole numbers in full, others with four significant digits and no exponent. */
    public static String finite(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e12) {
            return Long.toString((long) v);
        }
        String fast = fast(v);
        return fast != null ? fast : exact(v);
    }

    /** The reference: the exact binary value rounded half-up to four significant digits. */
    static String exact(double v) {
        return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
    }

    /**
     * {@link #exact} without BigDecimal for 0.001 <= |v| < 1000 (scores, rates, similarities: failing cases format
     * thousands of them), or {@code null} when {@code v} is outside that range or so close to a rounding tie that
     * floating-point scaling could round differently.
     */
    static String fast(double v) {
        double a = Math.abs(v);
        if (!(a >= 1e-3 && a < 1e3)) {
            return null;
        }
        int e = (int) Math.floor(Math.log10(a));
        if (e < -3 || e > 2) {
            return null;
        }
        int decimals = 3 - e;
        double scaled = a * POW10[decimals];
        double frac = scaled - Math.floor(scaled);
        if (Math.abs(frac - 0.5) < 1e-6 || scaled < 999.999 || scaled >= 9999.5) {
            return null; // a tie, or log10 was off by one near a power of ten
        }
        long r = Math.round(scaled);
        long p = (long) POW10[decimals];
        long whole = r / p;
        long part = r % p;
        StringBuilder sb = new StringBuilder(12);
        if (v < 0) {
            sb.append('-');
        }
        sb.append(whole);
        if (part != 0) {
            String digits = Long.toString(part);
            sb.append('.');
            for (int i = digits.length(); i < decimals; i++) {
                sb.append('0');
            }
            int end = digits.length();
            while (digits.charAt(end - 1) == '0') {
                end--;
            }
            sb.append(digits, 0, end);
        }
        return sb.toString();
    }

    private static final double[] POW10 = {1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7};
}
