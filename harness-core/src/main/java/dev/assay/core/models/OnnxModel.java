package dev.assay.core.models;

import dev.assay.core.AssayException;
import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Model;
import dev.assay.core.ModelInfo;
import dev.assay.core.Predictions;
import dev.assay.core.internal.Hashing;
import dev.assay.core.models.internal.Answer;
import dev.assay.core.models.internal.OnnxRunner;
import dev.assay.core.models.internal.OutputReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A model in an ONNX file, run in process with ONNX Runtime ({@code com.microsoft.onnxruntime:onnxruntime}, an
 * optional dependency that must be on the class path when an ONNX model is used).
 *
 * <p>Inputs are read from the model: one input per column (matched by name), or one numeric matrix whose columns
 * are {@code features} (or the model's {@code feature_names} metadata). Outputs: a label tensor and/or a probability
 * tensor {@code [n, k]} or a ZipMap-style sequence of class-to-probability maps; the score is the positive class's
 * probability. The fingerprint is the SHA-256 of the file.
 */
public final class OnnxModel implements Model, Availability, AutoCloseable {
    private final Path file;
    private final Builder b;
    private final ModelInfo info;
    private volatile OnnxRunner runner;

    private OnnxModel(Builder b) {
        this.file = b.file;
        this.b = b;
        String fp = Files.isRegularFile(file) ? "sha256:" + Hashing.sha256Hex(file) : null;
        this.info = new ModelInfo(b.id != null ? b.id : file.getFileName().toString(), "onnx", fp);
    }

    public static Builder builder(Path file) {
        return new Builder(file);
    }

    @Override
    public Predictions predict(Dataset data) {
        OnnxRunner r = runner();
        OutputReader reader = new OutputReader(b.classLabels != null ? b.classLabels : r.classLabels(), b.positive,
                b.threshold, data);
        Answer[] answers = r.run(data, reader);
        String[] labels = new String[answers.length];
        double[] scores = new double[answers.length];
        boolean anyScore = false;
        for (int i = 0; i < answers.length; i++) {
            labels[i] = answers[i].label();
            scores[i] = answers[i].score();
            anyScore |= answers[i].hasScore();
        }
        Column col = Column.categorical("prediction", labels);
        return anyScore ? Predictions.of(col, scores) : Predictions.of(col);
    }

    private OnnxRunner runner() {
        OnnxRunner r = runner;
        if (r == null) {
            synchronized (this) {
                if (runner == null) {
                    if (!Files.isRegularFile(file)) {
                        throw new AssayException("ONNX model " + file + " does not exist");
                    }
                    try {
                        runner = new OnnxRunner(file, b.features, b.exclude, b.labelOutput, b.scoreOutput, b.batchSize);
                    } catch (NoClassDefFoundError e) {
                        throw new AssayException("ONNX model " + file + ": ONNX Runtime is not on the class path; add "
                                + "com.microsoft.onnxruntime:onnxruntime (1.29.0) to the test dependencies", e);
                    }
                }
                r = runner;
            }
        }
        return r;
    }

    /** Input names and shapes as read from the model, for messages and documentation: {@code {input=FLOAT[-1, 4]}}. */
    public String describe() {
        return runner().describe();
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public boolean isAvailable() {
        return unavailableReason().isEmpty();
    }

    @Override
    public String unavailableReason() {
        return Files.isRegularFile(file) ? "" : "ONNX model " + file + " does not exist";
    }

    @Override
    public void close() {
        OnnxRunner r = runner;
        if (r != null) {
            r.close();
        }
    }

    @Override
    public String toString() {
        return "OnnxModel[" + file + "]";
    }

    /** Options of an {@link OnnxModel}; each is one key of the scenario's {@code model: onnx:} block. */
    public static final class Builder {
        private final Path file;
        private String id;
        private List<String> features;
        private List<String> exclude = List.of();
        private String labelOutput;
        private String scoreOutput;
        private List<String> classLabels;
        private String positive;
        private Double threshold;
        private int batchSize = 256;

        private Builder(Path file) {
            this.file = Objects.requireNonNull(file, "file");
        }

        /** ({@code id}) Default: the file name. */
        public Builder id(String id) {
            this.id = id;
            return this;
        }

        /** ({@code features}) the columns of a matrix input, in order. Default: the model's {@code feature_names} metadata. */
        public Builder features(List<String> columns) {
            this.features = List.copyOf(columns);
            return this;
        }

        /** ({@code exclude}) columns never used as inputs. */
        public Builder exclude(List<String> columns) {
            this.exclude = List.copyOf(columns);
            return this;
        }

        /** ({@code label-output}) the output with labels. Default: the output whose name contains "label". */
        public Builder labelOutput(String name) {
            this.labelOutput = name;
            return this;
        }

        /** ({@code score-output}) the output with probabilities. Default: the output whose name contains "prob", else the only one. */
        public Builder scoreOutput(String name) {
            this.scoreOutput = name;
            return this;
        }

        /** ({@code class-labels}) class names in the order of a probability tensor. Default: the {@code class_labels} metadata. */
        public Builder classLabels(List<String> labels) {
            this.classLabels = List.copyOf(labels);
            return this;
        }

        /** ({@code positive}) the positive class. Default: the data's positive label. */
        public Builder positive(String label) {
            this.positive = label;
            return this;
        }

        /** ({@code threshold}) read a single numeric output as a score and predict positive at or above this. */
        public Builder threshold(double t) {
            this.threshold = t;
            return this;
        }

        /** ({@code batch-size}) rows per run when the model's batch dimension is dynamic. Default 256. */
        public Builder batchSize(int n) {
            if (n < 1) {
                throw new AssayException("batch-size must be at least 1, was " + n);
            }
            this.batchSize = n;
            return this;
        }

        /** The scenario keys {@link #option} accepts ({@code path} is the file given to the builder). */
        public static final List<String> KEYS = List.of("id", "features", "exclude", "label-output", "score-output",
                "class-labels", "positive", "threshold", "batch-size");

        /**
         * Sets one option by its scenario key, for a scenario parser; values as parsed from YAML.
         *
         * @throws AssayException naming the key for an unknown key or a value of the wrong kind
         */
        public Builder option(String key, Object value) {
            try {
                switch (key) {
                    case "id": return id(String.valueOf(value));
                    case "features": return features(list(value));
                    case "exclude": return exclude(list(value));
                    case "label-output": return labelOutput(String.valueOf(value));
                    case "score-output": return scoreOutput(String.valueOf(value));
                    case "class-labels": return classLabels(list(value));
                    case "positive": return positive(String.valueOf(value));
                    case "threshold": return threshold(value instanceof Number ? ((Number) value).doubleValue()
                            : Double.parseDouble(String.valueOf(value)));
                    case "batch-size": return batchSize(value instanceof Number ? ((Number) value).intValue()
                            : Integer.parseInt(String.valueOf(value)));
                    default:
                        throw new AssayException("unknown key '" + key + "' in model: onnx:; expected path or one of "
                                + KEYS);
                }
            } catch (IllegalArgumentException e) {
                throw new AssayException("model: onnx: " + key + ": '" + value + "' is not valid (" + e.getMessage()
                        + ")", e);
            }
        }

        private static List<String> list(Object v) {
            if (v instanceof java.util.Collection) {
                return ((java.util.Collection<?>) v).stream().map(String::valueOf).toList();
            }
            return List.of(String.valueOf(v));
        }

        public OnnxModel build() {
            return new OnnxModel(this);
        }
    }
}
