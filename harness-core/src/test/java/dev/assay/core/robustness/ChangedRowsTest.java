package dev.assay.core.robustness;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link Perturbation#applyReporting}: the same data as {@link Perturbation#apply}, and changed rows that equal a
 * comparison of the columns made here, value by value, for every tabular perturbation (those that report their
 * changed rows themselves and those that are compared), with and without missing values.
 */
class ChangedRowsTest {
    private static final int ROWS = 2_000;

    /** Numbers with missing values, zeros, whole numbers and values at 0 and 100; categories with missing values. */
    private static Dataset data(boolean missing) {
        SplittableRandom r = new SplittableRandom(5);
        double[] x = new double[ROWS];
        double[] whole = new double[ROWS];
        String[] sex = new String[ROWS];
        String[] colour = new String[ROWS];
        String[] one = new String[ROWS];
        for (int i = 0; i < ROWS; i++) {
            x[i] = missing && i % 17 == 0 ? Double.NaN : i % 13 == 0 ? 0 : r.nextDouble() * 100;
            whole[i] = i % 11 == 0 ? 100 : i % 7 == 0 ? 0 : r.nextInt(101);
            sex[i] = missing && i % 19 == 0 ? null : r.nextBoolean() ? "M" : "F";
            colour[i] = missing && i % 23 == 0 ? null : List.of("red", "green", "blue", "grey").get(r.nextInt(4));
            one[i] = i % 2 == 0 ? "a" : "b";
        }
        return Datasets.inMemory("table" + (missing ? " with missing values" : "")).numeric("x", x)
                .numeric("whole", whole).categorical("sex", sex).categorical("colour", colour)
                .categorical("one", one).load();
    }

    private static List<Perturbation> tabular() {
        return List.of(Perturbations.swap("sex"), Perturbations.swap("colour"), Perturbations.noise("x", 0.1),
                Perturbations.relative("x", 0.1), Perturbations.round("x", 10), Perturbations.round("whole", 1),
                Perturbations.missing("x"), Perturbations.missing("colour", 0.3),
                Perturbations.boundary("whole", Perturbations.Side.HIGH),
                Perturbations.boundary("whole", Perturbations.Side.LOW, 0, 100),
                Perturbations.outOfRange("x", Perturbations.Side.LOW, 0.5),
                Perturbations.swap("sex").then(Perturbations.noise("x", 0.2)),
                Perturbations.swap("sex").then(Perturbations.swap("sex")),
                Perturbations.swap("colour").then(Perturbations.swap("one")));
    }

    @Test
    void everyTabularPerturbationReportsExactlyTheRowsWhoseValuesDiffer() {
        for (boolean missing : new boolean[] {false, true}) {
            Dataset d = data(missing);
            for (Perturbation p : tabular()) {
                String what = p.describe() + " on " + d.source();
                Perturbation.Perturbed reported = p.applyReporting(d, 42, Constraints.none());
                Dataset applied = p.apply(d, 42);

                for (String c : d.columnNames()) {
                    assertThat(reported.data().column(c)).as(what + ": column " + c + " as apply gives it")
                            .isEqualTo(applied.column(c));
                }
                boolean[] expected = diff(d, applied, p.columns());
                int count = 0;
                for (boolean b : expected) {
                    count += b ? 1 : 0;
                }
                assertThat(mismatches(reported.changed().toArray(), expected))
                        .as(what + ": rows reported otherwise than the comparison finds them").isEmpty();
                assertThat(reported.changed().count()).as(what + ": count").isEqualTo(count);
                assertThat(reported.changed().isAll()).as(what + ": all rows").isEqualTo(count == ROWS);
                for (int i = 0; i < ROWS; i++) {
                    if (reported.changed().has(i) != expected[i]) {
                        throw new AssertionError(what + ": has(" + i + ") is " + reported.changed().has(i));
                    }
                }
            }
        }
    }

    @Test
    void aSwapReportsEveryRowButTheMissingOnes() {
        Dataset d = data(true);
        Perturbation.Perturbed p = Perturbations.swap("sex").applyReporting(d, 1, Constraints.none());
        int missing = d.column("sex").missingCount();

        assertThat(missing).isPositive();
        assertThat(p.changed().count()).isEqualTo(ROWS - missing);
        assertThat(p.changed().has(0)).as("row 0 is missing").isFalse();
        assertThat(Perturbations.swap("sex").applyReporting(data(false), 1, Constraints.none()).changed().isAll())
                .isTrue();
    }

    @Test
    void theSwappedColumnHasValidCodesOfTheSameDictionary() {
        Dataset d = data(true);
        for (String c : List.of("sex", "colour")) {
            Column out = Perturbations.swap(c).applyReporting(d, 3, Constraints.none()).data().column(c);
            Column in = d.column(c);
            int[] codes = out.toCodeArray();

            assertThat(out.dictionary()).isEqualTo(in.dictionary());
            assertThat(Column.categorical(c, codes, in.dictionary())).as("the same column, checked")
                    .isEqualTo(out);
            for (int i = 0; i < ROWS; i++) {
                if (in.isMissing(i) != out.isMissing(i) || !in.isMissing(i) && in.code(i) == out.code(i)) {
                    throw new AssertionError(c + " row " + i + ": " + in.stringValue(i) + " -> "
                            + out.stringValue(i));
                }
            }
        }
    }

    /** Up to 10 rows where {@code reported} and {@code expected} differ, as "row 3: reported true". */
    private static List<String> mismatches(boolean[] reported, boolean[] expected) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < expected.length && out.size() < 10; i++) {
            if (reported[i] != expected[i]) {
                out.add("row " + i + ": reported " + reported[i]);
            }
        }
        return out;
    }

    /** The rows where one of {@code columns} differs, by value (numbers: both missing is equal). */
    private static boolean[] diff(Dataset a, Dataset b, List<String> columns) {
        boolean[] changed = new boolean[a.rows()];
        List<String> names = new ArrayList<>(columns);
        for (int i = 0; i < changed.length; i++) {
            for (String c : names) {
                Column x = a.column(c);
                Column y = b.column(c);
                boolean same = x.isNumeric() ? x.isMissing(i) && y.isMissing(i) || x.doubleValue(i) == y.doubleValue(i)
                        : Objects.equals(x.stringValue(i), y.stringValue(i));
                changed[i] |= !same;
            }
        }
        return changed;
    }
}
