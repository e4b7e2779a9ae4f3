package dev.assay.core.robustness;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Replaces Latin letters by look-alike Cyrillic or Greek letters ({@code a} by Cyrillic {@code а} U+0430, {@code o}
 * by Greek {@code ο} U+03BF, ...): text that looks the same to a reader but not to a model or a filter. Each Latin
 * letter that has a look-alike is replaced with probability {@code rate}; where it has several (Cyrillic and Greek),
 * one is drawn. Seeded.
 */
final class Homoglyphs extends TextPerturbation {
    /** Look-alikes of A-Z then a-z; an empty string when there is none. */
    private static final String[] LOOK_ALIKES = new String[52];

    static {
        java.util.Arrays.fill(LOOK_ALIKES, "");
        // upper case: Cyrillic then Greek
        put('A', "\u0410\u0391");
        put('B', "\u0412\u0392");
        put('C', "\u0421");
        put('E', "\u0415\u0395");
        put('H', "\u041D\u0397");
        put('I', "\u0406\u0399");
        put('J', "\u0408");
        put('K', "\u041A\u039A");
        put('M', "\u041C\u039C");
        put('N', "\u039D");
        put('O', "\u041E\u039F");
        put('P', "\u0420\u03A1");
        put('S', "\u0405");
        put('T', "\u0422\u03A4");
        put('X', "\u0425\u03A7");
        put('Y', "\u03A5");
        put('Z', "\u0396");
        // lower case
        put('a', "\u0430");
        put('c', "\u0441");
        put('e', "\u0435");
        put('i', "\u0456");
        put('j', "\u0458");
        put('o', "\u043E\u03BF");
        put('p', "\u0440\u03C1");
        put('s', "\u0455");
        put('x', "\u0445");
        put('y', "\u0443");
    }

    private final double rate;

    Homoglyphs(String column, double rate) {
        super(column);
        this.rate = rate(rate, "homoglyph");
    }

    private static void put(char latin, String alikes) {
        LOOK_ALIKES[latin <= 'Z' ? latin - 'A' : 26 + latin - 'a'] = alikes;
    }

    /** The look-alikes of an ASCII letter, empty when it has none (for tests). */
    static String lookAlikes(char latin) {
        return LOOK_ALIKES[latin <= 'Z' ? latin - 'A' : 26 + latin - 'a'];
    }

    @Override
    public String describe() {
        return "homoglyphs " + column + " " + fmtRate(rate);
    }

    @Override
    String perturb(String text, UniformRandomProvider rng) {
        StringBuilder sb = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            String alikes = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z' ? lookAlikes(c) : "";
            if (!alikes.isEmpty() && rng.nextDouble() < rate) {
                if (sb == null) {
                    sb = new StringBuilder(text.length()).append(text, 0, i);
                }
                sb.append(alikes.charAt(alikes.length() == 1 ? 0 : rng.nextInt(alikes.length())));
            } else if (sb != null) {
                sb.append(c); // a surrogate half is copied as it is, so pairs stay intact
            }
        }
        return sb == null ? text : sb.toString();
    }
}
