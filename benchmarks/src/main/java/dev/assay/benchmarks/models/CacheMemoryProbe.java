package dev.assay.benchmarks.models;

import dev.assay.core.Dataset;
import dev.assay.core.Models;
import dev.assay.core.models.HttpModel;
import java.util.List;

/**
 * Heap per cached row beyond the payload: fills the in-memory cache with 100,000 answered rows and divides the
 * retained heap, minus the canonical request strings (the payload: the row's values as JSON), by the row count.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.assay.benchmarks.models.CacheMemoryProbe</pre>
 */
public final class CacheMemoryProbe {
    private CacheMemoryProbe() {
    }

    static long used() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 5; i++) {
            System.gc();
            Thread.sleep(100);
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    public static void main(String[] args) throws Exception {
        int rows = CacheAndReplayBenchmark.ROWS;
        Dataset data = CacheAndReplayBenchmark.data(rows);
        try (InstantServer server = new InstantServer(4);
             HttpModel warmup = Models.http(server.url()).protocol("mlflow").cache(false).threshold(0.5)
                     .classLabels(List.of("0", "1")).settings(CacheAndReplayBenchmark.mode("live")).build()) {
            warmup.predict(CacheAndReplayBenchmark.data(1000));
            long before = used();
            HttpModel m = Models.http(server.url()).protocol("mlflow").batchSize(1000).concurrency(2).threshold(0.5)
                    .classLabels(List.of("0", "1")).settings(CacheAndReplayBenchmark.mode("live")).build();
            m.predict(data);
            m.close();
            long after = used();
            // payload: the canonical request strings (compact Latin-1 strings: 1 byte per char + 24 B header + 16 B array header)
            long payload = 0;
            String prefix = "{\"model\":{\"format\":\"dataframe_split\",\"path\":\"\",\"protocol\":\"mlflow\"},\"input\":";
            for (int i = 0; i < rows; i++) {
                payload += prefix.length() + canonicalLength(data, i) + 1;
            }
            long total = after - before;
            System.out.printf("rows %d, retained heap %d B (%.0f B/row), payload (request text) %d B (%.0f B/row), "
                    + "beyond payload %.0f B/row%n", rows, total, (double) total / rows, payload,
                    (double) payload / rows, (double) (total - payload) / rows);
            System.out.println(m.predict(data).size() == rows ? "cache still holds the answers" : "?");
        }
    }

    private static int canonicalLength(Dataset data, int row) {
        StringBuilder sb = new StringBuilder("{");
        for (String c : data.columnNames()) {
            String v = data.column(c).stringValue(row);
            sb.append('"').append(c).append("\":").append(data.column(c).isNumeric() ? v : "\"" + v + "\"").append(',');
        }
        return sb.length();
    }
}
