package dev.assay.core.internal;

import dev.assay.core.Column;
import dev.assay.core.DataException;
import dev.assay.core.Dataset;
import dev.assay.core.Predictions;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Ground truth and predictions of a binary task as two bit vectors, after checking that they are what a binary
 * metric needs: a label column, a positive label that occurs, no missing label or prediction, and at most two
 * distinct values across labels and predictions. Every error names the file, the column and the row.
 */
public final class BinaryOutcomes {
    /** {@code truth[i]}: row i's label is the positive label. */
    public final boolean[] truth;
    /** {@code predicted[i]}: row i's prediction is the positive label. */
    public final boolean[] predicted;
    public final String labelColumn;
    public final String positive;

    private BinaryOutcomes(boolean[] truth, boolean[] predicted, String labelColumn, String positive) {
        this.truth = truth;
        this.predicted = predicted;
        this.labelColumn = labelColumn;
        this.positive = positive;
    }

    public int rows() {
        return truth.length;
    }

    /**
     * @param labelOverride the label column, or {@code null} for the dataset's
     * @param positiveOverride the positive label, or {@code null} for the dataset's (or {@code 1}/{@code true} when
     *                         the labels are 0/1 or false/true)
     */
    public static BinaryOutcomes of(Dataset data, Predictions predictions, String modelId, String labelOverride,
                                    String positiveOverride) {
        String labelName = labelOverride != null ? labelOverride : data.label().orElseThrow(() ->
                new DataException(data.source() + ": no label column is set; name the ground-truth column"
                        + " (data label) to compute this metric"));
        if (!data.hasColumn(labelName)) {
            throw new DataException(data.source() + ": no label column '" + labelName + "'; columns are "
                    + data.columnNames());
        }
        Column label = data.column(labelName);
        int n = data.rows();
        if (n == 0) {
            throw new DataException(data.source() + ": no data rows");
        }
        int missing = label.firstMissing();
        if (missing >= 0) {
            int m = label.missingCount();
            throw new DataException(data.locate(missing) + ", column '" + labelName + "': the label is missing"
                    + (m > 1 ? " (" + m + " rows without a label)" : ""));
        }
        Set<String> labelValues = new LinkedHashSet<>();
        for (int i = 0; i < n; i++) {
            String v = label.stringValue(i);
            if (labelValues.add(v) && labelValues.size() > 2) {
                throw new DataException(data.locate(i) + ", column '" + labelName + "': a third label value '" + v
                        + "' after " + new ArrayList<>(labelValues).subList(0, 2)
                        + "; binary metrics need exactly two classes");
            }
        }
        String positive = positiveOverride != null ? positiveOverride : data.positive().orElse(null);
        if (positive == null) {
            if (labelValues.equals(Set.of("0", "1")) || labelValues.equals(Set.of("1"))) {
                positive = "1";
            } else if (lower(labelValues).equals(Set.of("false", "true"))) {
                positive = labelValues.contains("true") ? "true" : "True";
            } else {
                throw new DataException(data.source() + ", column '" + labelName + "': no positive label is set and"
                        + " the values " + labelValues + " do not say which is positive; set positive");
            }
        }
        if (label.isNumeric()) {
            positive = normalise(positive);
        }
        if (!labelValues.contains(positive)) {
            throw new DataException(data.source() + ", column '" + labelName + "': the positive label '" + positive
                    + "' never occurs; the labels are " + labelValues);
        }
        Set<String> all = new LinkedHashSet<>(labelValues);
        boolean[] truth = new boolean[n];
        boolean[] predicted = new boolean[n];
        Column pred = predictions.labels();
        if (pred.size() != n) {
            throw new DataException(data.source() + ": model '" + modelId + "' gave " + pred.size()
                    + " predictions for " + n + " rows");
        }
        // name the prediction column when the predictions are a column of the data
        String where = data.hasColumn(pred.name()) && data.column(pred.name()) == pred
                ? ", prediction column '" + pred.name() + "'" : "";
        boolean numericLabels = label.isNumeric();
        for (int i = 0; i < n; i++) {
            truth[i] = positive.equals(label.stringValue(i));
            String p = pred.stringValue(i);
            if (p == null) {
                throw new DataException(data.locate(i) + where + ": model '" + modelId + "' gave no prediction"
                        + " (missing or NaN)" + countMissing(pred));
            }
            if (numericLabels && !pred.isNumeric()) {
                p = normalise(p);
            }
            if (all.add(p) && all.size() > 2) {
                throw new DataException(data.locate(i) + where + ": model '" + modelId + "' predicted '" + p
                        + "', which is not one of the labels " + labelValues + " of column '" + labelName + "'");
            }
            predicted[i] = positive.equals(p);
        }
        return new BinaryOutcomes(truth, predicted, labelName, positive);
    }

    private static String countMissing(Column pred) {
        int m = pred.missingCount();
        return m > 1 ? "; " + m + " rows without a prediction" : "";
    }

    private static Set<String> lower(Set<String> s) {
        Set<String> out = new LinkedHashSet<>();
        s.forEach(v -> out.add(v.toLowerCase(java.util.Locale.ROOT)));
        return out;
    }

    /** {@code "1.0"} and {@code "1"} mean the same positive label. */
    static String normalise(String positive) {
        double d = ColumnBuilder.parse(positive);
        return Double.isNaN(d) ? positive : Column.formatNumber(d);
    }

    /** For messages: which labels there are. */
    public static List<String> distinct(Column c) {
        Set<String> s = new LinkedHashSet<>();
        for (int i = 0; i < c.size(); i++) {
            String v = c.stringValue(i);
            if (v != null) {
                s.add(v);
            }
        }
        return new ArrayList<>(s);
    }
}
