package dev.assay.core.robustness;

import java.util.Locale;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Changes the case of a text column: {@code upper} and {@code lower} (locale-independent, {@link Locale#ROOT}),
 * {@code title} (the first letter of each word in title case, the others in lower case; a word is a run of letters,
 * marks, digits and apostrophes) and {@code random} (each letter upper or lower case with probability 1/2, seeded).
 * Only {@code random} draws randomness.
 */
final class CaseChange extends TextPerturbation {
    private final Perturbations.Case mode;

    CaseChange(String column, Perturbations.Case mode) {
        super(column);
        this.mode = java.util.Objects.requireNonNull(mode, "mode");
    }

    @Override
    public String describe() {
        return "case " + column + " " + mode.name().toLowerCase(Locale.ROOT);
    }

    @Override
    boolean deterministic() {
        return mode != Perturbations.Case.RANDOM;
    }

    @Override
    String perturb(String text, UniformRandomProvider rng) {
        switch (mode) {
            case UPPER:
                return text.toUpperCase(Locale.ROOT);
            case LOWER:
                return text.toLowerCase(Locale.ROOT);
            case RANDOM:
                return random(text, rng);
            default:
                break;
        }
        StringBuilder sb = new StringBuilder(text.length());
        boolean inWord = false;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (mode == Perturbations.Case.TITLE) {
                boolean wordChar = Character.isLetterOrDigit(cp) || isMark(cp) || cp == '\'' || cp == '\u2019';
                if (Character.isLetter(cp)) {
                    sb.appendCodePoint(inWord ? Character.toLowerCase(cp) : Character.toTitleCase(cp));
                } else {
                    sb.appendCodePoint(cp);
                }
                inWord = wordChar;
            } else if (Character.isLetter(cp)) {
                sb.appendCodePoint(rng.nextBoolean() ? Character.toUpperCase(cp) : Character.toLowerCase(cp));
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }

    /** Each letter upper or lower case with probability 1/2; ASCII without the Unicode tables, the rest by code point. */
    private static String random(String text, UniformRandomProvider rng) {
        StringBuilder sb = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            char ch = text.charAt(i);
            if (ch < 128) {
                i++;
                int lower = ch | 0x20;
                if (lower >= 'a' && lower <= 'z') {
                    sb.append((char) (rng.nextBoolean() ? lower & ~0x20 : lower));
                } else {
                    sb.append(ch);
                }
                continue;
            }
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isLetter(cp)) {
                sb.appendCodePoint(rng.nextBoolean() ? Character.toUpperCase(cp) : Character.toLowerCase(cp));
            } else {
                sb.appendCodePoint(cp);
            }
        }
        return sb.toString();
    }
}
