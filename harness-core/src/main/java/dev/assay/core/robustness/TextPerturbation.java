package dev.assay.core.robustness;

import dev.assay.core.Column;
import dev.assay.core.DataException;
import dev.assay.core.internal.DictionaryEncoder;
import java.util.List;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A perturbation of a text (categorical) column, value by value. Missing values stay missing. A deterministic
 * perturbation is applied once per distinct value (the dictionary); a random one once per row, drawing from the
 * seeded generator in row order, so the same seed gives the same text. Text is handled by Unicode code point
 * (never splitting a surrogate pair), so emoji and other characters outside the Basic Multilingual Plane survive.
 */
abstract class TextPerturbation extends Perturbation.OfColumn {
    TextPerturbation(String column) {
        super(column);
    }

    /** The perturbed text of one non-missing value. */
    abstract String perturb(String text, UniformRandomProvider rng);

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
        DictionaryEncoder enc = new DictionaryEncoder();
        if (deterministic()) {
            int[] map = new int[dict.size()];
            for (int k = 0; k < map.length; k++) {
                map[k] = enc.encode(perturb(dict.get(k), rng));
            }
            for (int i = 0; i < codes.length; i++) {
                if (codes[i] >= 0) {
                    codes[i] = map[codes[i]];
                }
            }
        } else {
            for (int i = 0; i < codes.length; i++) {
                if (codes[i] >= 0) {
                    codes[i] = enc.encode(perturb(dict.get(codes[i]), rng));
                }
            }
        }
        return Column.categorical(column, codes, enc.dictionary());
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
