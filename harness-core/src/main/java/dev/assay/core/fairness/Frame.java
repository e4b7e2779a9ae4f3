package dev.assay.core.fairness;

import dev.assay.core.fairness.internal.CellTable;
import dev.assay.core.fairness.internal.GroupStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The pooled statistics of every cell, every control level, the privileged and unprivileged groups and all rows,
 * recomputed from a {@link CellTable} (the observed one or a bootstrap resample of the same shape).
 */
final class Frame {
    final int cells;
    final int[] level;
    final int levels;
    final List<Map<String, String>> levelKeys;
    /** Cells that take part in aggregates (not left out as too small). */
    final boolean[] included;
    final boolean[] priv;
    final boolean[] unpriv;
    final boolean regression;
    final GroupStats[] cell;
    final GroupStats[] levelAll;
    final GroupStats total;
    final GroupStats privStats;
    final GroupStats unprivStats;
    /** ROC AUC per cell, per level, of all rows, of the privileged and unprivileged rows (when scores exist). */
    double[] aucCell;
    double[] aucLevel;
    double aucTotal = Double.NaN;
    double aucPriv = Double.NaN;
    double aucUnpriv = Double.NaN;

    Frame(CellTable t, List<Map<String, String>> cellKeys, List<String> control, boolean[] included, boolean[] priv,
          boolean[] unpriv, boolean regression) {
        this.cells = t.cells;
        this.level = new int[cells];
        Map<Map<String, String>, Integer> levelIds = new LinkedHashMap<>();
        for (int c = 0; c < cells; c++) {
            Map<String, String> key = new LinkedHashMap<>();
            for (String col : control) {
                key.put(col, cellKeys.get(c).get(col));
            }
            Integer id = levelIds.get(key);
            if (id == null) {
                id = levelIds.size();
                levelIds.put(key, id);
            }
            level[c] = id;
        }
        this.levels = levelIds.size();
        this.levelKeys = new ArrayList<>(levelIds.keySet());
        this.included = included;
        this.priv = priv;
        this.unpriv = unpriv;
        this.regression = regression;
        this.cell = new GroupStats[cells];
        for (int c = 0; c < cells; c++) {
            cell[c] = GroupStats.of(t);
        }
        this.levelAll = new GroupStats[levels];
        for (int l = 0; l < levels; l++) {
            levelAll[l] = GroupStats.of(t);
        }
        this.total = GroupStats.of(t);
        this.privStats = GroupStats.of(t);
        this.unprivStats = GroupStats.of(t);
        compute(t);
    }

    void compute(CellTable t) {
        total.clear();
        privStats.clear();
        unprivStats.clear();
        for (GroupStats g : levelAll) {
            g.clear();
        }
        for (int c = 0; c < cells; c++) {
            GroupStats g = cell[c];
            g.clear();
            g.addCell(t, c);
            levelAll[level[c]].add(g);
            total.add(g);
            if (priv != null && priv[c]) {
                privStats.add(g);
            }
            if (unpriv != null && unpriv[c]) {
                unprivStats.add(g);
            }
        }
    }

    boolean hasGroups() {
        return priv != null;
    }

    double cellValue(BaseMetric m, int c, boolean aif) {
        if (cell[c].n == 0) {
            return Double.NaN;
        }
        if (m == BaseMetric.ROC_AUC) {
            return aucCell[c];
        }
        return Formulas.value(m, cell[c], aif, regression);
    }

    double levelValue(BaseMetric m, int l) {
        if (m == BaseMetric.ROC_AUC) {
            return aucLevel[l];
        }
        return Formulas.value(m, levelAll[l], false, regression);
    }

    double totalValue(BaseMetric m) {
        if (m == BaseMetric.ROC_AUC) {
            return aucTotal;
        }
        return Formulas.value(m, total, false, regression);
    }

    double privValue(BaseMetric m) {
        if (m == BaseMetric.ROC_AUC) {
            return aucPriv;
        }
        return privStats.n == 0 ? Double.NaN : Formulas.value(m, privStats, true, regression);
    }

    double unprivValue(BaseMetric m) {
        if (m == BaseMetric.ROC_AUC) {
            return aucUnpriv;
        }
        return unprivStats.n == 0 ? Double.NaN : Formulas.value(m, unprivStats, true, regression);
    }
}
