package dev.assay.core.robustness;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Typing mistakes in a text column. A "letter" is a letter code point with any combining marks that follow it; digits,
 * spaces, punctuation and symbols (emoji included) are never touched. Per {@link Perturbations.Unit#CHAR character},
 * each letter gets the mistake with probability {@code rate}; per {@link Perturbations.Unit#WORD word}, each word (a run
 * of letters) gets one mistake, at a uniformly drawn letter, with probability {@code rate}. The mistakes:
 * <ul>
 *   <li>{@code swap}: the letter and the next letter of the same word trade places ({@code "form"} to
 *       {@code "from"}); a one-letter word cannot be swapped and stays as it is;</li>
 *   <li>{@code drop}: the letter is left out;</li>
 *   <li>{@code insert}: a neighbour of the letter on a QWERTY keyboard is typed after it (the letter itself again when
 *       it is not on the keyboard, such as {@code é});</li>
 *   <li>{@code keyboard}: the letter is replaced by one of its QWERTY neighbours, keeping its case (letters not on
 *       the keyboard stay as they are).</li>
 * </ul>
 */
final class Typos extends TextPerturbation {
    /** QWERTY neighbours of a to z (same row and the rows above and below). */
    private static final String[] NEIGHBOURS = {
        "qwsz", "vghn", "xdfv", "erfcxs", "wrsd", "rtgvcd", "tyhbvf", "yujnbg", "ujko", "uikmnh", "iolmj", "opk",
        "njk", "bhjm", "iplk", "ol", "wa", "etfd", "weadzx", "ryfg", "yihj", "cfgb", "qeas", "zsdc", "tugh", "asx"};

    private final Perturbations.Typo kind;
    private final Perturbations.Unit per;
    private final double rate;

    Typos(String column, Perturbations.Typo kind, Perturbations.Unit per, double rate) {
        super(column);
        this.kind = java.util.Objects.requireNonNull(kind, "kind");
        this.per = java.util.Objects.requireNonNull(per, "per");
        this.rate = rate(rate, "typo");
    }

    @Override
    public String describe() {
        return "typos " + column + " " + kind.name().toLowerCase(Locale.ROOT) + " " + fmtRate(rate) + " per "
                + per.name().toLowerCase(Locale.ROOT);
    }

    /** A text's code points and letters ({@link #letters}); {@code bmp} when code point i is char i. */
    private record Letters(int[] cps, int[] u, int n, boolean bmp) {
    }

    @Override
    Object prepare(String text) {
        int len = text.length();
        int[] cps = new int[len];
        int m = 0;
        for (int i = 0; i < len; ) {
            int cp = text.codePointAt(i);
            cps[m++] = cp;
            i += Character.charCount(cp);
        }
        if (m < len) {
            cps = java.util.Arrays.copyOf(cps, m);
        }
        int[] u = new int[2 * m];
        return new Letters(cps, u, letters(cps, u), m == len);
    }

    @Override
    String perturb(String text, UniformRandomProvider rng) {
        return perturb(text, prepare(text), rng);
    }

    @Override
    String perturb(String text, Object prepared, UniformRandomProvider rng) {
        Letters l = (Letters) prepared;
        int[] cps = l.cps();
        int[] u = l.u();
        int n = l.n();
        if (n == 0) {
            return text;
        }
        boolean[] hit = new boolean[n];
        boolean any = false;
        if (per == Perturbations.Unit.CHAR) {
            for (int k = 0; k < n; k++) {
                hit[k] = rng.nextDouble() < rate;
                any |= hit[k];
            }
        } else {
            int k0 = 0;
            while (k0 < n) {
                int k1 = k0 + 1;
                while (k1 < n && u[2 * k1] == u[2 * k1 - 1]) {
                    k1++;
                }
                int len = k1 - k0;
                if (rng.nextDouble() < rate) {
                    if (kind != Perturbations.Typo.SWAP) {
                        hit[k0 + rng.nextInt(len)] = true;
                        any = true;
                    } else if (len >= 2) {
                        hit[k0 + rng.nextInt(len - 1)] = true;
                        any = true;
                    }
                }
                k0 = k1;
            }
        }
        if (!any) {
            return text; // no mistake drawn: the text as it is
        }
        StringBuilder sb = new StringBuilder(text.length() + 4);
        int pos = 0;
        for (int k = 0; k < n; k++) {
            int s = u[2 * k];
            int e = u[2 * k + 1];
            append(sb, text, l, pos, s);
            pos = e;
            if (!hit[k]) {
                append(sb, text, l, s, e);
                continue;
            }
            switch (kind) {
                case DROP -> { }
                case SWAP -> {
                    if (k + 1 < n && u[2 * k + 2] == e) {
                        append(sb, text, l, e, u[2 * k + 3]);
                        append(sb, text, l, s, e);
                        pos = u[2 * k + 3];
                        k++;
                    } else {
                        append(sb, text, l, s, e);
                    }
                }
                case INSERT -> {
                    append(sb, text, l, s, e);
                    int nb = neighbour(cps[s], rng);
                    sb.appendCodePoint(nb < 0 ? cps[s] : nb);
                }
                default -> { // KEYBOARD
                    int nb = neighbour(cps[s], rng);
                    sb.appendCodePoint(nb < 0 ? cps[s] : nb);
                    append(sb, text, l, s + 1, e);
                }
            }
        }
        append(sb, text, l, pos, cps.length);
        return sb.toString();
    }

    /** A random QWERTY neighbour of {@code cp} in its case, or {@code -1} when it is not an ASCII letter. */
    static int neighbour(int cp, UniformRandomProvider rng) {
        boolean upper = cp >= 'A' && cp <= 'Z';
        int lower = upper ? cp + ('a' - 'A') : cp;
        if (lower < 'a' || lower > 'z') {
            return -1;
        }
        String nbs = NEIGHBOURS[lower - 'a'];
        char c = nbs.charAt(rng.nextInt(nbs.length()));
        return upper ? Character.toUpperCase(c) : c;
    }

    /** The QWERTY neighbours of a lower-case ASCII letter (for tests). */
    static String neighbours(char lower) {
        return NEIGHBOURS[lower - 'a'];
    }

    private static void append(StringBuilder sb, int[] cps, int from, int to) {
        for (int i = from; i < to; i++) {
            sb.appendCodePoint(cps[i]);
        }
    }

    /** Code points {@code [from, to)}: a slice of the text itself when code point i is char i. */
    private static void append(StringBuilder sb, String text, Letters l, int from, int to) {
        if (l.bmp()) {
            sb.append(text, from, to);
        } else {
            append(sb, l.cps(), from, to);
        }
    }
}
