package dev.assay.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.fairness.internal.SyntheticData;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The Java port of the documented SplitMix64 generator reproduces the committed CSV row for row. */
class SyntheticDataTest {
    private static Path resource(String name) throws Exception {
        return Path.of(SyntheticDataTest.class.getResource("/fairness/" + name).toURI());
    }

    @Test
    void reproducesEveryRowOfTheCsv() throws Exception {
        List<String> lines = Files.readAllLines(resource("synthetic_100k.csv"), StandardCharsets.UTF_8);
        assertThat(lines.get(0)).isEqualTo("group,sex,y_true,y_pred");
        assertThat(lines).hasSize(100_001);
        for (int i = 0; i < 100_000; i++) {
            String expected = lines.get(i + 1);
            String actual = SyntheticData.csvLine(SyntheticData.row(42, i));
            if (!expected.equals(actual)) {
                throw new AssertionError("row " + i + " (line " + (i + 2) + "): expected <" + expected
                        + "> but generated <" + actual + ">");
            }
        }
    }

    @Test
    void matchesTheGeneratorConstantsAndFirstRowsOfTheOracle() throws Exception {
        JsonNode gen = new ObjectMapper().readTree(resource("synthetic_oracle_100k.json").toFile()).get("generator");
        assertThat(gen.get("seed").asLong()).isEqualTo(42);
        for (int j = 0; j < 8; j++) {
            assertThat(SyntheticData.GROUP_CUM[j]).isEqualTo(gen.get("group_cum").get(j).asDouble());
            assertThat(SyntheticData.BASE_RATE[j]).isEqualTo(gen.get("base_rate").get(j).asDouble());
            for (int s = 0; s < 2; s++) {
                assertThat(SyntheticData.TPR[j][s]).isEqualTo(gen.get("tpr").get(j).get(s).asDouble());
                assertThat(SyntheticData.FPR[j][s]).isEqualTo(gen.get("fpr").get(j).get(s).asDouble());
            }
        }
        assertThat(SyntheticData.P_FEMALE).isEqualTo(gen.get("p_female").asDouble());
        JsonNode head = gen.get("rows_head");
        for (int i = 0; i < head.size(); i++) {
            JsonNode r = head.get(i);
            String expected = r.get(0).asText() + "," + r.get(1).asText() + "," + r.get(2).asInt() + ","
                    + r.get(3).asInt();
            assertThat(SyntheticData.csvLine(SyntheticData.row(42, i))).as("row " + i).isEqualTo(expected);
        }
    }
}
