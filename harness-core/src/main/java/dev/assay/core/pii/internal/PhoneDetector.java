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
 * plain prose. Being expensive (tens of microseconds per cluster and region), it is {@linkplain #deferred() deferred}:
 * it skips clusters whose every digit lies in a span that overlap resolution keeps for certain (a card number, an
 * IBAN, an IP or date without a phone context word nearby), and bare digit runs touching a letter, which
 * {@code findNumbers} rejects in every region; neither changes a finding.
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

    @Override
    public boolean deferred() {
        return true;
    }

    @Override
    public double maxScore() {
        return Math.max(SCORE, BARE_SCORE);
    }

    static boolean phoneChar(char c) {
        return c >= '0' && c <= '9' || c == ' ' || c == '+' || c == '(' || c == ')' || c == '-' || c == '.'
                || c == '/' || c == '\u00a0';
    }

    /**
     * Per-thread cache of cluster -> matches (start, end, bare), so a number repeated within one text is verified
     * once; cleared after each scan so no scanned value outlives the scan.
     */
    private final ThreadLocal<java.util.LinkedHashMap<String, List<int[]>>> cache = ThreadLocal.withInitial(
            () -> new java.util.LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(java.util.Map.Entry<String, List<int[]>> e) {
                    return size() > 4096;
                }
            });

    private List<int[]> matches(String cluster) {
        java.util.LinkedHashMap<String, List<int[]>> c = cache.get();
        List<int[]> hit = c.get(cluster);
        if (hit != null) {
            return hit;
        }
        List<int[]> found = new java.util.ArrayList<>();
        Set<Long> spans = new HashSet<>();
        // a cluster that is one international number (+CC, at most 15 digits) is found whatever the region
        String t = cluster.strip();
        int digits = 0;
        for (int k = 0; k < t.length(); k++) {
            digits += Character.isDigit(t.charAt(k)) ? 1 : 0;
        }
        boolean international = t.indexOf('+') >= 0 && t.indexOf('+') == t.lastIndexOf('+') && digits <= 15
                && t.charAt(t.indexOf('+') + 1) >= '0';
        int firstDigit = -1;
        int lastDigit = -1;
        for (int k = 0; k < cluster.length(); k++) {
            if (Character.isDigit(cluster.charAt(k))) {
                lastDigit = k;
                if (firstDigit < 0) {
                    firstDigit = k;
                }
            }
        }
        for (String region : international ? regions.subList(0, 1) : regions) {
            boolean covered = false;
            for (PhoneNumberMatch m : UTIL.findNumbers(cluster, region, PhoneNumberUtil.Leniency.STRICT_GROUPING,
                    Long.MAX_VALUE)) {
                if (spans.add(((long) m.start() << 32) | m.end())) {
                    boolean bare = true;
                    for (int k = m.start(); k < m.end() && bare; k++) {
                        bare = Character.isDigit(cluster.charAt(k));
                    }
                    found.add(new int[] {m.start(), m.end(), bare ? 1 : 0});
                }
                covered |= m.start() <= firstDigit && m.end() > lastDigit;
            }
            if (covered) {
                break; // the whole cluster is one number: other regions cannot add a finding
            }
        }
        c.put(cluster, found);
        return found;
    }

    /**
     * Whether the run {@code [s, e)} is only ASCII digits and touches an ASCII letter: {@code findNumbers} (leniency
     * VALID or stricter) rejects a candidate preceded or followed by a Latin letter, and a run without separators
     * offers no shorter inner candidate, so no region can find a number in it (an ID such as {@code 12345678Z}).
     */
    private static boolean bareNextToLetter(String text, int s, int e) {
        for (int k = s; k < e; k++) {
            char c = text.charAt(k);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return s > 0 && asciiLetter(text.charAt(s - 1)) || e < text.length() && asciiLetter(text.charAt(e));
    }

    private static boolean asciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }

    @Override
    public void release() {
        cache.get().clear();
    }

    @Override
    public void find(String text, int from, int to, List<Candidate> out) {
        find(text, from, to, out, null, null);
    }

    @Override
    void find(String text, int from, int to, List<Candidate> out, WindowStats stats, Blocker blocker) {
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
            if (bareNextToLetter(text, s, i)) {
                continue; // libphonenumber rejects a number touching a Latin letter, and a bare run has no inner match
            }
            if (blocker != null && blocker.covers(s, i, cs, ce)) {
                continue; // every match here would overlap a span that resolution keeps for certain
            }
            String cluster = text.substring(cs, ce);
            for (int[] m : matches(cluster)) {
                int ms = cs + m[0];
                int me = cs + m[1];
                if (seen.add(((long) ms << 32) | me)) {
                    out.add(new Candidate(this, entity(), ms, me, m[2] == 1 ? BARE_SCORE : SCORE, false));
                }
            }
        }
    }
}
