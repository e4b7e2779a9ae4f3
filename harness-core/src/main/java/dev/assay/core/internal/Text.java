package dev.assay.core.internal;

/**
 * Text helpers shared by the checks that compare model answers: whitespace normalisation and the normalised
 * Levenshtein similarity. Both work on Unicode code points, so an emoji counts as one character.
 */
public final class Text {
    private Text() {
    }

    /** {@code s} with leading and trailing whitespace removed and every inner run of whitespace made one space. */
    public static String normaliseWhitespace(CharSequence s) {
        StringBuilder out = new StringBuilder(s.length());
        boolean pendingSpace = false;
        for (int i = 0; i < s.length(); ) {
            int cp = Character.codePointAt(s, i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp) || Character.isSpaceChar(cp)) {
                pendingSpace = out.length() > 0;
            } else {
                if (pendingSpace) {
                    out.append(' ');
                    pendingSpace = false;
                }
                out.appendCodePoint(cp);
            }
        }
        return out.toString();
    }

    /**
     * The Levenshtein distance (insertions, deletions and substitutions of code points, each costing 1) between
     * {@code a} and {@code b}. Uses two rows of {@code min(|a|, |b|) + 1} ints.
     */
    public static int levenshtein(CharSequence a, CharSequence b) {
        int[] x = a.codePoints().toArray();
        int[] y = b.codePoints().toArray();
        if (x.length < y.length) {
            int[] t = x;
            x = y;
            y = t;
        }
        int m = y.length;
        if (m == 0) {
            return x.length;
        }
        int[] prev = new int[m + 1];
        int[] cur = new int[m + 1];
        for (int j = 0; j <= m; j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= x.length; i++) {
            cur[0] = i;
            int xi = x[i - 1];
            for (int j = 1; j <= m; j++) {
                int cost = xi == y[j - 1] ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[m];
    }

    /**
     * The normalised Levenshtein similarity {@code 1 - d(a, b) / max(|a|, |b|)} in code points: 1 for equal texts
     * (two empty texts included), 0 for texts with nothing in common.
     */
    public static double similarity(CharSequence a, CharSequence b) {
        int la = (int) a.codePoints().count();
        int lb = (int) b.codePoints().count();
        int max = Math.max(la, lb);
        if (max == 0) {
            return 1.0;
        }
        return 1.0 - (double) levenshtein(a, b) / max;
    }
}
