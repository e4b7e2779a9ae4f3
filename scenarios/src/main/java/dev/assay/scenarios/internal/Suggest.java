package dev.assay.scenarios.internal;

import java.util.Collection;
import java.util.Locale;

/** "Did you mean" by edit distance. */
public final class Suggest {
    private Suggest() {
    }

    /** The closest of {@code known} to {@code given}, or {@code null} when none is close. */
    public static String closest(String given, Collection<String> known) {
        String best = null;
        int bestD = Integer.MAX_VALUE;
        String g = given.toLowerCase(Locale.ROOT).replace('_', '-');
        for (String k : known) {
            int d = distance(g, k.toLowerCase(Locale.ROOT).replace('_', '-'));
            if (d < bestD) {
                bestD = d;
                best = k;
            }
        }
        int limit = Math.max(2, given.length() / 3);
        return best != null && bestD <= limit ? best : null;
    }

    /** "; did you mean 'x'?" or "". */
    public static String hint(String given, Collection<String> known) {
        String c = closest(given, known);
        return c == null ? "" : "; did you mean '" + c + "'?";
    }

    static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
