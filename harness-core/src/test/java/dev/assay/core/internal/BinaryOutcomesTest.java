package dev.assay.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.DataException;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Predictions;
import org.junit.jupiter.api.Test;

class BinaryOutcomesTest {
    @Test
    void bitVectorsForThePositiveLabel() {
        Dataset d = Datasets.inMemory("mem").categorical("y", "a", "b", "b").label("y").positive("b").load();
        BinaryOutcomes o = BinaryOutcomes.of(d, Predictions.ofLabels("b", "b", "a"), "m", null, null);
        assertThat(o.truth).containsExactly(false, true, true);
        assertThat(o.predicted).containsExactly(true, true, false);
        assertThat(o.labelColumn).isEqualTo("y");
        assertThat(o.positive).isEqualTo("b");
        assertThat(o.rows()).isEqualTo(3);
    }

    @Test
    void positiveIsInferredForZeroOneAndBooleans() {
        Dataset zeroOne = Datasets.inMemory("mem").numeric("y", 0, 1, 1).label("y").load();
        assertThat(BinaryOutcomes.of(zeroOne, Predictions.ofLabels("1", "1", "0"), "m", null, null).positive)
                .isEqualTo("1");
        Dataset bools = Datasets.inMemory("mem").categorical("y", "False", "True").label("y").load();
        assertThat(BinaryOutcomes.of(bools, Predictions.ofLabels("True", "False"), "m", null, null).positive)
                .isEqualTo("True");
    }

    @Test
    void textLabelsAreNotNormalisedAsNumbers() {
        // categorical labels "1.0"/"0.0": the positive label is matched as text
        Dataset d = Datasets.inMemory("mem").categorical("y", "1.0", "0.0").label("y").positive("1.0").load();
        assertThat(BinaryOutcomes.of(d, Predictions.ofLabels("1.0", "1.0"), "m", null, null).truth)
                .containsExactly(true, false);
        Dataset n = Datasets.inMemory("mem").numeric("y", 1, 0).label("y").positive("1.00").load();
        assertThat(BinaryOutcomes.of(n, Predictions.ofLabels("1", "0.0"), "m", null, null).predicted)
                .containsExactly(true, false);
    }

    @Test
    void wrongNumberOfPredictions() {
        Dataset d = Datasets.inMemory("mem").categorical("y", "a", "b").label("y").positive("a").load();
        assertThatThrownBy(() -> BinaryOutcomes.of(d, Predictions.ofLabels("a"), "m", null, null))
                .isInstanceOf(DataException.class).hasMessage("mem: model 'm' gave 1 predictions for 2 rows");
    }
}
