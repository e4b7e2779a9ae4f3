package dev.assay.core.robustness;

import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.internal.Stats;
import dev.assay.core.robustness.internal.Frames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apache.commons.rng.UniformRandomProvider;

/**
 * A seeded change to some columns of a {@link Dataset}, such as "swap sex" or "raise hours-per-week by 10%". The
 * result is a new dataset that shares every unchanged column with the original (columnar: only the changed columns
 * are new arrays). The same seed gives the same perturbed data. Build them with {@link Perturbations}; chain them
 * with {@link #then(Perturbation)}.
 */
public abstract class Perturbation {
    Perturbation() {
    }

    /** What the perturbation does, for reports: {@code "swap sex"}, {@code "relative hours-per-week +10%"}. */
    public abstract String describe();

    /** The columns it changes, in order. */
    public abstract List<String> columns();

    /** Changes the columns in {@code working} (name to column), drawing randomness from {@code rng}. */
    abstract void applyTo(Map<String, Column> working, String source, Constraints constraints,
                          UniformRandomProvider rng);

    /** This perturbation, then {@code next} (applied to this one's output). */
    public Perturbation then(Perturbation next) {
        List<Perturbation> parts = new ArrayList<>();
        parts.add(this);
        parts.add(Objects.requireNonNull(next, "next"));
        return new Composite(parts);
    }

    /** {@link #apply(Dataset, long, Constraints)} without constraints. */
    public Dataset apply(Dataset data, long seed) {
        return apply(data, seed, Constraints.none());
    }

    /**
     * The perturbed data: the same rows, roles and column order, with the perturbed columns replaced.
     *
     * @param data        the data, not {@code null}
     * @param seed        the seed of all randomness
     * @param constraints what may change, not {@code null}
     * @throws dev.assay.core.DataException     when a column does not exist or has the wrong type
     * @throws IllegalArgumentException when the perturbation changes an immutable column
     */
    public Dataset apply(Dataset data, long seed, Constraints constraints) {
        Map<String, Column> working = working(data, constraints);
        applyTo(working, data.source(), constraints, rng(seed));
        return result(data, working);
    }

    /**
     * {@link #apply(Dataset, long, Constraints)}, and the rows whose perturbed columns differ from {@code data}'s.
     * By default the columns are compared after perturbing; a perturbation that knows which rows it changes says so
     * instead ({@link OfColumn#perturbReporting}). The data is the same as {@code apply}'s.
     */
    Perturbed applyReporting(Dataset data, long seed, Constraints constraints) {
        Dataset out = apply(data, seed, constraints);
        return new Perturbed(out, ChangedRows.diff(data, out, columns()));
    }

    /** The columns of {@code data} by name, after checking that this perturbation may change its columns. */
    final Map<String, Column> working(Dataset data, Constraints constraints) {
        Objects.requireNonNull(data, "data");
        Objects.requireNonNull(constraints, "constraints");
        for (String c : columns()) {
            data.column(c);
            if (constraints.isImmutable(c)) {
                throw new IllegalArgumentException("column '" + c + "' is immutable (constraints) but the"
                        + " perturbation '" + describe() + "' changes it");
            }
        }
        Map<String, Column> working = new LinkedHashMap<>();
        for (Column c : data.columns()) {
            working.put(c.name(), c);
        }
        return working;
    }

    final UniformRandomProvider rng(long seed) {
        return Stats.rng(seed, Stats.hash("perturb/" + describe()));
    }

    final Dataset result(Dataset data, Map<String, Column> working) {
        return Frames.replace(data, new ArrayList<>(working.values()), data.source() + " (" + describe() + ")");
    }

    /** Perturbed data and the rows whose perturbed columns changed. */
    record Perturbed(Dataset data, ChangedRows changed) {
    }

    /** A new column and the rows where it differs from the original, or {@code null} rows when not known. */
    record Reported(Column column, ChangedRows changed) {
    }

    @Override
    public String toString() {
        return describe();
    }

    /** Several perturbations, one after the other. */
    static final class Composite extends Perturbation {
        private final List<Perturbation> parts;

        Composite(List<Perturbation> parts) {
            List<Perturbation> flat = new ArrayList<>();
            for (Perturbation p : parts) {
                if (p instanceof Composite c) {
                    flat.addAll(c.parts);
                } else {
                    flat.add(p);
                }
            }
            this.parts = List.copyOf(flat);
        }

        @Override
        public String describe() {
            List<String> d = new ArrayList<>();
            for (Perturbation p : parts) {
                d.add(p.describe());
            }
            return String.join(", then ", d);
        }

        @Override
        public List<String> columns() {
            List<String> cols = new ArrayList<>();
            for (Perturbation p : parts) {
                for (String c : p.columns()) {
                    if (!cols.contains(c)) {
                        cols.add(c);
                    }
                }
            }
            return cols;
        }

        @Override
        void applyTo(Map<String, Column> working, String source, Constraints constraints,
                     UniformRandomProvider rng) {
            for (Perturbation p : parts) {
                p.applyTo(working, source, constraints, rng);
            }
        }
    }

    /** A perturbation of one column. */
    abstract static class OfColumn extends Perturbation {
        final String column;

        OfColumn(String column) {
            this.column = Objects.requireNonNull(column, "column");
        }

        @Override
        public List<String> columns() {
            return List.of(column);
        }

        @Override
        final void applyTo(Map<String, Column> working, String source, Constraints constraints,
                           UniformRandomProvider rng) {
            working.put(column, perturb(working.get(column), source, constraints, rng));
        }

        /** The new column. */
        abstract Column perturb(Column c, String source, Constraints constraints, UniformRandomProvider rng);

        /**
         * The new column (as {@link #perturb}, from the same randomness) and the rows it changed; by default
         * {@code null} rows, so that {@link #applyReporting} compares the columns. A perturbation that overrides this
         * must report exactly the rows that such a comparison finds (tested per perturbation).
         */
        Reported perturbReporting(Column c, String source, Constraints constraints, UniformRandomProvider rng) {
            return new Reported(perturb(c, source, constraints, rng), null);
        }

        @Override
        final Perturbed applyReporting(Dataset data, long seed, Constraints constraints) {
            Map<String, Column> working = working(data, constraints);
            Reported r = perturbReporting(working.get(column), data.source(), constraints, rng(seed));
            working.put(column, r.column());
            Dataset out = result(data, working);
            return new Perturbed(out, r.changed() != null ? r.changed() : ChangedRows.diff(data, out, columns()));
        }

        static void requireNumeric(Column c, String source, String what) {
            if (!c.isNumeric()) {
                throw new dev.assay.core.DataException(source + ": " + what + " needs a numeric column, but '"
                        + c.name() + "' is categorical");
            }
        }

        static void requireCategorical(Column c, String source, String what) {
            if (c.isNumeric()) {
                throw new dev.assay.core.DataException(source + ": " + what + " needs a categorical column, but '"
                        + c.name() + "' is numeric");
            }
        }
    }
}
