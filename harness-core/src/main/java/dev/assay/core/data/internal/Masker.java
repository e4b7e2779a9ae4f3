package dev.assay.core.data.internal;

/**
 * Masks values that look like PII before they appear in a message or in the evidence. A stand-in until the PII
 * module's masker is wired in: {@link #mask(String)} is the one place to replace.
 */
public final class Masker {
    private Masker() {
    }

    /**
     * The value itself, unless it contains an {@code @} or at least six digits: then its first and last characters
     * with every character between them replaced by {@code *} ({@code "jane@example.com"} becomes
     * {@code "j**************m"}). {@code null} stays {@code null}.
     */
    public static String mask(String value) {
        if (value == null || !looksLikePii(value)) {
            return value;
        }
        int[] cps = value.codePoints().toArray();
        if (cps.length <= 2) {
            return "*".repeat(cps.length);
        }
        StringBuilder sb = new StringBuilder();
        sb.appendCodePoint(cps[0]);
        sb.append("*".repeat(cps.length - 2));
        sb.appendCodePoint(cps[cps.length - 1]);
        return sb.toString();
    }

    static boolean looksLikePii(String value) {
        if (value.indexOf('@') >= 0) {
            return true;
        }
        int digits = 0;
        for (int i = 0; i < value.length(); i++) {
            if (Character.isDigit(value.charAt(i)) && ++digits >= 6) {
                return true;
            }
        }
        return false;
    }
}
