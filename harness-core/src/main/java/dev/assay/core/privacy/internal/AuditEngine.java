package dev.assay.core.privacy.internal;

import dev.assay.core.privacy.Mechanism;
import java.lang.reflect.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;
import dev.assay.core.Interval;
import dev.assay.core.internal.Stats;

/**
 * The black-box DP auditor's engine: reproducible parallel sampling, output projections, event selection on one
 * sample set, confirmation on fresh samples, Clopper-Pearson bounds (reference/privacy.md §4-5).
 */
public final class AuditEngine {
    private AuditEngine() {
    }

    /** Samples are drawn in chunks of this size, each from its own stream: results do not depend on threads. */
    static final int CHUNK = 8192;

    /** How an output is turned into numeric projections and a key for value events. */
    static final class Featurizer {
        final int coords;          // vector coordinates (0 for scalars)
        final boolean vector;
        final boolean scalarNumber;
        final boolean floating;    // scalar double/float: add the lowest-set-bit projection
        final List<String> names = new ArrayList<>();
        /** Whether outputs repeat enough for value events on whole outputs (decided on the pilot samples). */
        boolean useKeys = true;

        Featurizer(Object pilotSample, int maxLen, boolean bitLevel) {
            if (pilotSample instanceof Number) {
                scalarNumber = true;
                vector = false;
                coords = 0;
                floating = bitLevel && (pilotSample instanceof Double || pilotSample instanceof Float);
                names.add("output");
                if (floating) {
                    names.add("lowest set bit of output");
                }
            } else if (pilotSample instanceof Boolean || !isVector(pilotSample)) {
                scalarNumber = false;
                vector = false;
                coords = 0;
                floating = false;
                if (pilotSample instanceof Boolean) {
                    names.add("output");
                }
            } else {
                scalarNumber = false;
                vector = true;
                floating = false;
                coords = Math.min(maxLen, 64);
                for (int j = 0; j < coords; j++) {
                    names.add("output[" + j + "]");
                }
                names.add("sum of numeric entries");
                names.add("number of non-zero entries");
                names.add("length");
            }
        }

        int projections() {
            return names.size();
        }

        void project(Object o, double[][] into, int i) {
            if (scalarNumber) {
                double v = ((Number) o).doubleValue();
                into[0][i] = v;
                if (floating) {
                    into[1][i] = lowestSetBit(v);
                }
                return;
            }
            if (!vector) {
                if (o instanceof Boolean) {
                    into[0][i] = ((Boolean) o) ? 1 : 0;
                }
                return;
            }
            int len = length(o);
            double sum = 0;
            int nonZero = 0;
            for (int j = 0; j < len; j++) {
                double v = numeric(element(o, j));
                if (j < coords) {
                    into[j][i] = v;
                }
                if (!Double.isNaN(v)) {
                    sum += v;
                    nonZero += v != 0 ? 1 : 0;
                }
            }
            for (int j = len; j < coords; j++) {
                into[j][i] = Double.NaN;
            }
            into[coords][i] = sum;
            into[coords + 1][i] = nonZero;
            into[coords + 2][i] = len;
        }
    }

    /** The exponent of the lowest set bit of a double's significand: v is a multiple of 2^result. */
    public static double lowestSetBit(double v) {
        if (v == 0) {
            return 2000;
        }
        if (!Double.isFinite(v)) {
            return 3000;
        }
        long bits = Double.doubleToRawLongBits(v);
        long mantissa = bits & ((1L << 52) - 1);
        int exp = Math.getExponent(v);
        if (exp < Double.MIN_EXPONENT) {
            return -1074 + Long.numberOfTrailingZeros(mantissa);
        }
        long m = mantissa | (1L << 52);
        return exp - 52 + Long.numberOfTrailingZeros(m);
    }

    static boolean isVector(Object o) {
        return o instanceof List || (o != null && o.getClass().isArray());
    }

    static int length(Object o) {
        return o instanceof List ? ((List<?>) o).size() : Array.getLength(o);
    }

    static Object element(Object o, int j) {
        return o instanceof List ? ((List<?>) o).get(j) : Array.get(o, j);
    }

