package dev.assay.core.robustness;

import org.apache.commons.rng.UniformRandomProvider;

/**
 * Writes letters as digits, in either case: {@code a} 4, {@code b} 8, {@code e} 3, {@code g} 9, {@code i} 1,
 * {@code l} 1, {@code o} 0, {@code s} 5, {@code t} 7, {@code z} 2 ({@code "Leet speak"} becomes {@code "1337 5p34k"}
 * at rate 1). Each such letter is replaced with probability {@code rate}, seeded; other characters stay.
 */
final class Leetspeak extends TextPerturbation {
    private static final String FROM = "abegilostz";
    private static final String TO = "4839110572";

    private final double rate;

    Leetspeak(String column, double rate) {
        super(column);
        this.rate = rate(rate, "leetspeak");
    }

    @Override
    public String describe() {
        return "leetspeak " + column + " " + fmtRate(rate);
    }

    @Override
    boolean deterministic() {
        return rate >= 1;
    }

    @Override
    String perturb(String text, UniformRandomProvider rng) {
        char[] out = text.toCharArray();
        for (int i = 0; i < out.length; i++) {
            char c = out[i];
            int k = c < 128 ? FROM.indexOf(Character.toLowerCase(c)) : -1;
            if (k >= 0 && (rate >= 1 || rng.nextDouble() < rate)) {
                out[i] = TO.charAt(k);
            }
        }
        return new String(out);
    }
}
