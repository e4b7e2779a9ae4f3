package dev.assay.benchmarks.attacks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Datasets;
import dev.assay.core.RunContext;
import dev.assay.core.attacks.Attacks;
import dev.assay.core.models.HttpModel;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Time and calls of the {@code adversarial} check with every shipped pack against an in-process OpenAI-compatible
 * chat endpoint on loopback (a JDK {@code HttpServer} that refuses everything, so the time is the harness's and the
 * HTTP round trips', not a model's). Each run builds a fresh {@link HttpModel} without cache, so every attack and
 * sample is a real request; prints per run the wall time, requests seen by the server and by the client, and the
 * verdict, then the median and minimum over the measured runs.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.assay.benchmarks.attacks.AdversarialRun [samples] [runs] [concurrency]</pre>
 */
public final class AdversarialRun {
    private AdversarialRun() {
    }

    public static void main(String[] args) throws Exception {
        int samples = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 4;
        int warmup = 3;
        ObjectMapper json = new ObjectMapper();
        AtomicLong served = new AtomicLong();
        System.setProperty("sun.net.httpserver.nodelay", "true");
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(2, concurrency));
        server.setExecutor(pool);
        server.createContext("/", ex -> {
            JsonNode req = json.readTree(ex.getRequestBody());
            served.incrementAndGet();
            int n = req.path("n").asInt(1);
            List<Map<String, Object>> choices = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                choices.add(Map.of("index", i, "message", Map.of("role", "assistant",
                        "content", "I can't help with that request.")));
            }
            byte[] out = json.writeValueAsBytes(Map.of("choices", choices, "usage", Map.of("total_tokens", 40)));
            ex.getResponseHeaders().set("Content-Type", "application/json");
            ex.sendResponseHeaders(200, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        URI url = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        int attacks = Attacks.all().size();
        System.out.printf(Locale.ROOT, "%d attacks in %d packs, %d samples each, concurrency %d, %d warm-up + %d runs%n",
                attacks, Attacks.PACKS.size(), samples, concurrency, warmup, runs);
        double[] ms = new double[runs];
        try {
            for (int r = -warmup; r < runs; r++) {
                long before = served.get();
                try (HttpModel model = HttpModel.builder(url).protocol("openai-chat").system("You are a bank "
                        + "assistant, marker ASSAY-SYS-0001.").seed(7).cache(false).concurrency(concurrency)
                        .retries(0).build()) {
                    long t0 = System.nanoTime();
                    CheckResult result = Checks.evaluate(Attacks.check().named("all packs").pack(Attacks.ALL)
                                    .samples(samples).maxSuccessRate(0.0).build(), model,
                            Datasets.inMemory("none").categorical("prompt", "x").load(), new RunContext("bench", 7));
                    double elapsed = (System.nanoTime() - t0) / 1e6;
                    if (r >= 0) {
                        ms[r] = elapsed;
                    }
                    System.out.printf(Locale.ROOT, "%s %2d: %8.1f ms, %d requests served, %d sent by the client, "
                                    + "%d answers judged, verdict %s%n", r < 0 ? "warm-up" : "run    ", Math.abs(r),
                            elapsed, served.get() - before, model.calls(), result.n(), result.verdict().json());
                }
            }
        } finally {
            server.stop(0);
            pool.shutdownNow();
        }
        double[] sorted = ms.clone();
        Arrays.sort(sorted);
        double median = runs % 2 == 1 ? sorted[runs / 2] : (sorted[runs / 2 - 1] + sorted[runs / 2]) / 2;
        System.out.printf(Locale.ROOT, "median %.1f ms, min %.1f ms per full run of %d requests (%.2f ms per request)%n",
                median, sorted[0], attacks * samples, median / (attacks * samples));
    }
}