    static double numeric(Object e) {
        if (e instanceof Number) {
            return ((Number) e).doubleValue();
        }
        if (e instanceof Boolean) {
            return ((Boolean) e) ? 1 : 0;
        }
        return Double.NaN;
    }

    /** A key with value equality for any output (arrays become lists). */
    static Object key(Object o) {
        if (o instanceof Float || o instanceof Double) {
            double d = ((Number) o).doubleValue();
            return d == 0 ? 0.0 : d; // -0.0 and 0.0 are the same output value
        }
        if (o instanceof Number) {
            return ((Number) o).longValue();
        }
        if (o != null && o.getClass().isArray()) {
            int len = Array.getLength(o);
            List<Object> l = new ArrayList<>(len);
            for (int j = 0; j < len; j++) {
                l.add(key(Array.get(o, j)));
            }
            return l;
        }
        if (o instanceof List) {
            List<Object> l = new ArrayList<>();
            for (Object e : (List<?>) o) {
                l.add(key(e));
            }
            return l;
        }
        return o == null ? "null" : o;
    }

    /** Drawn outputs of one input: projections [projection][sample] and keys [sample]. */
    static final class Samples {
        final double[][] features;
        final Object[] keys;
        final int n;

        Samples(int projections, int n) {
            this.features = new double[projections][n];
            this.keys = new Object[n];
            this.n = n;
        }
    }

    static long streamSeed(long seed, long phase, long pair, long side, long chunk) {
        long h = seed * 0x9E3779B97F4A7C15L;
        h = Long.rotateLeft(h ^ phase * 0xC2B2AE3D27D4EB4FL, 31) * 0x165667B19E3779F9L;
        h = Long.rotateLeft(h ^ pair * 0x27D4EB2F165667C5L, 27) * 0x9E3779B97F4A7C15L;
        h = Long.rotateLeft(h ^ side * 0x85EBCA77C2B2AE63L, 33) * 0xC2B2AE3D27D4EB4FL;
        h ^= chunk * 0xFF51AFD7ED558CCDL;
        return h ^ (h >>> 29);
    }

    @SuppressWarnings("unchecked")
    static <I, O> Samples sample(Mechanism<I, O> m, I input, int n, long seed, long phase, long pair, long side,
                                 Featurizer f, ForkJoinPool pool) {
        Samples s = new Samples(f.projections(), n);
        int chunks = (n + CHUNK - 1) / CHUNK;
        Runnable work = () -> IntStream.range(0, chunks).parallel().forEach(c -> {
            SplittableRandom rng = new SplittableRandom(streamSeed(seed, phase, pair, side, c));
            int from = c * CHUNK;
            int to = Math.min(n, from + CHUNK);
            for (int i = from; i < to; i++) {
                O out = m.run(input, rng);
                if (out == null) {
                    throw new IllegalStateException("the mechanism returned null for input " + describe(input)
                            + " (sample " + i + ")");
                }
                f.project(out, s.features, i);
                if (f.useKeys) {
                    s.keys[i] = key(out);
                }
            }
        });
        try {
            pool.submit(work).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("audit interrupted", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException) {
                throw (RuntimeException) cause;
            }
            throw new IllegalStateException(cause);
        }
        return s;
    }

    public static String describe(Object input) {
        if (input == null) {
            return "null";
        }
        if (input.getClass().isArray()) {
            return key(input).toString();
        }
        return input.toString();
    }

    /** An output event: {projection <= t}, {projection > t}, {projection == v}, or {key == k}. */
    static final class Event {
        final int projection;   // -1 for key events
        final int op;           // 0: <=, 1: >, 2: ==
        final double t;
        final Object key;
        java.util.Set<Object> keySet;
        final List<Object> ordered;
        final int prefix;
        final String text;

        Event(int projection, int op, double t, Object key, List<Object> ordered, int prefix, String text) {
            this.projection = projection;
            this.op = op;
            this.t = t;
            this.key = key;
            this.ordered = ordered;
            this.prefix = prefix;
            this.text = text;
        }

        Event(int projection, int op, double t, Object key, String text) {
            this(projection, op, t, key, null, 0, text);
        }

