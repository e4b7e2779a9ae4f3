package dev.assay.scenarios.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.assay.core.CheckResult;
import dev.assay.core.Verdict;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code model: http:} against a real server on loopback: the {@code json} protocol with a request template and a
 * JSON Pointer, a bearer token from a variable, {@code assay.model.url} and record/replay cassettes.
 */
class HttpModelBlockTest extends KindTestSupport {
    static final String SECRET = "s3cr3t-t0ken-9f2c";
    HttpServer server;
    final AtomicInteger calls = new AtomicInteger();

    @BeforeEach
    void start() throws IOException {
        // predicts >50K when age >= 40; answers 401 without the bearer token
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/score", ex -> {
            calls.incrementAndGet();
            String body = new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] out;
            int status;
            if (!("Bearer " + SECRET).equals(ex.getRequestHeaders().getFirst("Authorization"))) {
                status = 401;
                out = "{\"error\": \"unauthorized\"}".getBytes(StandardCharsets.UTF_8);
            } else {
                Matcher m = Pattern.compile("\"age\"\\s*:\\s*([0-9.]+)").matcher(body);
                status = m.find() ? 200 : 400;
                double age = status == 200 ? Double.parseDouble(m.group(1)) : 0;
                out = ("{\"result\": {\"label\": \"" + (age >= 40 ? ">50K" : "<=50K") + "\"}}")
                        .getBytes(StandardCharsets.UTF_8);
            }
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(status, out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
        // ages 25, 52, 47, 33; income >50K for 52 only: the server is right on 3 of 4 rows
        // y_pred: a candidate that is right on every row
        write("people.csv", "age,sex,income,y_pred\n25,F,<=50K,<=50K\n52,M,>50K,>50K\n47,F,<=50K,<=50K\n"
                + "33,M,<=50K,<=50K\n");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/score";
    }

    static String scenario(String url, String extra) {
        return """
                model:
                  http:
                    url: "%s"
                    protocol: json
                    request-template: '{"age": "{{age}}"}'
                    label-pointer: /result/label
                    headers: {Authorization: "Bearer ${TOKEN}"}
                    retries: 0
                    timeout: 5s
                %sdata:
                  path: people.csv
                  label: income
                  positive: ">50K"
                checks:
                  - name: accuracy
                    performance: {min: 0.7, min-group-size: 1}
                """.formatted(url, extra);
    }

    @Test
    void callsTheEndpointWithTheTokenFromAVariable() {
        CheckResult r = runner().run(load(scenario(url(), ""), Map.of("TOKEN", SECRET))).get(0);
        assertThat(r.verdict()).as(r.toString()).isEqualTo(Verdict.PASS);
        assertThat(r.value()).isEqualTo(0.75);
        assertThat(r.model().kind()).isEqualTo("http");
        assertThat(calls.get()).isEqualTo(4);
    }

    @Test
    void aWrongTokenIsAnErrorThatNeverShowsTheToken() {
        CheckResult r = runner().run(load(scenario(url(), ""), Map.of("TOKEN", SECRET + "-old"))).get(0);
        assertThat(r.verdict()).as(r.toString()).isEqualTo(Verdict.ERROR);
        assertThat(r.toString()).doesNotContain(SECRET);
        assertThat(r.message()).doesNotContain(SECRET);
    }

    @Test
    void assayModelUrlPointsTheScenarioAtTheCandidate() {
        CheckResult r = runner(Map.of("assay.model.url", url()))
                .run(load(scenario("http://127.0.0.1:9/nowhere", ""), Map.of("TOKEN", SECRET))).get(0);
        assertThat(r.verdict()).as(r.toString()).isEqualTo(Verdict.PASS);
        assertThat(calls.get()).isEqualTo(4);
    }

    @Test
    void anHttpBaselineIgnoresAssayModelUrlWhichPointsTheCandidate() {
        CheckResult r = runner(Map.of("assay.model.url", "http://127.0.0.1:9/nowhere")).run(load("""
                model:
                  predictions: {column: y_pred}
                data:
                  path: people.csv
                  label: income
                  positive: ">50K"
                checks:
                  - name: not worse than the served model
                    compare:
                      baseline:
                        http:
                          url: "%s"
                          protocol: json
                          request-template: '{"age": "{{age}}"}'
                          label-pointer: /result/label
                          headers: {Authorization: "Bearer ${TOKEN}"}
                      decision: point
                      bootstrap: 200
                """.formatted(url()), Map.of("TOKEN", SECRET))).get(0);
        assertThat(r.verdict()).as(r.toString()).isEqualTo(Verdict.PASS);
        assertThat(r.value()).isEqualTo(1.0 - 0.75);
        assertThat(calls.get()).isEqualTo(4);
    }

