package dev.assay.core.pii.internal;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * PHONE_NUMBER: Google libphonenumber's {@code findNumbers} over each configured region, as Presidio's
 * PhoneRecognizer does, with score 0.4. Two deliberate differences, measured on the corpus: leniency
 * {@code STRICT_GROUPING} instead of {@code VALID} (the number must be valid and its digit groups must follow the
 * region's formatting, which rejects ID numbers such as {@code 811228-9874} that happen to be valid Indian numbers);
 * and a number written as a bare run of digits (no {@code +}, separator or parenthesis) scores 0.2, so it needs a
 * context word ({@code call}, {@code phone}, ...) to pass the default min-score. libphonenumber only runs on clusters of phone-like
 * characters (digits, spaces, {@code + ( ) - . /}) holding 7 to 20 digits, which keeps it off long digit runs and
 * plain prose.
 */
public final class PhoneDetector extends Detector {
    private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();
    static final double SCORE = 0.4;
    static final double BARE_SCORE = 0.2;
    private final List<String> regions;

    public PhoneDetector(List<String> regions) {
        super("PHONE_NUMBER", List.of("phone", "number", "telephone", "tel", "cell", "cellphone", "mobile", "call",
                "fax", "teléfono", "telefono", "móvil", "téléphone", "telefon", "handy", "numéro", "numero"));
        for (String r : regions) {
            if (!UTIL.getSupportedRegions().contains(r)) {
                throw new IllegalArgumentException("unknown phone region '" + r
                        + "': expected an ISO 3166-1 alpha-2 code known to libphonenumber, such as US, GB, DE");
            }
        }
        this.regions = List.copyOf(regions);
    }

    private static boolean phoneChar(char c) {
        return c >= '0' && c <= '9' || c == ' ' || c == '+' || c == '(' || c == ')' || c == '-' || c == '.'
                || c == '/' || c == '\u00a0';
    }

    @Override
    public void find(String text, int from, int to, List<Candidate> out) {
        int i = from;
        int n = text.length();
        Set<Long> seen = new HashSet<>();
        while (i < to) {
            if (!phoneChar(text.charAt(i)) || text.charAt(i) == ' ') {
                i++;
                continue;
            }
            int s = i;
            int digits = 0;
            while (i < n && phoneChar(text.charAt(i))) {
                if (Character.isDigit(text.charAt(i))) {
                    digits++;
                }
                i++;
            }
            if (digits < 7 || digits > 20) {
                continue;
            }
            int cs = Math.max(0, s - 1);
            int ce = Math.min(n, i + 1);
            String cluster = text.substring(cs, ce);
            for (String region : regions) {
                for (PhoneNumberMatch m : UTIL.findNumbers(cluster, region, PhoneNumberUtil.Leniency.STRICT_GROUPING,
                        Long.MAX_VALUE)) {
                    int ms = cs + m.start();
                    int me = cs + m.end();
                    if (seen.add(((long) ms << 32) | me)) {
                        boolean bare = true;
                        for (int k = ms; k < me && bare; k++) {
                            bare = Character.isDigit(text.charAt(k));
                        }
                        out.add(new Candidate(this, entity(), ms, me, bare ? BARE_SCORE : SCORE, false));
                    }
                }
            }
        }
    }
}
