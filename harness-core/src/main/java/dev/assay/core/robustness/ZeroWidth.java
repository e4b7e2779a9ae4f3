package dev.assay.core.robustness;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Inserts invisible zero-width characters inside words: between two letters, with probability {@code rate}, one of
 * zero width space (U+200B), zero width non-joiner (U+200C), zero width joiner (U+200D), word joiner (U+2060) and
 * zero width no-break space (U+FEFF), drawn uniformly. Nothing is inserted next to a non-letter, so emoji sequences
 * and combining marks keep their meaning. Seeded.
 */
final class ZeroWidth extends TextPerturbation {
    static final String CHARS = "\u200B\u200C\u200D\u2060\uFEFF";

    private final double rate;

    ZeroWidth(String column, double rate) {
        super(column);
        this.rate = rate(rate, "zero-width");
    }

    @Override
    public String describe() {
        return "zero-width " + column + " " + fmtRate(rate);
    }

    @Override
    String perturb(String text, UniformRandomProvider rng) {
        StringBuilder sb = new StringBuilder(text.length() + 8);
        int prev = -1;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (prev >= 0 && Character.isLetter(prev) && Character.isLetter(cp) && rng.nextDouble() < rate) {
                sb.append(CHARS.charAt(rng.nextInt(CHARS.length())));
            }
            sb.appendCodePoint(cp);
            prev = cp;
        }
        return sb.toString();
    }
}
