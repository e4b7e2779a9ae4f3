package dev.assay.core.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.Column;
import dev.assay.core.DataException;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Perturbations on small hand-made tables; expected values worked out by hand. */
class PerturbationsTest {
    private final Dataset data = Datasets.inMemory("people")
            .numeric("age", 10, 20, Double.NaN, 44)
            .categorical("sex", "M", "F", null, "M")
            .categorical("colour", "red", "green", "blue", "red")
            .categorical("y", "1", "0", "1", "0")
            .label("y").positive("1").sensitive("sex")
            .load();

    @Test
    void swapGivesEveryRowTheOtherOfTwoValuesAndSharesTheOtherColumns() {
        Dataset p = Perturbations.swap("sex").apply(data, 7);

        assertThat(values(p.column("sex"))).containsExactly("F", "M", null, "F");
        assertThat(p.column("age")).isSameAs(data.column("age"));
        assertThat(p.column("colour")).isSameAs(data.column("colour"));
        assertThat(p.columnNames()).isEqualTo(data.columnNames());
        assertThat(p.label()).contains("y");
        assertThat(p.positive()).contains("1");
        assertThat(p.sensitive()).containsExactly("sex");
        assertThat(p.source()).isEqualTo("people (swap sex)");
        assertThat(values(data.column("sex"))).as("the original is unchanged").containsExactly("M", "F", null, "M");
    }

    @Test
    void swapOfManyValuesAlwaysPicksAnotherValueReproducibly() {
        String[] colours = new String[1000];
        for (int i = 0; i < colours.length; i++) {
            colours[i] = i % 3 == 0 ? "red" : i % 3 == 1 ? "green" : "blue";
        }
        Dataset d = Datasets.inMemory("c").categorical("colour", colours).load();
        Dataset a = Perturbations.swap("colour").apply(d, 1);
        Dataset b = Perturbations.swap("colour").apply(d, 1);
        Dataset c = Perturbations.swap("colour").apply(d, 2);
        int[] counts = new int[3];
        for (int i = 0; i < colours.length; i++) {
            String v = a.column("colour").stringValue(i);
            assertThat(v).as("row " + i).isNotEqualTo(colours[i]).isIn("red", "green", "blue");
            counts[a.column("colour").code(i)]++;
        }
        assertThat(a.column("colour")).isEqualTo(b.column("colour"));
        assertThat(a.column("colour")).isNotEqualTo(c.column("colour"));
        // each value is drawn for about half of the two thirds of rows that do not have it: ~333 each
        for (int k : counts) {
            assertThat(k).isBetween(250, 420);
        }
    }

    @Test
    void relativeChangeMultipliesAndRespectsIntegerAndRangeConstraints() {
        Dataset p = Perturbations.relative("age", 0.10).apply(data, 7);
        assertThat(p.column("age").toDoubleArray()).containsExactly(new double[] {11, 22, Double.NaN, 48.4},
                within(1e-12));

        Dataset q = Perturbations.relative("age", 0.10)
                .apply(data, 7, Constraints.none().integer("age").range("age", 0, 45));
        assertThat(q.column("age").toDoubleArray()).containsExactly(11, 22, Double.NaN, 45);

        assertThat(Perturbations.relative("age", -0.5).describe()).isEqualTo("relative age -50%");
    }

    @Test
    void roundingGoesToTheNearestMultipleOfTheStep() {
        Dataset d = Datasets.inMemory("r").numeric("x", 12, 13, 17.5, -2.4).load();
        Dataset p = Perturbations.round("x", 5).apply(d, 7);
        // 12/5 = 2.4 -> 2; 13/5 = 2.6 -> 3; 17.5/5 = 3.5 -> 4 (ties to even); -2.4/5 = -0.48 -> -0
        assertThat(p.column("x").toDoubleArray()).containsExactly(new double[] {10, 15, 20, 0}, within(0.0));
    }

