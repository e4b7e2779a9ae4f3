package dev.assay.core.privacy;

import dev.assay.core.Check;
import dev.assay.core.CheckResult;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.RunContext;
import java.lang.reflect.Constructor;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The {@code dp-audit} check: a black-box {@link DpAudit} of a mechanism class against its claimed (ε, δ). Needs
 * neither model nor data; the seed comes from the run unless set.
 *
 * <p>Scenario keys: {@code mechanism} (a class implementing {@link Mechanism} with a public no-argument
 * constructor), {@code neighbours} (a list of pairs; each input is a number, given to the mechanism as a
 * {@code Double}, a list of numbers, given as a {@code double[]}, or a string), {@code epsilon}, {@code delta}
 * (default 0), {@code samples} (default 500000), {@code confidence} (default 0.95), {@code seed} (default: the
 * run's), {@code output-support} (default false: see {@link DpAudit#outputSupport(boolean)}).
 */
public final class DpAuditCheck implements Check {
    private final String name;
    private final String mechanismClass;
    private final Mechanism<Object, Object> mechanism;
    private final List<Object[]> pairs;
    private final double epsilon;
    private final double delta;
    private final int samples;
    private final double confidence;
    private final Long seed;
    private final boolean outputSupport;

    private DpAuditCheck(Builder b) {
        if (b.mechanism == null) {
            throw new IllegalArgumentException("dp-audit needs mechanism (a class implementing "
                    + Mechanism.class.getName() + ")");
        }
        if (b.pairs.isEmpty()) {
            throw new IllegalArgumentException("dp-audit needs at least one pair in neighbours");
        }
        if (b.epsilon == null) {
            throw new IllegalArgumentException("dp-audit needs epsilon (the claimed epsilon)");
        }
        this.mechanism = b.mechanism;
        this.mechanismClass = b.mechanismClass;
        this.pairs = List.copyOf(b.pairs);
        this.epsilon = b.epsilon;
        this.delta = b.delta;
        this.samples = b.samples;
        this.confidence = b.confidence;
        this.seed = b.seed;
        this.outputSupport = b.outputSupport;
        this.name = b.name != null ? b.name : "dp audit of " + mechanismClass;
        DpAudit.of(mechanism).claims(epsilon, delta).samples(samples).confidence(confidence); // validates
    }

    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String kind() {
        return "dp-audit";
    }

    @Override
    public String name() {
        return name;
    }

    /** Runs the audit; {@code model} and {@code data} are not used and may be {@code null}. */
    @Override
    public CheckResult run(Model model, Dataset data, RunContext context) {
        long s = seed != null ? seed : context != null ? context.seed() : 0;
        DpAudit<Object, Object> audit = DpAudit.of(mechanism).claims(epsilon, delta).samples(samples)
                .confidence(confidence).seed(s).name(name).outputSupport(outputSupport);
        for (Object[] p : pairs) {
            audit.neighbours(p[0], p[1]);
        }
        return audit.run().toCheckResult();
    }

    /** Builds a {@link DpAuditCheck}; method names mirror the scenario keys. */
    public static final class Builder {
        private String name;
        private String mechanismClass;
        private Mechanism<Object, Object> mechanism;
        private final List<Object[]> pairs = new ArrayList<>();
        private Double epsilon;
        private double delta;
        private int samples = DpAudit.DEFAULT_SAMPLES;
        private double confidence = 0.95;
        private Long seed;
        private boolean outputSupport;

        private Builder() {
        }

        public Builder name(String name) { this.name = name; return this; }

        /** {@code mechanism}: the class name, loaded with the thread's context class loader. */
        public Builder mechanism(String className) {
            ClassLoader cl = Thread.currentThread().getContextClassLoader();
            try {
                Class<?> c = Class.forName(className, true, cl != null ? cl : DpAuditCheck.class.getClassLoader());
                return mechanism(c);
            } catch (ClassNotFoundException e) {
                throw new IllegalArgumentException("mechanism class '" + className + "' not found", e);
            }
        }

        /** A mechanism class with a public no-argument constructor. */
        @SuppressWarnings("unchecked")
        public Builder mechanism(Class<?> type) {
            if (!Mechanism.class.isAssignableFrom(type)) {
                throw new IllegalArgumentException("mechanism class " + type.getName() + " does not implement "
                        + Mechanism.class.getName());
            }
            try {
                Constructor<?> ctor = type.getDeclaredConstructor();
                ctor.setAccessible(true);
                this.mechanism = (Mechanism<Object, Object>) ctor.newInstance();
                this.mechanismClass = type.getName();
            } catch (ReflectiveOperationException e) {
                throw new IllegalArgumentException("mechanism class " + type.getName()
                        + " needs a public no-argument constructor", e);
            }
            return this;
        }

        /** A mechanism instance (Java front end). */
        @SuppressWarnings("unchecked")
        public <I, O> Builder mechanism(Mechanism<I, O> mechanism) {
            this.mechanism = (Mechanism<Object, Object>) Objects.requireNonNull(mechanism, "mechanism");
            this.mechanismClass = mechanism.getClass().getName();
            return this;
        }

        /**
         * {@code neighbours}: one pair of inputs; scenario values are converted (number → Double, list of numbers →
         * double[], string → String).
         */
        public Builder neighbours(Object a, Object b) {
            pairs.add(new Object[] {convert(a), convert(b)});
            return this;
        }

        /** {@code neighbours}: a list of two-element lists. */
        public Builder neighbours(List<? extends List<?>> pairs) {
            for (int i = 0; i < pairs.size(); i++) {
                List<?> p = pairs.get(i);
                if (p == null || p.size() != 2) {
                    throw new IllegalArgumentException("neighbours[" + i + "] must be a pair of two inputs, was " + p);
                }
                neighbours(p.get(0), p.get(1));
            }
            return this;
        }

        public Builder epsilon(double epsilon) { this.epsilon = epsilon; return this; }
        public Builder delta(double delta) { this.delta = delta; return this; }
        public Builder samples(int samples) { this.samples = samples; return this; }
        public Builder confidence(double confidence) { this.confidence = confidence; return this; }
        public Builder seed(long seed) { this.seed = seed; return this; }
        /** {@code output-support}: also test the bit-level output support of double outputs. */
        public Builder outputSupport(boolean on) { this.outputSupport = on; return this; }

        public DpAuditCheck build() {
            return new DpAuditCheck(this);
        }

        private static Object convert(Object v) {
            if (v instanceof Number) {
                return ((Number) v).doubleValue();
            }
            if (v instanceof List) {
                List<?> l = (List<?>) v;
                double[] d = new double[l.size()];
                for (int i = 0; i < d.length; i++) {
                    if (!(l.get(i) instanceof Number)) {
                        throw new IllegalArgumentException("neighbour input " + l + " has a non-number at index " + i);
                    }
                    d[i] = ((Number) l.get(i)).doubleValue();
                }
                return d;
            }
            if (v == null) {
                throw new IllegalArgumentException("a neighbour input is null");
            }
            return v;
        }
    }
}