        boolean test(Samples s, int i) {
            if (ordered != null) {
                if (keySet == null) {
                    keySet = new java.util.HashSet<>(ordered.subList(0, prefix));
                }
                return keySet.contains(s.keys[i]);
            }
            if (projection < 0) {
                return key.equals(s.keys[i]);
            }
            double v = s.features[projection][i];
            switch (op) {
                case 0:
                    return v <= t;
                case 1:
                    return v > t;
                default:
                    return v == t;
            }
        }

        long count(Samples s) {
            long c = 0;
            for (int i = 0; i < s.n; i++) {
                if (test(s, i)) {
                    c++;
                }
            }
            return c;
        }
    }

    /** Clopper-Pearson [lower, upper] for x of n, each bound one-sided at level {@code alpha}. */
    public static double[] clopperPearson(long x, long n, double alpha) {
        Interval ci = Stats.clopperPearson(x, n, 1 - 2 * alpha);
        return new double[] {ci.lower(), ci.upper()};
    }

    /** ln((p1_lower − δ) / p2_upper), 0 when the numerator is not positive; each bound at {@code alpha}. */
    public static double epsilonLowerBound(long c1, long n1, long c2, long n2, double delta, double alpha) {
        if (c1 == 0) {
            return 0;
        }
        double p1 = clopperPearson(c1, n1, alpha)[0] - delta;
        if (p1 <= 0) {
            return 0;
        }
        double p2 = clopperPearson(c2, n2, alpha)[1];
        return Math.max(0, Math.log(p1 / p2));
    }

    /** The outcome of an audit, before it is wrapped in the public result. */
    public static final class Outcome {
        public double lowerBound;
        public double estimate;
        public String event;
        public int pair;
        public boolean swapped;
        public long c1;
        public long c2;
        public long n;
        public double[] p1;
        public double[] p2;
        public int candidates;
        public double selectionBound;
    }

    static final double[] LEVELS;

