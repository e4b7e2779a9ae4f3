package dev.assay.benchmarks.models;

import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.internal.Json;
import dev.assay.core.models.Protocol;
import dev.assay.core.models.internal.Answer;
import dev.assay.core.models.internal.Codec;
import dev.assay.core.models.internal.HttpConfig;
import dev.assay.core.models.internal.Inputs;
import dev.assay.core.models.internal.OutputReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The CPU Assay adds to one call, without the network: encode a one-row request (6 columns, MLflow
 * dataframe_split), parse the JSON answer and map it to an answer. Compare with the round-trip time of a call.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class CallOverheadBenchmark {
    private Codec codec;
    private Inputs inputs;
    private OutputReader reader;
    private byte[] response;
    private final int[] rows = {7};

    @Setup
    public void setUp() {
        Dataset data = CacheAndReplayBenchmark.data(100);
        HttpConfig c = new HttpConfig();
        c.url = URI.create("http://127.0.0.1:8080");
        c.protocol = Protocol.MLFLOW;
        c.threshold = 0.5;
        c.classLabels = List.of("0", "1");
        codec = new Codec(c);
        inputs = new Inputs(data, c);
        reader = new OutputReader(c, data);
        response = "{\"predictions\":[0.73]}".getBytes(StandardCharsets.UTF_8);
    }

    @Benchmark
    public Answer encodeParseDecode() throws Exception {
        byte[] body = codec.encode(inputs, rows);
        if (body.length == 0) {
            throw new IllegalStateException();
        }
        return codec.decode(Json.MAPPER.readTree(response), 1, reader).get(0);
    }
}
