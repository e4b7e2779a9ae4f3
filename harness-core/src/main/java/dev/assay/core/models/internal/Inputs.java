package dev.assay.core.models.internal;

import com.fasterxml.jackson.core.io.JsonStringEncoder;
import dev.assay.core.AssayException;
import dev.assay.core.Column;
import dev.assay.core.Dataset;
import java.util.ArrayList;
import java.util.List;

/** The feature values of a dataset's rows as sent to a model: {@code Double} for numbers, {@code String} for text. */
public final class Inputs {
    private final Dataset data;
    private final List<String> features;
    private final Column[] columns;
    /** Per feature: {@code "name":} (with a leading comma after the first), quoted once. */
    private final String[] keys;
    /** Per categorical feature: each dictionary value as a JSON string, quoted once; {@code null} for numbers. */
    private final String[][] quoted;

    public Inputs(Dataset data, HttpConfig config) {
        this.data = data;
        List<String> f;
        if (config.isText() && config.features == null) {
            f = new ArrayList<>(data.columnNames());
            f.removeIf(n -> n.equals(data.label().orElse(null)));
        } else if (config.features != null) {
            f = new ArrayList<>(config.features);
        } else {
            f = new ArrayList<>(data.columnNames());
            f.removeIf(n -> n.equals(data.label().orElse(null)));
        }
        f.removeAll(config.exclude);
        if (f.isEmpty()) {
            throw new AssayException(data.source() + ": no feature columns left to send to the model (columns "
                    + data.columnNames() + ", label " + data.label().orElse("none") + ", excluded " + config.exclude + ")");
        }
        this.features = List.copyOf(f);
        this.columns = new Column[f.size()];
        this.keys = new String[columns.length];
        this.quoted = new String[columns.length][];
        for (int i = 0; i < columns.length; i++) {
            columns[i] = data.column(f.get(i));
            StringBuilder k = new StringBuilder(i > 0 ? "," : "");
            appendString(k, f.get(i));
            keys[i] = k.append(':').toString();
            if (!columns[i].isNumeric()) {
                List<String> dict = columns[i].dictionary();
                quoted[i] = new String[dict.size()];
                for (int d = 0; d < dict.size(); d++) {
                    StringBuilder q = new StringBuilder(dict.get(d).length() + 2);
                    appendString(q, dict.get(d));
                    quoted[i][d] = q.toString();
                }
            }
        }
    }

    public Dataset data() {
        return data;
    }

    public List<String> features() {
        return features;
    }

    public int rows() {
        return data.rows();
    }

    public Column column(int feature) {
        return columns[feature];
    }

    public int indexOf(String feature) {
        return features.indexOf(feature);
    }

    /** The value of a feature: a {@code Double}, a {@code String} or {@code null} when missing. */
    public Object value(int row, int feature) {
        Column c = columns[feature];
        if (c.isMissing(row)) {
            return null;
        }
        return c.isNumeric() ? (Object) c.doubleValue(row) : c.stringValue(row);
    }

    /** The canonical JSON object of a row's features, in feature order: {@code {"age":39,"sex":"Male"}}. */
    public String canonical(int row) {
        StringBuilder sb = new StringBuilder(16 * columns.length + 2);
        appendCanonical(sb, row);
        return sb.toString();
    }

    /** Appends the canonical JSON object of a row's features. */
    public void appendCanonical(StringBuilder sb, int row) {
        sb.append('{');
        for (int f = 0; f < columns.length; f++) {
            sb.append(keys[f]);
            Column c = columns[f];
            if (quoted[f] != null) {
                int code = c.code(row);
                sb.append(code < 0 ? "null" : quoted[f][code]);
            } else {
                double v = c.doubleValue(row);
                if (Double.isNaN(v)) {
                    sb.append("null");
                } else if (v == Math.rint(v) && Math.abs(v) < 1e15) {
                    sb.append((long) v);
                } else {
                    sb.append(v);
                }
            }
        }
        sb.append('}');
    }

    static void appendValue(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Double) {
            sb.append(Column.formatNumber((Double) v));
        } else {
            appendString(sb, v.toString());
        }
    }

    static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        JsonStringEncoder.getInstance().quoteAsString(s, sb);
        sb.append('"');
    }
}