    static {
        List<Double> l = new ArrayList<>();
        for (double q : new double[] {1e-4, 2e-4, 5e-4, 1e-3, 2e-3, 5e-3}) {
            l.add(q);
            l.add(1 - q);
        }
        for (int i = 1; i < 100; i++) {
            l.add(i / 100.0);
        }
        LEVELS = l.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /** Runs the audit. {@code pairs} holds the neighbouring inputs. */
    public static <I, O> Outcome run(Mechanism<I, O> m, List<Object[]> pairs, double delta, int selectionSamples,
                                     int samples, long seed, double confidence, int threads, boolean bitLevel) {
        double alpha = (1 - confidence) / 2; // union bound over the two Clopper-Pearson bounds
        ForkJoinPool pool = new ForkJoinPool(Math.max(1, threads));
        try {
            @SuppressWarnings("unchecked")
            I first = (I) pairs.get(0)[0];
            // pilot: output type and vector length, from a separate stream
            SplittableRandom pilotRng = new SplittableRandom(streamSeed(seed, 99, 0, 0, 0));
            int maxLen = 0;
            Object pilot = null;
            java.util.Set<Object> pilotKeys = new java.util.HashSet<>();
            int pilotCount = 0;
            for (Object[] p : pairs) {
                for (int side = 0; side < 2; side++) {
                    for (int i = 0; i < 50; i++) {
                        @SuppressWarnings("unchecked")
                        Object o = m.run((I) p[side], pilotRng);
                        if (o == null) {
                            throw new IllegalStateException("the mechanism returned null for input " + describe(p[side]));
                        }
                        pilot = pilot == null ? o : pilot;
                        pilotKeys.add(key(o));
                        pilotCount++;
                        if (isVector(o)) {
                            maxLen = Math.max(maxLen, length(o));
                        }
                    }
                }
            }
            Featurizer f = new Featurizer(pilot, maxLen + 1, bitLevel);
            // continuous outputs never repeat: skip building keys for them
            f.useKeys = pilotKeys.size() < 0.9 * pilotCount;
            // selection
            double best = -1;
            Event bestEvent = null;
            int bestPair = 0;
            boolean bestSwapped = false;
            int candidates = 0;
            for (int p = 0; p < pairs.size(); p++) {
                @SuppressWarnings("unchecked")
                Samples a = sample(m, (I) pairs.get(p)[0], selectionSamples, seed, 1, p, 0, f, pool);
                @SuppressWarnings("unchecked")
                Samples b = sample(m, (I) pairs.get(p)[1], selectionSamples, seed, 1, p, 1, f, pool);
                List<Candidate> cands = candidates(f, a, b);
                // score each candidate by its Bonferroni-corrected bound over all events, pairs and directions:
                // this keeps rare events whose selection counts won by chance from beating robust ones
                double alphaSel = alpha / Math.max(1.0, 2.0 * cands.size() * pairs.size());
                for (Candidate cand : cands) {
                    candidates++;
                    Event e = cand.event;
                    long ca = cand.ca;
                    long cb = cand.cb;
                    double s1 = epsilonLowerBound(ca, a.n, cb, b.n, delta, alphaSel);
                    double s2 = epsilonLowerBound(cb, b.n, ca, a.n, delta, alphaSel);
                    if (s1 > best) {
                        best = s1;
                        bestEvent = e;
                        bestPair = p;
                        bestSwapped = false;
                    }
                    if (s2 > best) {
                        best = s2;
                        bestEvent = e;
                        bestPair = p;
                        bestSwapped = true;
                    }
                }
            }
            // confirmation on fresh samples
            Object[] pair = pairs.get(bestPair);
            @SuppressWarnings("unchecked")
            Samples x = sample(m, (I) pair[bestSwapped ? 1 : 0], samples, seed, 2, bestPair, 0, f, pool);
            @SuppressWarnings("unchecked")
            Samples y = sample(m, (I) pair[bestSwapped ? 0 : 1], samples, seed, 2, bestPair, 1, f, pool);
            Outcome out = new Outcome();
            out.c1 = bestEvent.count(x);
            out.c2 = bestEvent.count(y);
            out.n = samples;
            out.lowerBound = epsilonLowerBound(out.c1, samples, out.c2, samples, delta, alpha);
            double q1 = (double) out.c1 / samples - delta;
            double q2 = (double) out.c2 / samples;
            out.estimate = q1 <= 0 ? 0 : q2 == 0 ? Double.POSITIVE_INFINITY : Math.max(0, Math.log(q1 / q2));
            out.p1 = clopperPearson(out.c1, samples, alpha);
            out.p2 = clopperPearson(out.c2, samples, alpha);
            out.event = bestEvent.text;
            out.pair = bestPair;
            out.swapped = bestSwapped;
            out.candidates = candidates;
            out.selectionBound = best;
            return out;
        } finally {
            pool.shutdown();
        }
    }

    /** An event with its counts on the two selection sample sets. */
    static final class Candidate {
        final Event event;
        final long ca;
        final long cb;

        Candidate(Event event, long ca, long cb) {
            this.event = event;
            this.ca = ca;
            this.cb = cb;
        }
    }

    private static double ratio(long[] c, int dir) {
        return dir == 0 ? (c[0] + 0.5) / (c[1] + 0.5) : (c[1] + 0.5) / (c[0] + 0.5);
    }

    private static String describeSet(List<Map.Entry<Object, long[]>> order, int k) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(k, 3); i++) {
            sb.append(i == 0 ? "" : ", ").append(order.get(i).getKey());
        }
        return sb.append(k > 3 ? ", ..." : "").toString();
    }

    /** Number of values in sorted[] that are <= t. */
    static int countAtMost(double[] sorted, int len, double t) {
        int lo = 0;
        int hi = len;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Number of values in sorted[] that are < t. */
    static int countBelow(double[] sorted, int len, double t) {
        int lo = 0;
        int hi = len;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < t) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The candidate events with their counts, from sorted projections and a key histogram (no rescans). */
    static List<Candidate> candidates(Featurizer f, Samples a, Samples b) {
        List<Candidate> events = new ArrayList<>();
        int n = a.n + b.n;
        // value events on whole outputs when they repeat
        Map<Object, long[]> counts = new LinkedHashMap<>(); // sample order: deterministic
        boolean tooMany = !f.useKeys;
        int cap = Math.max(2000, n / 500);
        Samples[] sides = {a, b};
        for (int side = 0; side < 2 && !tooMany; side++) {
            Samples s = sides[side];
            for (int i = 0; i < s.n; i++) {
                counts.computeIfAbsent(s.keys[i], k -> new long[2])[side]++;
                if (counts.size() > cap) {
                    tooMany = true;
                    break;
                }
            }
        }
        if (!tooMany) {
            counts.forEach((key, c) -> {
                if (c[0] + c[1] >= 5) {
                    events.add(new Candidate(new Event(-1, 2, 0, key, "output = " + key), c[0], c[1]));
                }
            });
            // likelihood-ratio sets (the Neyman-Pearson event, as DP-Sniper's classifier approximates it): outputs
            // ordered by their estimated ratio, every prefix of that order is an event, in both directions
            List<Map.Entry<Object, long[]>> entries = new ArrayList<>(counts.entrySet());
            for (int dir = 0; dir < 2 && entries.size() > 2; dir++) {
                final int d = dir;
                List<Map.Entry<Object, long[]>> order = new ArrayList<>(entries);
                order.sort((x, y) -> Double.compare(ratio(y.getValue(), d), ratio(x.getValue(), d)));
                List<Object> keys = new ArrayList<>();
                for (Map.Entry<Object, long[]> en : order) {
                    keys.add(en.getKey());
                }
                long ca = 0;
                long cb = 0;
                for (int i = 0; i < order.size() - 1 && i < 2000; i++) {
                    ca += order.get(i).getValue()[0];
                    cb += order.get(i).getValue()[1];
                    if (i >= 1 && ca + cb >= 5) {
                        events.add(new Candidate(new Event(-1, 3, 0, null, keys, i + 1,
                                "output in the " + (i + 1) + " values most likely under input " + (d == 0 ? "1" : "2")
                                        + " (" + describeSet(order, i + 1) + ")"), ca, cb));
                    }
                }
            }
        }
        for (int j = 0; j < f.projections(); j++) {
            String name = f.names.get(j);
            double[] sa = finiteSorted(a.features[j]);
            double[] sb = finiteSorted(b.features[j]);
            double[] pooled = new double[sa.length + sb.length];
            System.arraycopy(sa, 0, pooled, 0, sa.length);
            System.arraycopy(sb, 0, pooled, sa.length, sb.length);
            int k = pooled.length;
            if (k == 0) {
                continue;
            }
            Arrays.sort(pooled);
            List<Double> distinct = new ArrayList<>();
            for (int i = 0; i < k && distinct.size() <= 200; i++) {
                if (i == 0 || pooled[i] != pooled[i - 1]) {
                    distinct.add(pooled[i]);
                }
            }
            double[] thresholds;
            if (distinct.size() <= 200) {
                thresholds = distinct.stream().mapToDouble(Double::doubleValue).toArray();
                for (double v : thresholds) {
                    long ca = countAtMost(sa, sa.length, v) - countBelow(sa, sa.length, v);
                    long cb = countAtMost(sb, sb.length, v) - countBelow(sb, sb.length, v);
                    events.add(new Candidate(new Event(j, 2, v, null, name + " = " + Fmt.num(v)), ca, cb));
                }
            } else {
                thresholds = new double[LEVELS.length];
                for (int i = 0; i < LEVELS.length; i++) {
                    thresholds[i] = pooled[(int) Math.min(k - 1, Math.floor(LEVELS[i] * k))];
                }
            }
            double prev = Double.NaN;
            for (double t : thresholds) {
                if (t == prev) {
                    continue;
                }
                prev = t;
                long la = countAtMost(sa, sa.length, t);
                long lb = countAtMost(sb, sb.length, t);
                events.add(new Candidate(new Event(j, 0, t, null, name + " <= " + t), la, lb));
                // NaN values (absent coordinates) are in neither event
                events.add(new Candidate(new Event(j, 1, t, null, name + " > " + t), sa.length - la,
                        sb.length - lb));
            }
        }
        return events;
    }

    private static double[] finiteSorted(double[] v) {
        double[] out = new double[v.length];
        int k = 0;
        for (double x : v) {
            if (!Double.isNaN(x)) {
                out[k++] = x;
            }
        }
        out = Arrays.copyOf(out, k);
        Arrays.sort(out);
        return out;
    }
}
