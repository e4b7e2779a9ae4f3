package dev.assay.core.models.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.Column;
import dev.assay.core.Dataset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Turns one row's output (a JSON value) into an {@link Answer}.
 *
 * <ul>
 *   <li>text: the label;</li>
 *   <li>a whole number: the label ({@code 1} or a class index) unless {@code threshold} is set;</li>
 *   <li>a fraction, or any number when {@code threshold} is set: the score (probability of the positive class);
 *       the label is the positive class when score &gt;= threshold (default 0.5), else the negative class;</li>
 *   <li>an array of k &gt;= 2 numbers: class probabilities in the order of {@code class-labels}; the score is the
 *       positive class's, the label the most probable class;</li>
 *   <li>an object of class to probability (ZipMap, TorchServe): the same, keyed by class name; an object with
 *       {@code label}/{@code score}/{@code probabilities} fields is read by field.</li>
 * </ul>
 * Class labels are {@code class-labels} when configured, else the data's two label values (negative first), else
 * {@code ["0", "1"]}; the positive class is {@code positive}, else the data's positive label, else the last class.
 */
public final class OutputReader {
    private final List<String> classes;
    private final String positive;
    private final String negative;
    private final int positiveIndex;
    private final Double threshold;

    public OutputReader(HttpConfig config, Dataset data) {
        this(config.classLabels, config.positive, config.threshold, data);
    }

    public OutputReader(List<String> classLabels, String positiveLabel, Double threshold, Dataset data) {
        String pos = positiveLabel != null ? positiveLabel : data.positive().orElse(null);
        List<String> cl = classLabels;
        if (cl == null && data.label().isPresent() && pos != null) {
            Column lab = data.column(data.label().get());
            List<String> values = new ArrayList<>();
            for (int i = 0; i < lab.size() && values.size() < 3; i++) {
                String s = lab.stringValue(i);
                if (s != null && !values.contains(s)) {
                    values.add(s);
                }
            }
            if (values.size() == 2 && values.contains(pos)) {
                cl = List.of(values.get(0).equals(pos) ? values.get(1) : values.get(0), pos);
            }
        }
        if (cl == null) {
            cl = List.of("0", "1");
        }
        this.classes = List.copyOf(cl);
        this.positive = pos != null ? pos : classes.get(classes.size() - 1);
        this.positiveIndex = classes.indexOf(this.positive);
        this.negative = classes.size() == 2 && positiveIndex >= 0 ? classes.get(1 - positiveIndex) : null;
        this.threshold = threshold;
    }

    public List<String> classes() {
        return classes;
    }

    public String positive() {
        return positive;
    }

    /** Reads one row's output; throws {@link IllegalArgumentException} with the reason when it cannot. */
    public Answer read(JsonNode node) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw new IllegalArgumentException("no output (null)");
        }
        if (node.isArray() && node.size() == 1) {
            return read(node.get(0));
        }
        if (node.isTextual()) {
            String t = node.asText();
            if (threshold != null) {
                try {
                    return fromScore(Double.parseDouble(t));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("'" + t + "' is not a score");
                }
            }
            return Answer.label(t);
        }
        if (node.isBoolean()) {
            return Answer.label(node.asBoolean() ? "1" : "0");
        }
        if (node.isNumber()) {
            double v = node.asDouble();
            if (threshold == null && v == Math.rint(v)) {
                return Answer.label(Column.formatNumber(v));
            }
            return fromScore(v);
        }
        if (node.isArray()) {
            double[] p = new double[node.size()];
            for (int i = 0; i < p.length; i++) {
                JsonNode e = node.get(i);
                if (!e.isNumber()) {
                    throw new IllegalArgumentException("probabilities must be numbers, found " + e);
                }
                p[i] = e.asDouble();
            }
            return fromProbabilities(p);
        }
        if (node.isObject()) {
            if (node.has("label") || node.has("score") || node.has("probabilities") || node.has("probability")) {
                return fromFields(node);
            }
            return fromMap(node);
        }
        throw new IllegalArgumentException("cannot read an output from " + node);
    }

    private Answer fromFields(JsonNode node) {
        JsonNode probs = node.has("probabilities") ? node.get("probabilities") : node.get("probability");
        Answer fromProbs = probs != null && !probs.isNull() ? read(probs) : null;
        double score = fromProbs != null ? fromProbs.score() : Double.NaN;
        if (node.has("score")) {
            score = checkScore(node.get("score"));
        }
        String label = node.hasNonNull("label") ? text(node.get("label"))
                : fromProbs != null ? fromProbs.label() : fromScore(score).label();
        return new Answer(label, score, List.of());
    }

    private static String text(JsonNode n) {
        return n.isNumber() ? Column.formatNumber(n.asDouble()) : n.asText();
    }

    private double checkScore(JsonNode n) {
        if (!n.isNumber()) {
            throw new IllegalArgumentException("score " + n + " is not a number");
        }
        return validScore(n.asDouble());
    }

    static double validScore(double v) {
        if (!Double.isFinite(v) || v < 0 || v > 1) {
            throw new IllegalArgumentException("score " + v + " is not a probability in [0, 1]");
        }
        return v;
    }

    private Answer fromMap(JsonNode node) {
        String best = null;
        double bestP = -1;
        Double pos = null;
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!e.getValue().isNumber()) {
                throw new IllegalArgumentException("class '" + e.getKey() + "' has a non-numeric probability "
                        + e.getValue());
            }
            double p = validScore(e.getValue().asDouble());
            if (p > bestP) {
                bestP = p;
                best = e.getKey();
            }
            if (e.getKey().equals(positive)) {
                pos = p;
            }
        }
        if (best == null) {
            throw new IllegalArgumentException("empty class probability map");
        }
        if (pos == null) {
            throw new IllegalArgumentException("class probabilities " + node + " have no entry for the positive class '"
                    + positive + "'");
        }
        return new Answer(best, pos, List.of());
    }

    public Answer fromProbabilities(double[] p) {
        if (p.length < 2) {
            throw new IllegalArgumentException("expected class probabilities, found " + p.length + " value(s)");
        }
        if (p.length != classes.size()) {
            throw new IllegalArgumentException(p.length + " class probabilities but " + classes.size()
                    + " class labels " + classes + "; set class-labels");
        }
        int arg = 0;
        for (int i = 0; i < p.length; i++) {
            validScore(p[i]);
            if (p[i] > p[arg]) {
                arg = i;
            }
        }
        if (positiveIndex < 0) {
            throw new IllegalArgumentException("the positive class '" + positive + "' is not among the class labels "
                    + classes);
        }
        return new Answer(classes.get(arg), p[positiveIndex], List.of());
    }

    public Answer fromScore(double v) {
        validScore(v);
        if (negative == null) {
            throw new IllegalArgumentException("a score needs two class labels to name the predicted class; found "
                    + classes + " with positive '" + positive + "'");
        }
        double t = threshold != null ? threshold : 0.5;
        return new Answer(v >= t ? positive : negative, v, List.of());
    }
}
