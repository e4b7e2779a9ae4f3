package dev.assay.core.pii.internal;

import java.util.List;

/**
 * API_KEY: generic high-entropy tokens. A token is a run of {@code [A-Za-z0-9_+/-]} (plus trailing {@code =}) of 20
 * to 200 characters holding an upper-case letter, a lower-case letter and a digit, with a Shannon entropy of at
 * least 3.5 bits per character, outside PEM blocks. Base score 0.3 (below the default {@code min-score}); a context word such as
 * {@code key}, {@code token}, {@code secret} or {@code password} among the 5 words before raises it to 0.65.
 */
public final class ApiKeyDetector extends Detector {
    public ApiKeyDetector() {
        super("API_KEY", List.of("key", "apikey", "api", "token", "secret", "password", "passwd", "pwd", "bearer",
                "authorization", "credential", "credentials", "auth", "clave", "schlüssel"));
    }

    @Override
    public boolean windowed() {
        return false; // one linear pass of its own, tracking PEM blocks (their base64 lines are not API keys)
    }

    private static boolean tokenChar(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '+'
                || c == '/' || c == '-';
    }

    @Override
    public void find(String text, int from, int to, List<Candidate> out) {
        int n = text.length();
        int i = from;
        boolean inPem = false;
        while (i < to) {
            if (!tokenChar(text.charAt(i)) || i > 0 && tokenChar(text.charAt(i - 1))) {
                i++;
                continue;
            }
            if (text.charAt(i) == '-' && text.startsWith("-----BEGIN ", i)) {
                inPem = true;
            } else if (text.charAt(i) == '-' && text.startsWith("-----END ", i)) {
                inPem = false;
            }
            int e = i;
            boolean up = false;
            boolean low = false;
            boolean dig = false;
            while (e < n && tokenChar(text.charAt(e))) {
                char c = text.charAt(e);
                up |= c >= 'A' && c <= 'Z';
                low |= c >= 'a' && c <= 'z';
                dig |= c >= '0' && c <= '9';
                e++;
            }
            int end = e;
            while (end < n && end - e < 2 && text.charAt(end) == '=') {
                end++;
            }
            int len = e - i;
            boolean boundary = end == n || !(Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '.'
                    && end + 1 < n && Character.isLetterOrDigit(text.charAt(end + 1)));
            if (!inPem && len >= 20 && len <= 200 && up && low && dig && boundary && entropy(text, i, e) >= 3.5) {
                out.add(new Candidate(this, entity(), i, end, 0.3, false));
            }
            i = Math.max(e, i + 1);
        }
    }

    static double entropy(String s, int from, int to) {
        int[] counts = new int[128];
        for (int i = from; i < to; i++) {
            counts[s.charAt(i) & 127]++;
        }
        double h = 0;
        double n = to - from;
        for (int c : counts) {
            if (c > 0) {
                double p = c / n;
                h -= p * Math.log(p) / Math.log(2);
            }
        }
        return h;
    }
}
