package dev.assay.core.robustness;

import dev.assay.core.Column;
import dev.assay.core.DataException;
import dev.assay.core.internal.DictionaryEncoder;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A perturbation of a text (categorical) column, value by value. Missing values stay missing. A deterministic
 * perturbation is applied once per distinct value (the dictionary); a random one once per row, drawing from the
 * seeded generator in row order, so the same seed gives the same text. What a random perturbation learns of a text
 * before drawing ({@link #prepare}: its code points and letters, its matches) is computed once per distinct value
 * that occurs in several rows, and a row the perturbation leaves as it is keeps its text's code without hashing it
 * again. Text is handled by Unicode code point
 * (never splitting a surrogate pair), so emoji and other characters outside the Basic Multilingual Plane survive.
 */
abstract class TextPerturbation extends Perturbation.OfColumn {
    TextPerturbation(String column) {
        super(column);
    }

    /** The perturbed text of one non-missing value. */
    abstract String perturb(String text, UniformRandomProvider rng);

    /**
     * What {@link #perturb(String, Object, UniformRandomProvider)} needs to know of {@code text} before it draws,
     * computed once per distinct text that occurs in several rows. Default: nothing beyond the text.
     */
    Object prepare(String text) {
        return text;
    }

    /**
     * The perturbed text of one non-missing value, given {@link #prepare prepare(text)}; must draw exactly as
     * {@link #perturb(String, UniformRandomProvider)}. Returning {@code text} itself (the same instance) means
     * unchanged. Default: {@code perturb(text, rng)}.
     */
    String perturb(String text, Object prepared, UniformRandomProvider rng) {
        return perturb(text, rng);
    }

    /** Whether {@link #perturb(String, UniformRandomProvider)} draws no randomness (applied per distinct value). */
    boolean deterministic() {
        return false;
    }

    @Override
    final Column perturb(Column c, String source, Constraints constraints, UniformRandomProvider rng) {
        if (c.isNumeric()) {
            throw new DataException(source + ": " + describe() + " needs a text column, but '" + c.name()
                    + "' is numeric");
        }
        List<String> dict = c.dictionary();
        int[] codes = c.toCodeArray();
        if (deterministic()) {
            DictionaryEncoder enc = new DictionaryEncoder(dict.size());
            int[] map = new int[dict.size()];
            for (int k = 0; k < map.length; k++) {
                map[k] = enc.encode(perturb(dict.get(k), rng));
            }
            for (int i = 0; i < codes.length; i++) {
                if (codes[i] >= 0) {
                    codes[i] = map[codes[i]];
                }
            }
            return Column.categorical(column, codes, enc.dictionary());
        }
        // rows per distinct text: a text in several rows is prepared once
        int[] rows = new int[dict.size()];
        int present = 0;
        for (int code : codes) {
            if (code >= 0) {
                rows[code]++;
                present++;
            }
        }
        Object[] prepared = new Object[dict.size()];
        int[] unchanged = new int[dict.size()];
        java.util.Arrays.fill(unchanged, -1);
        DictionaryEncoder enc = new DictionaryEncoder(present);
        for (int i = 0; i < codes.length; i++) {
            int k = codes[i];
            if (k < 0) {
                continue;
            }
            String text = dict.get(k);
            Object p = prepared[k];
            if (p == null) {
                p = prepare(text);
                if (rows[k] > 1) {
                    prepared[k] = p;
                }
            }
            String out = perturb(text, p, rng);
            if (out == text) {
                if (unchanged[k] < 0) {
                    unchanged[k] = enc.encode(text);
                }
                codes[i] = unchanged[k];
            } else {
                codes[i] = enc.encode(out);
            }
        }
        return Column.categorical(column, codes, enc.dictionary());
    }

    /**
     * A regex alternation of {@code entries}, longest first (so that a longer entry wins over a shorter one at the
     * same place), each written by {@code render}.
     */
    static String longestFirst(java.util.Collection<String> entries, java.util.function.UnaryOperator<String> render) {
        List<String> sorted = new java.util.ArrayList<>(entries);
        sorted.sort(java.util.Comparator.comparingInt(String::length).reversed());
        StringBuilder re = new StringBuilder("(?:");
        for (int i = 0; i < sorted.size(); i++) {
            re.append(i == 0 ? "" : "|").append(render.apply(sorted.get(i)));
        }
        return re.append(')').toString();
    }

    /** The {@code [start, end)} of every match of {@code pattern} in {@code text}, in order; empty when none. */
    static int[] matches(java.util.regex.Pattern pattern, String text) {
        java.util.regex.Matcher m = pattern.matcher(text);
        if (!m.find()) {
            return NONE;
        }
        int[] spans = new int[8];
        int n = 0;
        do {
            if (n + 2 > spans.length) {
                spans = java.util.Arrays.copyOf(spans, 2 * spans.length);
            }
            spans[n++] = m.start();
            spans[n++] = m.end();
        } while (m.find());
        return java.util.Arrays.copyOf(spans, n);
    }

    private static final int[] NONE = new int[0];

    /**
     * {@code text} with each span of {@link #matches} replaced by {@code with.apply(matched text)}, in order; the
     * text itself when there are none.
     */
    static String replace(String text, int[] spans, java.util.function.UnaryOperator<String> with) {
        if (spans.length == 0) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 8);
        int pos = 0;
        for (int k = 0; k < spans.length; k += 2) {
            sb.append(text, pos, spans[k]).append(with.apply(text.substring(spans[k], spans[k + 1])));
            pos = spans[k + 1];
        }
        return sb.append(text, pos, text.length()).toString();
    }

    /** Whether a rate is in {@code (0, 1]}; the exception names {@code what}. */
    static double rate(double rate, String what) {
        if (!(rate > 0 && rate <= 1)) {
            throw new IllegalArgumentException(what + " rate must be in (0, 1], was " + rate);
        }
        return rate;
    }

    /**
     * The "letters" of {@code cps}: a letter code point with the combining marks that follow it, as
     * {@code [start, end)} pairs in {@code out}; returns how many. Other code points (digits, spaces, punctuation,
     * emoji) belong to no letter.
     */
    static int letters(int[] cps, int[] out) {
        int n = 0;
        int i = 0;
        while (i < cps.length) {
            if (Character.isLetter(cps[i])) {
                int s = i++;
                while (i < cps.length && isMark(cps[i])) {
                    i++;
                }
                out[2 * n] = s;
                out[2 * n + 1] = i;
                n++;
            } else {
                i++;
            }
        }
        return n;
    }

    static boolean isMark(int cp) {
        int t = Character.getType(cp);
        return t == Character.NON_SPACING_MARK || t == Character.COMBINING_SPACING_MARK
                || t == Character.ENCLOSING_MARK;
    }

    static String fmtRate(double rate) {
        return dev.assay.core.robustness.internal.Fmt.number(rate * 100) + "%";
    }
}
