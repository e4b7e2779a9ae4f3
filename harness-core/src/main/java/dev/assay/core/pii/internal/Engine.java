package dev.assay.core.pii.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs detectors over a text: seed windows, context enhancement, score filter and overlap resolution. Offsets stay
 * UTF-16 here; the public layer converts them to code points.
 *
 * <p>Seed windows: one linear pass finds seed characters (an ASCII digit, {@code @}, a {@code :} between two
 * non-space characters, a {@code .} between two ASCII letters or digits). The token holding a seed and its two
 * neighbouring tokens form a window; touching windows merge. Windowed detectors only run inside windows, and only
 * when the window's {@link WindowStats} make a match possible, so plain prose costs one character test per
 * character. Deferred (expensive) detectors run after all the others and skip clusters that overlap resolution would
 * drop anyway ({@link Blocker}); the findings are the same as if they ran first.
 */
public final class Engine {
    /** Characters kept around each seed; every built-in windowed pattern has no seed-free stretch this long. */
    public static final int PAD = 24;
    /** Words before a match searched for context words (Presidio's {@code context_prefix_count}). */
    public static final int CONTEXT_WORDS = 5;
    /** Presidio's {@code context_similarity_factor}. */
    public static final double CONTEXT_BOOST = 0.35;
    /** Presidio's {@code min_score_with_context_similarity}. */
    public static final double CONTEXT_FLOOR = 0.4;

    private final List<Detector> windowed = new ArrayList<>();
    private final List<Detector> whole = new ArrayList<>();
    private final Map<Detector, Integer> priority = new HashMap<>();
    private final double minScore;
    /** The resolution order (see {@link #resolve}). */
    private final Comparator<Candidate> order = Comparator.<Candidate>comparingDouble(c -> -c.score)
            .thenComparing(c -> !c.context)
            .thenComparingInt(c -> -(c.end - c.start))
            .thenComparingInt(c -> c.start)
            .thenComparingInt(c -> priority.getOrDefault(c.detector, Integer.MAX_VALUE));
    /** The deferred detectors' highest base score and their context words (first word of each phrase). */
    private double deferredLow;
    private final List<String> deferredContext = new ArrayList<>();

    public Engine(List<Detector> detectors, double minScore) {
        for (Detector d : detectors) {
            priority.put(d, priority.size());
            (d.windowed() ? windowed : whole).add(d);
            if (d.deferred()) {
                if (!d.windowed()) {
                    throw new IllegalArgumentException("a deferred detector must be windowed: " + d.entity());
                }
                deferredLow = Math.max(deferredLow, d.maxScore());
                for (String[] phrase : d.context()) {
                    deferredContext.add(phrase[0].endsWith("#") ? phrase[0].substring(0, phrase[0].length() - 1)
                            : phrase[0]);
                }
            }
        }
        this.minScore = minScore;
    }

