package dev.assay.core.pii.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Spans that overlap resolution is certain to keep whatever a deferred (expensive) detector finds, so the deferred
 * detector may skip a cluster whose every digit lies inside them: any match it could find there would be dropped.
 * The result of a scan is therefore unchanged; only work that cannot survive is skipped.
 *
 * <p>Resolution takes candidates by descending score (then context, length, start, detector order). A deferred
 * candidate scores at most {@code low} without a context word and at most {@code high} with one. So:
 * <ul>
 *   <li>the other detectors' candidates scoring above {@code high} precede every deferred candidate; the greedy
 *       resolution restricted to them is exactly the prefix of the full resolution: what it takes is kept
 *       ({@code certain});</li>
 *   <li>a candidate scoring in {@code (low, high]} is certainly kept against deferred candidates without a context
 *       word when no other candidate overlapping it ranks above it and no deferred candidate overlapping it can have
 *       a context word (see {@link #contextNear}): {@code certainNoContext}.</li>
 * </ul>
 * Every bound is conservative: when in doubt (long back-scans, long runs) a span is simply not certain.
 */
final class Blocker {
    private static final int MAX_NEIGHBOURS = 64;
    private static final int MAX_RUN = 1024;

    private final String text;
    private final TreeMap<Integer, Integer> certain = new TreeMap<>();
    private final TreeMap<Integer, Integer> certainNoContext = new TreeMap<>();
    private final List<String> contextWords;
    private String lower;
    private int lowerFrom = -1;

    /**
     * @param kept the other detectors' candidates after context and min-score filtering
     * @param order the resolution order (best first)
     * @param low the deferred detectors' highest score without a context word
     * @param high their highest score with one
     * @param contextWords their context words (lower case; phrases contribute their first word)
     */
    Blocker(String text, List<Candidate> kept, Comparator<Candidate> order, double low, double high,
            List<String> contextWords) {
        this.text = text;
        this.contextWords = contextWords;
        List<Candidate> ranked = new ArrayList<>(kept);
        ranked.sort(order);
        for (Candidate c : ranked) {
            if (c.score <= high) {
                break;
            }
            Map.Entry<Integer, Integer> before = certain.lowerEntry(c.end);
            if (before == null || before.getValue() <= c.start) {
                certain.put(c.start, c.end);
            }
        }
        certainNoContext.putAll(certain);
        List<Candidate> byStart = new ArrayList<>(kept);
        byStart.sort(Comparator.comparingInt(c -> c.start));
        int[] maxEnd = new int[byStart.size()];
        for (int i = 0; i < maxEnd.length; i++) {
            maxEnd[i] = Math.max(i > 0 ? maxEnd[i - 1] : 0, byStart.get(i).end);
        }
        for (int i = 0; i < byStart.size(); i++) {
            Candidate x = byStart.get(i);
            if (x.score <= low || x.score > high || !unbeaten(byStart, maxEnd, i, order)
                    || contextNear(x.start, x.end)) {
                continue;
            }
            // unbeaten: no other candidate overlapping x ranks above it, so x overlaps nothing in certain either
            certainNoContext.put(x.start, x.end);
        }
    }

    /**
     * Whether no other candidate overlapping {@code byStart[i]} ranks above it (false when unsure). {@code maxEnd[j]}
     * is the largest end among {@code byStart[0..j]}.
     */
    private static boolean unbeaten(List<Candidate> byStart, int[] maxEnd, int i, Comparator<Candidate> order) {
        Candidate x = byStart.get(i);
        int k = 0;
        for (int j = i + 1; j < byStart.size() && byStart.get(j).start < x.end; j++) {
            if (++k > MAX_NEIGHBOURS || order.compare(byStart.get(j), x) <= 0) {
                return false;
            }
        }
        for (int j = i - 1; j >= 0 && maxEnd[j] > x.start; j--) {
            Candidate y = byStart.get(j);
            if (y.end > x.start && (++k > MAX_NEIGHBOURS || order.compare(y, x) <= 0)) {
                return false;
            }
        }
        return true;
    }

    /**
     * Whether a deferred candidate overlapping {@code [start, end)} could have a context word (true when unsure).
     * Such a candidate starts at or after the character before the phone-like run touching {@code start} (at
     * {@code rs}) and before {@code end}; the engine looks for context words among the 5 words (runs of letters,
     * digits and apostrophes) before a candidate, within 200 characters. Inside the run there are only digit words,
     * so the words it can see are the 5 words before {@code rs} (or suffixes of them) and the words in
     * {@code [rs, end)}: a context word must occur in one of them.
     */
    private boolean contextNear(int start, int end) {
        int rs = start;
        while (rs > 0 && PhoneDetector.phoneChar(text.charAt(rs - 1))) {
            rs--;
            if (start - rs > MAX_RUN) {
                return true;
            }
        }
        if (end - rs > MAX_RUN) {
            return true;
        }
        if (end > rs && containsContextWord(text.substring(rs, end))) {
            return true;
        }
        int limit = Math.max(0, rs - 201);
        int i = rs;
        for (int words = 0; i > limit && words < Engine.CONTEXT_WORDS; words++) {
            while (i > limit && !wordChar(text.charAt(i - 1))) {
                i--;
            }
            int e = i;
            while (i > limit && wordChar(text.charAt(i - 1))) {
                i--;
            }
            if (e > i && containsContextWord(text.substring(i, e))) {
                return true;
            }
        }
        return false;
    }

    private static boolean wordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '\'';
    }

    private boolean containsContextWord(String s) {
        String low = s.toLowerCase(Locale.ROOT);
        for (String w : contextWords) {
            if (low.contains(w)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether every ASCII digit of the run {@code [s, e)} lies inside spans certain to be kept against any deferred
     * match of the cluster {@code [cs, ce)} (the run with one character of margin on each side).
     */
    boolean covers(int s, int e, int cs, int ce) {
        if (certainNoContext.isEmpty()) {
            return false;
        }
        if (coveredBy(certain, s, e)) {
            return true;
        }
        return coveredBy(certainNoContext, s, e) && !contextNear(cs, ce);
    }

    private boolean coveredBy(TreeMap<Integer, Integer> spans, int s, int e) {
        int coveredTo = -1;
        for (int p = s; p < e; p++) {
            char ch = text.charAt(p);
            if (ch < '0' || ch > '9' || p < coveredTo) {
                continue;
            }
            Map.Entry<Integer, Integer> span = spans.floorEntry(p);
            if (span == null || span.getValue() <= p) {
                return false;
            }
            coveredTo = span.getValue();
        }
        return true;
    }
}
