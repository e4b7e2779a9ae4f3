package dev.assay.core;

import dev.assay.core.internal.DictionaryEncoder;
import dev.assay.core.internal.Fingerprints;
import dev.assay.core.internal.RowCursor;
import java.lang.reflect.InvocationTargetException;
import java.nio.file.Path;
import java.util.Objects;
import java.util.function.Function;

/**
 * Entry point for models under test.
 *
 * <pre>{@code
 * Model rule = Models.function("income-rule", row -> row.getDouble("education-num") >= 13 ? ">50K" : "<=50K");
 * Model stored = Models.predictions("y_pred");                 // a column of the data
 * Model file = Models.predictionsFile(Path.of("preds.csv"), "y_pred"); // a separate file, same row order
 * }</pre>
 */
public final class Models {
    private Models() {
    }

    /**
     * A model written as a Java function of one row, returning the predicted label ({@code null} = no answer,
     * which is an error for every check). The fingerprint is the SHA-256 of the class file that declares it.
     */
    public static Model function(String id, Function<? super Row, ?> predictor) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(predictor, "predictor");
        ModelInfo info = new ModelInfo(id, "java", Fingerprints.ofClass(predictor.getClass()));
        return new Model() {
            @Override
            public Predictions predict(Dataset data) {
                RowCursor row = new RowCursor(data);
                DictionaryEncoder enc = new DictionaryEncoder();
                int[] codes = new int[data.rows()];
                for (int i = 0; i < codes.length; i++) {
                    row.moveTo(i);
                    Object out = predictor.apply(row);
                    if (out instanceof Double || out instanceof Float) {
                        double d = ((Number) out).doubleValue();
                        codes[i] = Double.isNaN(d) ? -1 : enc.encode(Column.formatNumber(d));
                    } else {
                        codes[i] = out == null ? -1 : enc.encode(out.toString());
                    }
                }
                return Predictions.of(Column.categorical("prediction", codes, enc.dictionary()));
            }

            @Override
            public ModelInfo info() {
                return info;
            }

            @Override
            public String toString() {
                return "Model[" + id + "]";
            }
        };
    }

    /** An instance of a class implementing {@link Model}, made with its public no-argument constructor. */
    public static Model java(Class<? extends Model> type) {
        try {
            return type.getConstructor().newInstance();
        } catch (NoSuchMethodException e) {
            throw new AssayException("model class " + type.getName() + " has no public no-argument constructor");
        } catch (InvocationTargetException e) {
            throw new AssayException("model class " + type.getName() + " failed to construct: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new AssayException("model class " + type.getName() + " cannot be instantiated: " + e, e);
        }
    }

    /** A model named by its class, loaded with the context class loader (as in {@code model: java: ...}). */
    public static Model java(String className) {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        Class<?> type;
        try {
            type = Class.forName(className, true, loader != null ? loader : Models.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new AssayException("model class " + className + " not found on the class path");
        }
        if (!Model.class.isAssignableFrom(type)) {
            throw new AssayException("model class " + className + " does not implement " + Model.class.getName());
        }
        return java(type.asSubclass(Model.class));
    }

    /**
     * Precomputed predictions stored in a column of the data under test. The fingerprint is the SHA-256 of the
     * column's values, so it identifies the predictions and nothing else.
     */
    public static Model predictions(String column) {
        return new PredictionsColumnModel(column);
    }

    /**
     * Precomputed predictions in a separate CSV or JSONL file, one row per data row in the same order. The
     * fingerprint is the SHA-256 of the file.
     */
    public static Model predictionsFile(Path file, String column) {
        Dataset preds = Datasets.file(file).load();
        Column c = preds.column(column);
        ModelInfo info = new ModelInfo(file.getFileName() + "#" + column, "predictions", "sha256:" + preds.sha256());
        return new Model() {
            @Override
            public Predictions predict(Dataset data) {
                if (preds.rows() != data.rows()) {
                    throw new DataException(preds.source() + ": has " + preds.rows() + " prediction rows but "
                            + data.source() + " has " + data.rows() + " data rows; they must match row for row");
                }
                int missing = c.firstMissing();
                if (missing >= 0) {
                    throw new DataException(preds.locate(missing) + ", column '" + column + "': no prediction"
                            + " (missing or NaN)" + (c.missingCount() > 1 ? "; " + c.missingCount()
                            + " rows without a prediction" : ""));
                }
                return Predictions.of(c);
            }

            @Override
            public ModelInfo info() {
                return info;
            }
        };
    }

    private static final class PredictionsColumnModel implements Model {
        private final String column;

        PredictionsColumnModel(String column) {
            this.column = Objects.requireNonNull(column, "column");
        }

        @Override
        public Predictions predict(Dataset data) {
            if (!data.hasColumn(column)) {
                throw new DataException(data.source() + ": no prediction column '" + column + "'; columns are "
                        + data.columnNames());
            }
            return Predictions.of(data.column(column));
        }

        @Override
        public ModelInfo info() {
            return new ModelInfo("column:" + column, "predictions", null);
        }

        @Override
        public String toString() {
            return "Model[predictions column " + column + "]";
        }
    }

    /**
     * The info of a model as evaluated on {@code data}: fills the fingerprint of a predictions-column model from the
     * column's values.
     */
    static ModelInfo infoOn(Model model, Dataset data) {
        ModelInfo info = model.info();
        if (model instanceof PredictionsColumnModel && data.hasColumn(((PredictionsColumnModel) model).column)) {
            Column c = data.column(((PredictionsColumnModel) model).column);
            StringBuilder sb = new StringBuilder(c.size() * 4);
            for (int i = 0; i < c.size(); i++) {
                String s = c.stringValue(i);
                sb.append(s == null ? "\u0000" : s).append('\n');
            }
            return new ModelInfo(info.id(), info.kind(), Fingerprints.ofText(sb.toString()));
        }
        return info;
    }

    /**
     * A model behind an HTTP endpoint: returns a builder to choose the protocol and the calling options
     * ({@code model: http:} in a scenario). {@code assay.model.url}, when set, replaces {@code url}.
     *
     * <pre>{@code
     * Model m = Models.http(URI.create("http://localhost:8080")).protocol("open-inference").modelName("credit").build();
     * }</pre>
     */
    public static dev.assay.core.models.HttpModel.Builder http(java.net.URI url) {
        return dev.assay.core.models.HttpModel.builder(url);
    }

    /**
     * A model in an ONNX file, run with ONNX Runtime (an optional dependency: add
     * {@code com.microsoft.onnxruntime:onnxruntime} to the test class path). Input names and shapes are read from the
     * model, columns are mapped by name; the fingerprint is the SHA-256 of the file.
     */
    public static dev.assay.core.models.OnnxModel onnx(Path file) {
        return dev.assay.core.models.OnnxModel.builder(file).build();
    }
}
