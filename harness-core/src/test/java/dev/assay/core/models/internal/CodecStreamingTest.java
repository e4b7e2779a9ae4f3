package dev.assay.core.models.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.AssayException;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.models.Protocol;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * The row-table protocols' request bodies, written by the streaming encoder, checked against hand-written JSON:
 * whole numbers as integers, fractions as doubles, 1e16 (beyond the whole-number range) as a double, a missing value
 * as null, text escaped.
 */
class CodecStreamingTest {
    private static final Dataset DATA = Datasets.inMemory("codec")
            .numeric("age", 39, 2.5, Double.NaN, 1e16)
            .categorical("sex", "Male", "F\"x", null, "é")
            .load();
    private static final int[] ALL = {0, 1, 2, 3};

    private static String encode(Protocol protocol, java.util.function.Consumer<HttpConfig> more, int... rows) {
        HttpConfig c = new HttpConfig();
        c.url = URI.create("http://127.0.0.1:1/m");
        c.protocol = protocol;
        c.modelName = "m";
        more.accept(c);
        return new String(new Codec(c).encode(new Inputs(DATA, c), rows), StandardCharsets.UTF_8);
    }

    @Test
    void mlflowFormats() {
        assertThat(encode(Protocol.MLFLOW, c -> { }, ALL)).isEqualTo("{\"dataframe_split\":{\"columns\":[\"age\","
                + "\"sex\"],\"data\":[[39,\"Male\"],[2.5,\"F\\\"x\"],[null,null],[1.0E16,\"é\"]]}}");
        assertThat(encode(Protocol.MLFLOW, c -> c.mlflowFormat = "dataframe_records", 0, 2))
                .isEqualTo("{\"dataframe_records\":[{\"age\":39,\"sex\":\"Male\"},{\"age\":null,\"sex\":null}]}");
        assertThat(encode(Protocol.MLFLOW, c -> c.mlflowFormat = "instances", 1))
                .isEqualTo("{\"instances\":[{\"age\":2.5,\"sex\":\"F\\\"x\"}]}");
        assertThat(encode(Protocol.MLFLOW, c -> c.mlflowFormat = "inputs", 0, 1))
                .isEqualTo("{\"inputs\":{\"age\":[39,2.5],\"sex\":[\"Male\",\"F\\\"x\"]}}");
        assertThatThrownBy(() -> encode(Protocol.MLFLOW, c -> c.mlflowFormat = "split", 0))
                .isInstanceOf(AssayException.class).hasMessageContaining("mlflow format 'split' is not one of");
    }

    @Test
    void torchServeBentoAndTfServing() {
        assertThat(encode(Protocol.TORCHSERVE, c -> { }, 0)).isEqualTo("{\"age\":39,\"sex\":\"Male\"}");
        assertThat(encode(Protocol.TORCHSERVE, c -> { }, 0, 3))
                .isEqualTo("[{\"age\":39,\"sex\":\"Male\"},{\"age\":1.0E16,\"sex\":\"é\"}]");
        assertThat(encode(Protocol.BENTOML, c -> { }, 1)).isEqualTo("{\"inputs\":[{\"age\":2.5,\"sex\":\"F\\\"x\"}]}");
        assertThat(encode(Protocol.BENTOML, c -> c.inputField = "rows", 0))
                .isEqualTo("{\"rows\":[{\"age\":39,\"sex\":\"Male\"}]}");
        assertThat(encode(Protocol.TF_SERVING, c -> { }, 0))
                .isEqualTo("{\"instances\":[{\"age\":39,\"sex\":\"Male\"}]}");
        assertThat(encode(Protocol.TF_SERVING, c -> {
            c.inputLayout = "matrix";
            c.features = java.util.List.of("age");
        }, 0, 1)).isEqualTo("{\"instances\":[[39.0],[2.5]]}");
        assertThatThrownBy(() -> encode(Protocol.TF_SERVING, c -> {
            c.inputLayout = "matrix";
            c.features = java.util.List.of("age");
        }, 2)).isInstanceOf(AssayException.class).hasMessageContaining("missing value in column 'age'");
    }
}
