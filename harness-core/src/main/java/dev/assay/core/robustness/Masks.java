package dev.assay.core.robustness;

import dev.assay.core.Column;
import dev.assay.core.pii.PiiScanner;
import java.util.Map;

/** Masking of input values for failing cases: each distinct value is scanned for personal data once. */
final class Masks {
    private static final PiiScanner PII = PiiScanner.defaults();

    private Masks() {
    }

    /**
     * The value of row {@code i} of {@code c}, masked with {@link PiiScanner#redact}. Numbers of a numeric column
     * that are not whole, or whole and below one million in size, are kept as they are without a scan: personal
     * numbers (phone numbers, social security and card numbers) have seven digits or more and no fraction, and
     * scanning long measured numbers for phone numbers is what would make a check with many failing cases slow.
     */
    static String value(Column c, int i, Map<String, String> memo) {
        String v = c.stringValue(i);
        if (v == null) {
            return null;
        }
        if (c.isNumeric()) {
            double d = c.doubleValue(i);
            if (d != Math.rint(d) || Math.abs(d) < 1e6) {
                return v;
            }
        }
        return memo.computeIfAbsent(v, PII::redact);
    }
}