    @Test
    void noiseIsScaledByTheColumnsStandardDeviation() {
        double[] x = new double[20000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i % 5; // 0..4: sample standard deviation about sqrt(2) (population variance 2)
        }
        double sd = Math.sqrt(2.0 * x.length / (x.length - 1));
        Dataset d = Datasets.inMemory("n").numeric("x", x).load();
        Dataset p = Perturbations.noise("x", 0.5).apply(d, 3);
        double sum = 0;
        double sumSq = 0;
        for (int i = 0; i < x.length; i++) {
            double delta = p.column("x").doubleValue(i) - x[i];
            sum += delta;
            sumSq += delta * delta;
        }
        double mean = sum / x.length;
        double noiseSd = Math.sqrt(sumSq / x.length - mean * mean);
        assertThat(mean).isCloseTo(0, within(0.02));
        assertThat(noiseSd).isCloseTo(0.5 * sd, within(0.5 * sd * 0.03));
        assertThat(p.column("x")).isEqualTo(Perturbations.noise("x", 0.5).apply(d, 3).column("x"));

        Dataset clamped = Perturbations.noise("x", 0.5).apply(d, 3, Constraints.none().range("x", 0, 4)
                .integer("x"));
        for (double v : clamped.column("x").toDoubleArray()) {
            assertThat(v).isBetween(0.0, 4.0).isEqualTo(Math.rint(v));
        }
        assertThat(Arrays.equals(clamped.column("x").toDoubleArray(), x)).as("something changed").isFalse();
    }

    @Test
    void missingEmptiesAllValuesOrAFractionOfThem() {
        Dataset p = Perturbations.missing("sex").apply(data, 7);
        assertThat(p.column("sex").missingCount()).isEqualTo(4);
        assertThat(Perturbations.missing("age").apply(data, 7).column("age").missingCount()).isEqualTo(4);

        Dataset big = Datasets.inMemory("b").numeric("x", new double[10000]).load();
        int missing = Perturbations.missing("x", 0.3).apply(big, 7).column("x").missingCount();
        assertThat(missing).isBetween(2800, 3200);
    }

    @Test
    void chainsApplyInOrder() {
        Perturbation p = Perturbations.relative("age", 0.10).then(Perturbations.round("age", 10))
                .then(Perturbations.swap("sex"));
        Dataset d = p.apply(data, 7);
        // 11 -> 10, 22 -> 20, 48.4 -> 50
        assertThat(d.column("age").toDoubleArray()).containsExactly(10, 20, Double.NaN, 50);
        assertThat(values(d.column("sex"))).containsExactly("F", "M", null, "F");
        assertThat(p.columns()).containsExactly("age", "sex");
        assertThat(p.describe()).isEqualTo("relative age +10%, then round age to 10, then swap sex");
        assertThat(Perturbations.chain(java.util.List.of(Perturbations.swap("sex"))).describe())
                .isEqualTo("swap sex");
    }

