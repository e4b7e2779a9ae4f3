package dev.assay.core.robustness;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Adds or removes punctuation in a text column. {@code remove} deletes every punctuation code point (Unicode general
 * categories Pc, Pd, Ps, Pe, Pi, Pf and Po: {@code . , ! ? ; : ' " - ( )}, typographic quotes and the like);
 * deterministic. {@code add} puts a mark drawn from {@code , . ! ? ; :} after each word (a run of letters and digits)
 * with probability {@code rate}, seeded.
 */
final class PunctuationChange extends TextPerturbation {
    static final String MARKS = ",.!?;:";

    private final boolean add;
    private final double rate;

    PunctuationChange(String column, boolean add, double rate) {
        super(column);
        this.add = add;
        this.rate = add ? rate(rate, "punctuation") : 1;
    }

    @Override
    public String describe() {
        return "punctuation " + column + (add ? " add " + fmtRate(rate) + " per word" : " remove");
    }

    @Override
    boolean deterministic() {
        return !add;
    }

    @Override
    String perturb(String text, UniformRandomProvider rng) {
        StringBuilder sb = new StringBuilder(text.length() + 4);
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!add) {
                if (!isPunctuation(cp)) {
                    sb.appendCodePoint(cp);
                }
                continue;
            }
            boolean wordChar = Character.isLetterOrDigit(cp) || isMark(cp);
            if (inWord && !wordChar) {
                maybeMark(sb, rng);
            }
            sb.appendCodePoint(cp);
            inWord = wordChar;
        }
        if (add && inWord) {
            maybeMark(sb, rng);
        }
        return sb.toString();
    }

    private void maybeMark(StringBuilder sb, UniformRandomProvider rng) {
        if (rng.nextDouble() < rate) {
            sb.append(MARKS.charAt(rng.nextInt(MARKS.length())));
        }
    }

    static boolean isPunctuation(int cp) {
        switch (Character.getType(cp)) {
            case Character.CONNECTOR_PUNCTUATION:
            case Character.DASH_PUNCTUATION:
            case Character.START_PUNCTUATION:
            case Character.END_PUNCTUATION:
            case Character.INITIAL_QUOTE_PUNCTUATION:
            case Character.FINAL_QUOTE_PUNCTUATION:
            case Character.OTHER_PUNCTUATION:
                return true;
            default:
                return false;
        }
    }
}
