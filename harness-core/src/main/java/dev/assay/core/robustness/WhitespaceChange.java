package dev.assay.core.robustness;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Changes the whitespace of a text column, seeded. A gap is a run of whitespace code points
 * ({@link Character#isWhitespace}) between two non-whitespace ones. {@code add}: each gap, with probability
 * {@code rate}, gets one more whitespace character drawn from space, tab and newline, and the text gets a leading and
 * a trailing space each with probability {@code rate}. {@code remove}: each gap is removed, joining its two words,
 * with probability {@code rate}.
 */
final class WhitespaceChange extends TextPerturbation {
    static final String EXTRA = " \t\n";

    private final boolean add;
    private final double rate;

    WhitespaceChange(String column, boolean add, double rate) {
        super(column);
        this.add = add;
        this.rate = rate(rate, "whitespace");
    }

    @Override
    public String describe() {
        return "whitespace " + column + (add ? " add " : " remove ") + fmtRate(rate);
    }

    @Override
    String perturb(String text, UniformRandomProvider rng) {
        StringBuilder sb = new StringBuilder(text.length() + 4);
        if (add && rng.nextDouble() < rate) {
            sb.append(' ');
        }
        boolean seenText = false;
        int gapStart = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            int next = i + Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                if (gapStart < 0) {
                    gapStart = i;
                }
            } else {
                if (gapStart >= 0) {
                    gap(sb, text, gapStart, i, seenText, rng);
                    gapStart = -1;
                }
                sb.appendCodePoint(cp);
                seenText = true;
            }
            i = next;
        }
        if (gapStart >= 0) {
            sb.append(text, gapStart, text.length()); // trailing whitespace: kept as it is
        }
        if (add && rng.nextDouble() < rate) {
            sb.append(' ');
        }
        return sb.toString();
    }

    private void gap(StringBuilder sb, String text, int from, int to, boolean inner, UniformRandomProvider rng) {
        if (!inner) { // leading whitespace: kept as it is
            sb.append(text, from, to);
            return;
        }
        if (add) {
            sb.append(text, from, to);
            if (rng.nextDouble() < rate) {
                sb.append(EXTRA.charAt(rng.nextInt(EXTRA.length())));
            }
        } else if (!(rng.nextDouble() < rate)) {
            sb.append(text, from, to);
        }
    }
}
