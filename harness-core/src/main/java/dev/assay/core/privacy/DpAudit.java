package dev.assay.core.privacy;

import dev.assay.core.internal.Require;
import dev.assay.core.privacy.internal.AuditEngine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A black-box audit of a mechanism's differential-privacy claim. The auditor runs the mechanism on each pair of
 * neighbouring inputs, selects the most revealing output event on one set of samples (threshold events for numbers,
 * value events for repeated outputs, coordinate and sum projections for vectors and lists, and, with
 * {@link #outputSupport(boolean)}, the lowest set bit of double outputs, which exposes the floating-point attack), then confirms that single event on fresh
 * samples and bounds ε from below with Clopper-Pearson intervals in both directions: ε ≥ ln((p1_lower − δ) /
 * p2_upper), at the stated confidence (union bound over both intervals). The verdict rests on that bound, never on
 * the point estimate.
 *
 * <pre>{@code
 * DpAuditResult r = DpAudit.of((Double x, RandomGenerator rng) -> x + laplace(rng, 1 / 0.5))
 *         .neighbours(0.0, 1.0).claims(0.5).samples(500_000).seed(7).run();
 * r.passed();              // false exactly when r.epsilonLowerBound() > 0.5
 * }</pre>
 *
 * <p>Sampling is parallel and reproducible: samples are drawn in fixed chunks, each from its own stream derived from
 * the seed, so the same seed gives the same result whatever the number of threads.
 *
 * @param <I> the mechanism's input type
 * @param <O> the mechanism's output type
 */
public final class DpAudit<I, O> {
    /** Default confirmation samples per input. */
    public static final int DEFAULT_SAMPLES = 500_000;

    private final Mechanism<I, O> mechanism;
    private final List<Object[]> pairs = new ArrayList<>();
    private double epsilon = Double.NaN;
    private double delta;
    private int samples = DEFAULT_SAMPLES;
    private Integer selectionSamples;
    private long seed = 0;
    private double confidence = 0.95;
    private int threads = Runtime.getRuntime().availableProcessors();
    private String name;
    private boolean outputSupport;

    private DpAudit(Mechanism<I, O> mechanism) {
        this.mechanism = Objects.requireNonNull(mechanism, "mechanism");
    }

    public static <I, O> DpAudit<I, O> of(Mechanism<I, O> mechanism) {
        return new DpAudit<>(mechanism);
    }

    /** Adds a pair of neighbouring inputs; repeat for several pairs (both orders are always tested). */
    public DpAudit<I, O> neighbours(I a, I b) {
        pairs.add(new Object[] {Objects.requireNonNull(a, "a"), Objects.requireNonNull(b, "b")});
        return this;
    }

    /** The claimed pure ε. */
    public DpAudit<I, O> claims(double epsilon) {
        return claims(epsilon, 0);
    }

    /** The claimed (ε, δ). */
    public DpAudit<I, O> claims(double epsilon, double delta) {
        if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
            throw new IllegalArgumentException("claimed epsilon must be finite and >= 0, was " + epsilon);
        }
        if (!(delta >= 0 && delta < 1)) {
            throw new IllegalArgumentException("claimed delta must be in [0, 1), was " + delta);
        }
        this.epsilon = epsilon;
        this.delta = delta;
        return this;
    }

    /** Fresh samples per input for the confirmation (default 500,000); selection uses half as many by default. */
    public DpAudit<I, O> samples(int n) {
        if (n < 1000) {
            throw new IllegalArgumentException("samples must be at least 1000, was " + n);
        }
        this.samples = n;
        return this;
    }

    /** Samples per input for event selection (default: half of {@link #samples(int)}). */
    public DpAudit<I, O> selectionSamples(int n) {
        if (n < 1000) {
            throw new IllegalArgumentException("selection samples must be at least 1000, was " + n);
        }
        this.selectionSamples = n;
        return this;
    }

    public DpAudit<I, O> seed(long seed) {
        this.seed = seed;
        return this;
    }

    /** The confidence of the lower bound (default 0.95). */
    public DpAudit<I, O> confidence(double confidence) {
        Require.confidence(confidence);
        this.confidence = confidence;
        return this;
    }

    /** Worker threads for sampling (default: available processors); results do not depend on it. */
    public DpAudit<I, O> threads(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
        this.threads = threads;
        return this;
    }

    /**
     * Also tests the output support at the level of bits (default off): for double outputs, the events include the
     * lowest set bit of the output, so a mechanism whose neighbouring inputs reach different sets of doubles (the
     * floating-point attack on textbook Laplace and Gaussian samplers, Mironov 2012) is caught. Off by default
     * because it audits the implementation rather than the ideal real-valued mechanism.
     */
    public DpAudit<I, O> outputSupport(boolean on) {
        this.outputSupport = on;
        return this;
    }

    /** The name used in {@link DpAuditResult#toCheckResult()}. */
    public DpAudit<I, O> name(String name) {
        this.name = name;
        return this;
    }

    /** Runs the audit. */
    public DpAuditResult run() {
        if (pairs.isEmpty()) {
            throw new IllegalStateException("no neighbouring inputs: call neighbours(a, b) at least once");
        }
        if (Double.isNaN(epsilon)) {
            throw new IllegalStateException("no privacy claim: call claims(epsilon) or claims(epsilon, delta)");
        }
        int sel = selectionSamples != null ? selectionSamples : Math.max(1000, samples / 2);
        AuditEngine.Outcome o = AuditEngine.run(mechanism, pairs, delta, sel, samples, seed, confidence, threads,
                outputSupport);
        Object[] pair = pairs.get(o.pair);
        String first = AuditEngine.describe(pair[o.swapped ? 1 : 0]);
        String second = AuditEngine.describe(pair[o.swapped ? 0 : 1]);
        return new DpAuditResult(name != null ? name : "dp audit", epsilon, delta, confidence, o.lowerBound,
                o.estimate, o.event, first, second, o.c1, o.c2, o.n, sel, pairs.size(), o.candidates, seed, o.p1,
                o.p2);
    }
}
