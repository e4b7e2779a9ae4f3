package dev.assay.core.internal;

import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Row;
import java.util.HashMap;
import java.util.Map;

/** A movable {@link Row} over a dataset; one instance serves every row. */
public final class RowCursor implements Row {
    private final Dataset data;
    private final Map<String, Column> cache = new HashMap<>();
    private int row;

    public RowCursor(Dataset data) {
        this.data = data;
    }

    public void moveTo(int row) {
        this.row = row;
    }

    @Override
    public int index() {
        return row;
    }

    private Column col(String name) {
        return cache.computeIfAbsent(name, data::column);
    }

    @Override
    public String getString(String column) {
        return col(column).stringValue(row);
    }

    @Override
    public double getDouble(String column) {
        return col(column).doubleValue(row);
    }

    @Override
    public boolean isMissing(String column) {
        return col(column).isMissing(row);
    }
}
