package dev.assay.core.pii.internal;

import java.util.List;

/**
 * EMAIL_ADDRESS: a hand-written scanner around each {@code @} (linear, no backtracking). Local part: up to 64 of
 * {@code A-Z a-z 0-9 . _ % + - '}, not starting or ending with a dot; domain: a host name whose last label is in
 * the shipped public-suffix list. A valid address scores 1.0 (Presidio's validated score); anything else is dropped.
 */
public final class EmailDetector extends Detector {
    public EmailDetector() {
        super("EMAIL_ADDRESS", List.of("email", "e-mail", "mail", "correo", "courriel", "posta"));
    }

    static boolean localChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '_'
                || c == '%' || c == '+' || c == '-' || c == '\'';
    }

    static boolean domainChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '.' || c == '-';
    }

    @Override
    public void find(String text, int from, int to, List<Candidate> out) {
        int n = text.length();
        for (int at = text.indexOf('@', from); at >= 0 && at < to; at = text.indexOf('@', at + 1)) {
            int s = at;
            while (s > 0 && at - s < 65 && localChar(text.charAt(s - 1))) {
                s--;
            }
            if (s > 0 && localChar(text.charAt(s - 1))) {
                continue; // local part longer than 64
            }
            while (s < at && (text.charAt(s) == '.' || text.charAt(s) == '\'')) {
                s++;
            }
            if (s == at || text.charAt(at - 1) == '.') {
                continue;
            }
            int e = at + 1;
            while (e < n && e - at < 254 && domainChar(text.charAt(e))) {
                e++;
            }
            while (e > at + 1 && (text.charAt(e - 1) == '.' || text.charAt(e - 1) == '-')) {
                e--;
            }
            if (e < n && (domainChar(text.charAt(e)) && text.charAt(e) != '.' && text.charAt(e) != '-'
                    || text.charAt(e) == '@')) {
                continue;
            }
            if (e > at + 1 && Suffixes.isDomain(text.subSequence(at + 1, e))) {
                out.add(new Candidate(this, entity(), s, e, 1.0, true));
            }
        }
    }
}
