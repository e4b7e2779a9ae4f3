package dev.assay.examples.credit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Predictions;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The stored predictions of the example artifact are the Java model's, row for row. */
class CreditModelArtifactTest {
    static Dataset holdout() throws URISyntaxException {
        return Datasets.csv(Path.of(CreditModelArtifactTest.class.getResource("/data/adult-holdout.csv").toURI()))
                .label("income").positive(">50K").load();
    }

    @Test
    void storedPredictionsAreTheJavaModels() throws Exception {
        Dataset data = holdout();
        Predictions predictions = new CreditModel().predict(data);
        Column stored = data.column("y_pred");
        Column storedScore = data.column("score");
        assertThat(data.rows()).isEqualTo(16281);
        int differentLabels = 0;
        double maxScoreGap = 0;
        for (int i = 0; i < data.rows(); i++) {
            if (!stored.stringValue(i).equals(predictions.label(i))) {
                differentLabels++;
            }
            maxScoreGap = Math.max(maxScoreGap, Math.abs(storedScore.doubleValue(i) - predictions.score(i)));
        }
        assertThat(differentLabels).as("rows where y_pred differs from CreditModel").isZero();
        assertThat(maxScoreGap).as("largest score difference (scores are stored with 6 decimals)").isLessThan(1e-6);
    }
}