    /**
     * The windows {@code [start, end)} as pairs in one array, in order: each token (run of non-whitespace) holding a
     * seed, plus the token before and the token after it (each up to {@value #PAD} characters), merged when they
     * touch or overlap.
     */
    public static int[] windows(String text) {
        int n = text.length();
        int[] out = new int[16];
        int count = 0;
        int curStart = -1;
        int curEnd = -1;
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            // one table load and one well-predicted branch per character of prose
            if (c >= 128 || SEEDISH[c] == 0) {
                i++;
                continue;
            }
            boolean seed;
            if (c <= '9') {
                seed = c >= '0' || dotSeed(text, i, n);
            } else {
                seed = c == '@' || i > 0 && i + 1 < n && !ws(text.charAt(i - 1)) && !ws(text.charAt(i + 1));
            }
            if (!seed) {
                i++;
                continue;
            }
            // the seed's token
            int ts = i;
            int floor = Math.max(curEnd, 0);
            while (ts > floor && !ws(text.charAt(ts - 1))) {
                ts--;
            }
            int te = i + 1;
            while (te < n && !ws(text.charAt(te))) {
                te++;
            }
            // one token before and after, bounded
            int ws = ts;
            int k = 0;
            while (ws > floor && k < 8 && ws(text.charAt(ws - 1))) {
                ws--;
                k++;
            }
            int lim = Math.max(floor, ws - PAD);
            while (ws > lim && !ws(text.charAt(ws - 1))) {
                ws--;
            }
            int we = te;
            k = 0;
            while (we < n && k < 8 && ws(text.charAt(we))) {
                we++;
                k++;
            }
            int rlim = Math.min(n, we + PAD);
            while (we < rlim && !ws(text.charAt(we))) {
                we++;
            }
            if (curEnd >= 0 && ws <= curEnd) {
                curEnd = Math.max(curEnd, we);
            } else {
                if (curEnd >= 0) {
                    if (count + 2 > out.length) {
                        out = java.util.Arrays.copyOf(out, out.length * 2);
                    }
                    out[count++] = curStart;
                    out[count++] = curEnd;
                }
                curStart = ws;
                curEnd = we;
            }
            i = te; // the rest of this token is inside the window already
        }
        if (curEnd >= 0) {
            if (count + 2 > out.length) {
                out = java.util.Arrays.copyOf(out, out.length + 2);
            }
            out[count++] = curStart;
            out[count++] = curEnd;
        }
        return java.util.Arrays.copyOf(out, count);
    }

    /** ASCII characters that may be a seed: digits, {@code .}, {@code @} and {@code :}. */
    private static final byte[] SEEDISH = new byte[128];

    static {
        for (char c = '0'; c <= '9'; c++) {
            SEEDISH[c] = 1;
        }
        SEEDISH['.'] = 1;
        SEEDISH['@'] = 1;
        SEEDISH[':'] = 1;
    }

    private static boolean ws(char c) {
        return c <= ' ' || c >= 0x80 && Character.isWhitespace(c);
    }

    private static boolean dotSeed(String text, int i, int n) {
        return i > 0 && i + 1 < n && asciiAlnum(text.charAt(i - 1)) && asciiAlnum(text.charAt(i + 1));
    }

    private static boolean asciiAlnum(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9';
    }

    /** All findings that survive scoring and overlap resolution, ordered by start. */
    public List<Candidate> scan(String text) {
        List<Candidate> cands = new ArrayList<>();
        List<DeferredCall> deferredCalls = new ArrayList<>();
        if (!windowed.isEmpty()) {
            int[] w = windows(text);
            for (int k = 0; k < w.length; k += 2) {
                WindowStats stats = WindowStats.of(text, w[k], w[k + 1]);
                for (Detector d : windowed) {
                    if (d.possibleIn(stats)) {
                        if (d.deferred()) {
                            deferredCalls.add(new DeferredCall(d, w[k], w[k + 1], stats));
                        } else {
                            d.find(text, w[k], w[k + 1], cands, stats);
                        }
                    }
                }
            }
        }
        for (Detector d : whole) {
            d.find(text, 0, text.length(), cands);
        }
        List<Candidate> kept = scored(text, cands);
        if (!deferredCalls.isEmpty()) {
            // deferred (expensive) detectors run last and skip clusters whose matches resolution would drop anyway
            Blocker blocker = new Blocker(text, kept, order, deferredLow, boosted(deferredLow), deferredContext);
            List<Candidate> more = new ArrayList<>();
            for (DeferredCall call : deferredCalls) {
                call.detector().find(text, call.from(), call.to(), more, call.stats(), blocker);
            }
            kept.addAll(scored(text, more));
        }
        for (Detector d : windowed) {
            d.release();
        }
        for (Detector d : whole) {
            d.release();
        }
        return resolve(kept);
    }

    /** A deferred detector's window, run once the other detectors' candidates are known. */
    private record DeferredCall(Detector detector, int from, int to, WindowStats stats) {
    }

    /** Context enhancement and the min-score filter. */
    private List<Candidate> scored(String text, List<Candidate> cands) {
        List<Candidate> kept = new ArrayList<>(cands.size());
        for (Candidate c : cands) {
            c.context = !c.detector.context().isEmpty() && hasContext(text, c);
            if (!c.validated && c.score < 1.0 && c.context) {
                c.score = boosted(c.score);
            }
            if (c.score > 0 && c.score >= minScore) {
                kept.add(c);
            }
        }
        return kept;
    }

    /** The score of an unvalidated candidate with a context word. */
    private static double boosted(double score) {
        return Math.min(1.0, Math.max(score + CONTEXT_BOOST, CONTEXT_FLOOR));
    }

    /**
     * Overlap rule: candidates are taken by descending score, then those with a context word first, then longer
     * span, then earlier start, then detector order (the order entities were enabled); a candidate overlapping one
     * already taken is dropped.
     */
    List<Candidate> resolve(List<Candidate> cands) {
        cands.sort(order);
        TreeMap<Integer, Candidate> taken = new TreeMap<>();
        for (Candidate c : cands) {
            Map.Entry<Integer, Candidate> before = taken.lowerEntry(c.end);
            if (before != null && before.getValue().end > c.start) {
                continue;
            }
            taken.put(c.start, c);
        }
        return new ArrayList<>(taken.values());
    }

    /** Whether a context word or phrase of the candidate's detector is among the 5 words before it. */
    static boolean hasContext(String text, Candidate c) {
        List<String> words = new ArrayList<>(CONTEXT_WORDS);
        int i = c.start;
        int limit = Math.max(0, c.start - 200);
        while (i > limit && words.size() < CONTEXT_WORDS) {
            while (i > limit && !Character.isLetterOrDigit(text.charAt(i - 1)) && text.charAt(i - 1) != '\'') {
                i--;
            }
            int e = i;
            while (i > limit && (Character.isLetterOrDigit(text.charAt(i - 1)) || text.charAt(i - 1) == '\'')) {
                i--;
            }
            if (e > i) {
                words.add(0, text.substring(i, e).toLowerCase(Locale.ROOT));
            }
        }
        java.util.Set<String> single = c.detector.contextWords();
        for (String w : words) {
            if (single.contains(w) || w.endsWith("s") && single.contains(w.substring(0, w.length() - 1))
                    || w.endsWith("'s") && single.contains(w.substring(0, w.length() - 2))) {
                return true;
            }
        }
        for (String[] phrase : c.detector.contextPhrases()) {
            for (int w = 0; w + phrase.length <= words.size(); w++) {
                boolean all = true;
                for (int k = 0; k < phrase.length && all; k++) {
                    all = matches(words.get(w + k), phrase[k]);
                }
                if (all) {
                    return true;
                }
            }
        }
        return false;
    }

    /** Whole-word match, tolerating a plural {@code s}, a possessive {@code 's} and a trailing {@code #}. */
    private static boolean matches(String word, String ctx) {
        if (ctx.endsWith("#")) {
            ctx = ctx.substring(0, ctx.length() - 1);
        }
        return word.equals(ctx) || word.length() == ctx.length() + 1 && word.startsWith(ctx) && word.endsWith("s")
                || word.length() == ctx.length() + 2 && word.startsWith(ctx) && word.endsWith("'s");
    }
}
