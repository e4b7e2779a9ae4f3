package dev.assay.core.robustness;

import dev.assay.core.AssayException;
import dev.assay.core.Checks;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.ModelInfo;
import dev.assay.core.Predictions;
import dev.assay.core.RunContext;
import dev.assay.core.internal.Stats;
import dev.assay.core.robustness.internal.Frames;

/**
 * The common part of the robustness checks: the (seeded) sample of rows, the model's predictions before and after
 * the perturbation, validated.
 */
final class RobustnessRun implements InvarianceCheck.Lookup {
    final Dataset base;
    final Dataset perturbed;
    final int[] rows;
    final Predictions before;
    final Predictions after;
    final ModelInfo info;
    /** The rows of the sample the perturbation changed; only those rows are tested. */
    final ChangedRows changed;
    private RobustnessRun(Dataset base, Dataset perturbed, int[] rows, Predictions before, Predictions after,
                          ModelInfo info, ChangedRows changed) {
        this.changed = changed;
        this.base = base;
        this.perturbed = perturbed;
        this.rows = rows;
        this.before = before;
        this.after = after;
        this.info = info;
    }

    static RobustnessRun of(String kind, String name, Model model, Dataset data, RunContext context,
                            Perturbation perturbation, Constraints constraints, Integer sample) {
        if (model == null) {
            throw new AssayException("the " + kind + " check '" + name + "' needs a model");
        }
        if (data == null) {
            throw new AssayException("the " + kind + " check '" + name + "' needs data");
        }
        ModelInfo info = Checks.modelInfo(model, data);
        if ("predictions".equals(info.kind())) {
            throw new AssayException("the " + kind + " check '" + name + "' needs a model that predicts from its"
                    + " inputs, but model '" + info.id() + "' reads stored predictions, which a perturbation of the"
                    + " inputs cannot change");
        }
        long stream = Stats.hash(context.suite() + "/" + name);
        int[] rows;
        Dataset base;
        if (sample != null && sample < data.rows()) {
            rows = Frames.sample(data.rows(), sample, Stats.rng(context.seed(), stream));
            base = Frames.subset(data, rows);
        } else {
            rows = null;
            base = data;
        }
        Perturbation.Perturbed p = perturbation.applyReporting(base, context.seed() ^ stream, constraints);
        Dataset perturbed = p.data();
        int tested = p.changed().count();
        if (tested == 0) {
            throw new AssayException("the perturbation '" + perturbation.describe() + "' changed none of the "
                    + base.rows() + " rows of " + data.source() + (rows == null ? "" : " sampled")
                    + " (missing values, zeros under a relative change, values at a bound or already rounded stay"
                    + " as they are): the " + kind + " check '" + name + "' tested nothing");
        }
        Predictions before = Checks.predict(model, base);
        Predictions after = Checks.predict(model, perturbed);
        return new RobustnessRun(base, perturbed, rows, before, after, info, p.changed());
    }

    /** The row of the original data that row {@code i} of the sample is. */
    int originalRow(int i) {
        return rows == null ? i : rows[i];
    }

    int size() {
        return base.rows();
    }

    /** How many rows the perturbation changed. */
    int tested() {
        return changed.count();
    }

    /** " (k of the n rows sampled/tested were left unchanged by the perturbation and not counted)", or "". */
    String unchangedNote() {
        int same = size() - tested();
        return same == 0 ? "" : "; " + same + " of " + size() + " rows were left unchanged by the perturbation"
                + " and are not counted";
    }

    /** The label of row {@code i}, an error when the model gave none or a blank one. */
    @Override
    public String label(Predictions p, int i, String when) {
        String l = p.label(i);
        if (l == null) {
            throw new AssayException("model '" + info.id() + "' gave no label for row " + originalRow(i) + " ("
                    + when + ")");
        }
        if (l.isBlank()) {
            throw new AssayException("model '" + info.id() + "' gave an empty answer for row " + originalRow(i) + " ("
                    + when + "): an empty answer is an error, never an unchanged one");
        }
        return l;
    }

    /** The score of row {@code i}, an error when the model gave none. */
    @Override
    public double score(Predictions p, int i, String when, String why) {
        if (!p.hasScores()) {
            throw new AssayException("model '" + info.id() + "' returns labels without scores, but " + why);
        }
        double s = p.score(i);
        if (Double.isNaN(s)) {
            throw new AssayException("model '" + info.id() + "' gave no score for row " + originalRow(i) + " ("
                    + when + "), but " + why);
        }
        return s;
    }

    /** "sex: Male -> Female" for every perturbed column of sample row {@code i}. */
    String change(Perturbation perturbation, int i) {
        StringBuilder sb = new StringBuilder();
        for (String c : perturbation.columns()) {
            if (sb.length() > 0) {
                sb.append(", ");
            }
            sb.append(c).append(": ").append(value(base.column(c), i)).append(" -> ")
                    .append(value(perturbed.column(c), i));
        }
        return sb.toString();
    }

    /** A value for messages: numbers with four significant digits, {@code <missing>} for a missing value. */
    static String value(dev.assay.core.Column c, int i) {
        if (c.isMissing(i)) {
            return "<missing>";
        }
        return c.isNumeric() ? dev.assay.core.robustness.internal.Fmt.number(c.doubleValue(i))
                : InvarianceCheck.shorten(c.stringValue(i));
    }

    static String text(String v) {
        return v == null ? "<missing>" : v;
    }
}
