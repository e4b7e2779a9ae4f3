package dev.assay.core.robustness;

import dev.assay.core.robustness.internal.Fmt;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * Changes every number written in a text column by a relative amount: {@code 120} under {@code change = 0.1} becomes
 * {@code 132}. A number is a run of ASCII digits, optionally with thousands separators ({@code 1,250}) and a decimal
 * part ({@code 3.75}), not touching a letter ({@code B2B} and {@code mp3} are left alone). The result keeps the number
 * of decimals and the separators of the original; when rounding to them would give back the original, it moves by one
 * unit of the last digit in the direction of the change ({@code 3} under +10% becomes {@code 4}), so every number
 * except zero changes. Deterministic.
 */
final class NumberChange extends TextPerturbation {
    private static final Pattern NUMBER = Pattern.compile(
            "(?<![\\p{L}\\p{N}.,])(\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.(\\d+))?(?![\\p{L}\\p{N}]|[.,]\\d)");

    private final double change;

    NumberChange(String column, double change) {
        super(column);
        if (!(change > -1) || change == 0 || Double.isInfinite(change)) {
            throw new IllegalArgumentException("number change must be a non-zero number above -1 (0.1 is +10%), was "
                    + change);
        }
        this.change = change;
    }

    @Override
    public String describe() {
        return "numbers " + column + " " + (change > 0 ? "+" : "") + Fmt.number(change * 100) + "%";
    }

    @Override
    boolean deterministic() {
        return true;
    }

    @Override
    String perturb(String text, UniformRandomProvider rng) {
        Matcher m = NUMBER.matcher(text);
        if (!m.find()) {
            return text;
        }
        StringBuilder sb = new StringBuilder(text.length() + 4);
        int pos = 0;
        do {
            sb.append(text, pos, m.start());
            sb.append(changed(m.group(1), m.group(2)));
            pos = m.end();
        } while (m.find());
        sb.append(text, pos, text.length());
        return sb.toString();
    }

    private String changed(String whole, String fraction) {
        boolean grouped = whole.indexOf(',') >= 0;
        int scale = fraction == null ? 0 : fraction.length();
        BigDecimal v = new BigDecimal(whole.replace(",", "") + (fraction == null ? "" : "." + fraction));
        if (v.signum() == 0) {
            return whole + (fraction == null ? "" : "." + fraction);
        }
        BigDecimal out = v.multiply(BigDecimal.valueOf(1 + change)).setScale(scale, RoundingMode.HALF_EVEN);
        if (out.compareTo(v) == 0) {
            out = v.add(BigDecimal.ONE.movePointLeft(scale).multiply(BigDecimal.valueOf(change > 0 ? 1 : -1)));
        }
        String plain = out.toPlainString();
        if (!grouped) {
            return plain;
        }
        int dot = plain.indexOf('.');
        String intPart = dot < 0 ? plain : plain.substring(0, dot);
        StringBuilder g = new StringBuilder();
        for (int i = 0; i < intPart.length(); i++) {
            if (i > 0 && (intPart.length() - i) % 3 == 0) {
                g.append(',');
            }
            g.append(intPart.charAt(i));
        }
        return g + (dot < 0 ? "" : plain.substring(dot));
    }
}
