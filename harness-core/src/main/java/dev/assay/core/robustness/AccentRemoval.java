package dev.assay.core.robustness;

import java.text.Normalizer;
import java.util.regex.Pattern;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Removes accents from a text column: the text is decomposed ({@link Normalizer.Form#NFD}), its non-spacing combining
 * marks (general category Mn) are dropped and the rest is recomposed ({@link Normalizer.Form#NFC}):
 * {@code "Zoë García"} becomes {@code "Zoe Garcia"}. Letters that are not a base letter plus a mark stay as they are
 * ({@code ø}, {@code ß}, {@code ł}). Marks of other scripts are Mn too and are removed as well. Deterministic.
 */
final class AccentRemoval extends TextPerturbation {
    private static final Pattern MARKS = Pattern.compile("\\p{Mn}+");

    AccentRemoval(String column) {
        super(column);
    }

    @Override
    public String describe() {
        return "accents " + column + " removed";
    }

    @Override
    boolean deterministic() {
        return true;
    }

    @Override
    String perturb(String text, UniformRandomProvider rng) {
        String nfd = Normalizer.normalize(text, Normalizer.Form.NFD);
        return Normalizer.normalize(MARKS.matcher(nfd).replaceAll(""), Normalizer.Form.NFC);
    }
}