    @Test
    void recordThenReplayWithoutTheServer() {
        String cassette = "    cassette: cassettes/people.jsonl\n";
        List<CheckResult> recorded = runner(Map.of("assay.model.mode", "record"))
                .run(load(scenario(url(), cassette), Map.of("TOKEN", SECRET)));
        assertThat(recorded.get(0).verdict()).isEqualTo(Verdict.PASS);
        assertThat(dir.resolve("cassettes/people.jsonl")).exists();
        assertThat(dir.resolve("cassettes/people.jsonl")).content().doesNotContain(SECRET);
        server.stop(0);
        int before = calls.get();
        List<CheckResult> replayed = runner(Map.of("assay.model.mode", "replay"))
                .run(load(scenario(url(), cassette), Map.of("TOKEN", SECRET)));
        assertThat(replayed.get(0).verdict()).as(replayed.get(0).toString()).isEqualTo(Verdict.PASS);
        assertThat(replayed.get(0).value()).isEqualTo(0.75);
        assertThat(calls.get()).isEqualTo(before);
    }

    @Test
    void loadErrorsNameTheKeyAndNeverEchoAHeaderValue() {
        var e = fail("""
                model:
                  http:
                    url: "ftp://bob:${TOKEN}@example.org/x?key=${TOKEN}"
                    protocol: open-inferense
                    timeout: 5 seconds
                    batch-size: 0
                    headers: {Authorization: ["Bearer ${TOKEN}"], "X Bad": "${TOKEN}"}
                    input-layout: rows
                    concurency: 2
                data:
                  path: people.csv
                  label: income
                checks:
                  - name: accuracy
                    performance: {min: 0.7}
                """, Map.of("TOKEN", SECRET));
        assertThat(e.getMessage()).doesNotContain(SECRET);
        assertThat(e.problems()).extracting(Object::toString).containsExactly(
                at(9, 5) + "unknown key 'concurency' in model.http; did you mean 'concurrency'? (known keys: "
                        + String.join(", ", dev.assay.scenarios.internal.ModelBlocks.HTTP_KEYS) + ")",
                at(3, 10) + "model.http.url: expected an http:// or https:// URL with a host, found"
                        + " 'ftp://***@example.org/x?***'",
                at(4, 15) + "model.http.protocol: unknown value 'open-inferense'; did you mean 'open-inference'?"
                        + " (expected one of open-inference, torchserve, mlflow, bentoml, tf-serving, openai-chat,"
                        + " json)",
                at(8, 19) + "model.http.input-layout: unknown value 'rows' (expected one of columns, matrix)",
                at(7, 30) + "model.http.headers.Authorization: expected a text value (not shown: header values are"
                        + " secrets), found a list",
                at(7, 51) + "model.http.headers: 'X Bad' is not a valid header name",
                at(6, 17) + "model.http.batch-size: expected a whole number of at least 1, found 0",
                at(5, 14) + "model.http.timeout: expected a duration such as 5s, 200ms, 1m or 1h, found a string"
                        + " ('5 seconds')");
    }

    @Test
    void onnxBlockChecksItsFileAndColumns() {
        write("models/credit.onnx", "not really onnx");
        var s = load("""
                model:
                  onnx: {path: models/credit.onnx, features: [age], class-labels: ["<=50K", ">50K"]}
                data:
                  path: people.csv
                  label: income
                  positive: ">50K"
                checks:
                  - name: accuracy
                    performance: {min: 0.7, min-group-size: 1}
                """);
        assertThat(s.modelKind()).isEqualTo("onnx");
        // not a valid model: an error, never a pass
        CheckResult r = runner().run(s).get(0);
        assertThat(r.verdict()).as(r.toString()).isEqualTo(Verdict.ERROR);
        var e = fail("""
                model:
                  onnx: {path: models/nope.onnx, features: [agee], batch_size: 8}
                data:
                  path: people.csv
                  label: income
                checks:
                  - name: accuracy
                    performance: {min: 0.7}
                """);
        assertThat(e.problems()).extracting(Object::toString).containsExactly(
                at(2, 52) + "unknown key 'batch_size' in model.onnx; did you mean 'batch-size'? (known keys: "
                        + String.join(", ", dev.assay.scenarios.internal.ModelBlocks.ONNX_KEYS) + ")",
                at(2, 16) + "model.onnx.path: file not found: 'models/nope.onnx' (looked for "
                        + dir.resolve("models/nope.onnx") + ")",
                at(2, 45) + "model.onnx.features: unknown feature column 'agee' in people.csv; did you mean 'age'?"
                        + " (columns: age, sex, income, y_pred)");
    }
}