    @Test
    void badInputIsAnErrorNamingTheColumn() {
        assertThatThrownBy(() -> Perturbations.swap("sex").apply(data, 7, Constraints.none().immutable("sex")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'sex' is immutable (constraints) but the perturbation 'swap sex' changes it");
        assertThatThrownBy(() -> Perturbations.swap("height").apply(data, 7))
                .isInstanceOf(DataException.class).hasMessageContaining("no column 'height'");
        assertThatThrownBy(() -> Perturbations.swap("age").apply(data, 7))
                .isInstanceOf(DataException.class)
                .hasMessage("people: swap needs a categorical column, but 'age' is numeric");
        assertThatThrownBy(() -> Perturbations.noise("sex", 0.1).apply(data, 7))
                .hasMessage("people: noise needs a numeric column, but 'sex' is categorical");
        Dataset flat = Datasets.inMemory("flat").numeric("x", 3, 3, 3).categorical("c", "a", "a", "a").load();
        assertThatThrownBy(() -> Perturbations.noise("x", 0.1).apply(flat, 7))
                .hasMessageContaining("column 'x' has no spread");
        assertThatThrownBy(() -> Perturbations.swap("c").apply(flat, 7))
                .hasMessage("flat: swap needs at least two values in column 'c', found 1 ('a')");
        assertThatThrownBy(() -> Perturbations.noise("x", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Perturbations.relative("x", 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Perturbations.missing("x", 1.5)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void boundarySetsValuesToTheObservedOrConfiguredBounds() {
        // age is 10, 20, missing, 44: observed bounds 10 and 44
        assertThat(Perturbations.boundary("age", Perturbations.Side.LOW).apply(data, 7).column("age")
                .toDoubleArray()).containsExactly(10, 10, Double.NaN, 10);
        assertThat(Perturbations.boundary("age", Perturbations.Side.HIGH).apply(data, 7).column("age")
                .toDoubleArray()).containsExactly(44, 44, Double.NaN, 44);
        Constraints range = Constraints.none().range("age", 0, 100);
        assertThat(Perturbations.boundary("age", Perturbations.Side.HIGH).apply(data, 7, range).column("age")
                .toDoubleArray()).as("the range constraint's limits").containsExactly(100, 100, Double.NaN, 100);
        assertThat(Perturbations.boundary("age", Perturbations.Side.LOW, 5.5, 50).apply(data, 7,
                Constraints.none().integer("age")).column("age").toDoubleArray())
                .as("given bounds, then the integer constraint (5.5 rounds to 6)").containsExactly(6, 6, Double.NaN, 6);

        double[] x = new double[1000];
        for (int i = 0; i < x.length; i++) {
            x[i] = i;
        }
        Dataset d = Datasets.inMemory("x").numeric("x", x).load();
        double[] either = Perturbations.boundary("x", Perturbations.Side.EITHER).apply(d, 3).column("x")
                .toDoubleArray();
        long low = Arrays.stream(either).filter(v -> v == 0).count();
        long high = Arrays.stream(either).filter(v -> v == 999).count();
        assertThat(low + high).isEqualTo(1000);
        assertThat(low).isBetween(430L, 570L); // binomial(1000, 1/2): sd 16
        assertThat(either).isEqualTo(Perturbations.boundary("x", Perturbations.Side.EITHER).apply(d, 3)
                .column("x").toDoubleArray());
        assertThat(Perturbations.boundary("age", Perturbations.Side.EITHER, 1, 2).describe())
                .isEqualTo("boundary age either [1, 2]");
    }

    @Test
    void outOfRangeGoesBeyondTheBoundsByAFactorOfTheRange() {
        // observed 10..44, width 34: half of it is 17, so 10 - 17 = -7 and 44 + 17 = 61
        assertThat(Perturbations.outOfRange("age", Perturbations.Side.LOW, 0.5).apply(data, 7).column("age")
                .toDoubleArray()).containsExactly(-7, -7, Double.NaN, -7);
        assertThat(Perturbations.outOfRange("age", Perturbations.Side.HIGH, 0.5).apply(data, 7).column("age")
                .toDoubleArray()).containsExactly(61, 61, Double.NaN, 61);
        // a tenth of 34 is 3.4: 6.6 rounds down to 6 and 47.4 up to 48 in an integer column
        Dataset i = Perturbations.outOfRange("age", Perturbations.Side.EITHER, 0.1)
                .apply(data, 7, Constraints.none().integer("age"));
        for (double v : i.column("age").toDoubleArray()) {
            assertThat(v).isIn(6.0, 48.0, Double.NaN);
        }
        // given bounds [0, 100]: 0 - 200 and 100 + 200
        assertThat(Perturbations.outOfRange("age", Perturbations.Side.HIGH, 2, 0, 100).apply(data, 7)
                .column("age").toDoubleArray()).containsExactly(300, 300, Double.NaN, 300);
    }

    @Test
    void outOfRangeIsRefusedForARangeConstraintAndBothRespectImmutableColumns() {
        assertThatThrownBy(() -> Perturbations.outOfRange("age", Perturbations.Side.HIGH, 0.5)
                .apply(data, 7, Constraints.none().range("age", 17, 90)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column 'age' has a range constraint [17, 90], but the perturbation"
                        + " 'out-of-range age high x0.5' puts values outside it");
        assertThatThrownBy(() -> Perturbations.boundary("age", Perturbations.Side.LOW)
                .apply(data, 7, Constraints.none().immutable("age")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("immutable");
        assertThatThrownBy(() -> Perturbations.outOfRange("sex", Perturbations.Side.LOW, 1).apply(data, 7))
                .isInstanceOf(DataException.class)
                .hasMessage("people: out-of-range needs a numeric column, but 'sex' is categorical");
        Dataset flat = Datasets.inMemory("flat").numeric("x", 3, 3).load();
        assertThatThrownBy(() -> Perturbations.outOfRange("x", Perturbations.Side.LOW, 1).apply(flat, 7))
                .isInstanceOf(DataException.class).hasMessageContaining("column 'x'");
        assertThatThrownBy(() -> Perturbations.outOfRange("x", Perturbations.Side.LOW, 0))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Perturbations.boundary("x", Perturbations.Side.LOW, 5, 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static String[] values(Column c) {
        String[] out = new String[c.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = c.stringValue(i);
        }
        return out;
    }
}
