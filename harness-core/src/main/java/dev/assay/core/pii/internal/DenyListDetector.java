package dev.assay.core.pii.internal;

import java.text.Normalizer;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * A user's list of known values (such as real customer records a model must never repeat), matched after
 * normalisation: NFKC, lower case, and only letters and digits kept, so {@code "4111-1111 1111 1111"} matches the
 * listed {@code "4111111111111111"} and {@code "JOHN  SMITH"} matches {@code "John Smith"}. A match must start and
 * end on a letter-or-digit boundary of the original text. Score 1.0.
 */
public final class DenyListDetector extends Detector {
    private final Set<String> values = new HashSet<>();
    private final int[] lengths;

    public DenyListDetector(String entity, Collection<String> known) {
        super(entity, List.of());
        TreeSet<Integer> lens = new TreeSet<>();
        for (String v : known) {
            String norm = normalise(v);
            if (norm.isEmpty()) {
                throw new IllegalArgumentException("deny-list value for " + entity
                        + " has no letter or digit after normalisation");
            }
            values.add(norm);
            lens.add(norm.length());
        }
        lengths = lens.stream().mapToInt(Integer::intValue).toArray();
    }

    public static String normalise(String v) {
        String s = Normalizer.normalize(v, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
        StringBuilder sb = new StringBuilder(s.length());
        s.codePoints().filter(Character::isLetterOrDigit).forEach(sb::appendCodePoint);
        return sb.toString();
    }

    @Override
    public boolean windowed() {
        return false;
    }

    @Override
    public void find(String text, int from, int to, List<Candidate> out) {
        if (values.isEmpty()) {
            return;
        }
        // normalised text with a map back to original char offsets
        StringBuilder norm = new StringBuilder(to - from);
        int cap = 2 * (to - from) + 2;
        int[] origStart = new int[cap];
        int[] origEnd = new int[cap];
        boolean[] tokenStart = new boolean[cap];
        boolean prevAlnum = false;
        for (int i = from; i < to; ) {
            int cp = text.codePointAt(i);
            int len = Character.charCount(cp);
            if (Character.isLetterOrDigit(cp)) {
                String low = new String(Character.toChars(cp)).toLowerCase(Locale.ROOT);
                String nf = Normalizer.isNormalized(low, Normalizer.Form.NFKC) ? low
                        : Normalizer.normalize(low, Normalizer.Form.NFKC);
                for (int k = 0; k < nf.length(); k++) {
                    if (norm.length() + 1 >= origStart.length) {
                        break;
                    }
                    origStart[norm.length()] = i;
                    origEnd[norm.length()] = i + len;
                    tokenStart[norm.length()] = !prevAlnum && k == 0;
                    norm.append(nf.charAt(k));
                }
                prevAlnum = true;
            } else {
                prevAlnum = false;
            }
            i += len;
        }
        String ns = norm.toString();
        for (int p = 0; p < ns.length(); p++) {
            if (!tokenStart[p]) {
                continue;
            }
            for (int l : lengths) {
                if (p + l > ns.length()) {
                    break;
                }
                int endChar = origEnd[p + l - 1];
                boolean endsToken = endChar >= text.length() || !Character.isLetterOrDigit(text.codePointAt(endChar));
                if (endsToken && values.contains(ns.substring(p, p + l))) {
                    out.add(new Candidate(this, entity(), origStart[p], endChar, 1.0, true));
                }
            }
        }
    }
}
