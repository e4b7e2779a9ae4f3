package dev.assay.core;

import java.text.Normalizer;
import java.util.Locale;

/** Stable ids from names: {@code "Four-fifths rule on sex"} becomes {@code four-fifths-rule-on-sex}. */
public final class Ids {
    private Ids() {
    }

    /**
     * The slug of {@code name} (not {@code null}): lower case ASCII letters and digits joined by dashes;
     * {@code check} when nothing is left.
     */
    public static String slug(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFKD).replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
        return s.isEmpty() ? "check" : s;
    }
}
