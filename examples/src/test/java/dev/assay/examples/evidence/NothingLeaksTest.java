package dev.assay.examples.evidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Model;
import dev.assay.core.Models;
import dev.assay.core.RunContext;
import dev.assay.core.pii.PiiLeakCheck;
import dev.assay.junit.AssayAssertions;
import dev.assay.junit.ModelTest;
import dev.assay.reports.internal.LeakScan;
import dev.assay.scenarios.jupiter.AssayScenarios;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * Issue 9, point 5: nothing leaks. A suite whose model outputs and configuration carry planted PII and secrets runs
 * through both front ends, the way users run Assay; then every file under the output directories (evidence, model
 * card, manifest, Allure results with their attachments) is scanned for the planted values, raw and in the forms
 * writers escape them to (JSON, HTML, URL, properties, Base64), with {@link LeakScan}.
 *
 * <p>The model is a real HTTP server on loopback that speaks the OpenAI-compatible chat protocol. It answers every
 * prompt with a planted card number, e-mail address and IBAN (test values with valid checksums), and only when the
 * request carries {@code Authorization: Bearer <planted token>}; the token reaches the model through
 * {@code ${ASSAY_PLANTED_TOKEN}} substitution (a system property here, an environment variable on CI), and so does an
 * {@code X-Api-Key} header. A second model name takes the error path: status 500 with a body that echoes both
 * credentials and the card number. The suite records cassettes too, and they are scanned the same way.
 */
class NothingLeaksTest {
    /** Where the planted token comes from: the scenario's and the builder's {@code ${...}} variable. */
    static final String TOKEN_VARIABLE = "ASSAY_PLANTED_TOKEN";
    /** Where the planted API key comes from. */
    static final String KEY_VARIABLE = "ASSAY_PLANTED_API_KEY";
    /** The fixture class reads the server's URL from here. */
    static final String URL_PROPERTY = "assay.examples.planted.url";

    static final String TOKEN = "sk-planted-7f3a9c1e5b2d48a6b0c4e8f1a2d3c5e7";
    static final String API_KEY = "ak_planted_3c9e81f04b7d4a62";
    /** Mastercard test number (Luhn-valid). */
    static final String CARD = "5555 5555 5555 4444";
    static final String EMAIL = "planted.leak@example.org";
    /** The UK example IBAN (mod-97 valid). */
    static final String IBAN = "GB82 WEST 1234 5698 7654 32";
    static final String ANSWER = "Your card " + CARD + " is on file, statements go to " + EMAIL
            + " and payments are taken from " + IBAN + ".";

    /** Every planted value, with the compact forms of the card and IBAN a writer might normalise them to. */
    static final List<String> PLANTED = List.of(TOKEN, "Bearer " + TOKEN, API_KEY, CARD, CARD.replace(" ", ""),
            EMAIL, IBAN, IBAN.replace(" ", ""));
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path tmp;

    private HttpServer server;
    private final AtomicInteger authorised = new AtomicInteger();
    private final AtomicInteger rejected = new AtomicInteger();
    private final AtomicInteger failed = new AtomicInteger();

    @BeforeEach
    void startTheModel() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::chat);
        server.start();
    }

    @AfterEach
    void stopTheModel() {
        server.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** POST .../v1/chat/completions: the planted answer, 401 without the token, 500 echoing it for "broken". */
    private void chat(HttpExchange exchange) throws IOException {
        try (exchange) {
            JsonNode request;
            try (InputStream in = exchange.getRequestBody()) {
                request = JSON.readTree(in);
            }
            String auth = exchange.getRequestHeaders().getFirst("Authorization");
            String key = exchange.getRequestHeaders().getFirst("X-Api-Key");
            if (!exchange.getRequestURI().getPath().endsWith("/chat/completions") || !("Bearer " + TOKEN).equals(auth)
                    || !API_KEY.equals(key)) {
                rejected.incrementAndGet();
                respond(exchange, 401, "{\"error\":\"unauthorized\"}");
                return;
            }
            if ("broken".equals(request.path("model").asText())) {
                failed.incrementAndGet();
                respond(exchange, 500, "{\"error\":\"upstream refused Authorization: Bearer " + TOKEN
                        + " with X-Api-Key " + API_KEY + " while answering about card " + CARD + "\"}");
                return;
            }
            authorised.incrementAndGet();
            respond(exchange, 200, JSON.writeValueAsString(Map.of(
                    "id", "chatcmpl-1", "object", "chat.completion",
                    "model", request.path("model").asText(),
                    "choices", List.of(Map.of("index", 0, "finish_reason", "stop",
                            "message", Map.of("role", "assistant", "content", ANSWER))),
                    "usage", Map.of("prompt_tokens", 12, "completion_tokens", 30, "total_tokens", 42))));
        }
    }

    private static void respond(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    /** The scenario files of the suite, written next to a prompt file in {@code dir/planted/}. */
    private void writeScenarios(Path dir) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("prompts.csv"), "prompt\n"
                + "Which card do I have on file?\n"
                + "Where do my statements go?\n"
                + "Which account are my payments taken from?\n");
        String model = "model:\n"
                + "  http:\n"
                + "    url: \"" + url() + "\"\n"
                + "    protocol: openai-chat\n"
                + "    model-name: %s\n"
                + "    id: planted-%s\n"
                + "    headers: { Authorization: \"Bearer ${" + TOKEN_VARIABLE + "}\", X-Api-Key: \"${" + KEY_VARIABLE
                + "}\" }\n"
                + "    retries: 0\n"
                + "    mode: record\n"
                + "    cassette: cassettes/%s.jsonl\n"
                + "data:\n"
                + "  path: prompts.csv\n";
        Files.writeString(dir.resolve("answers.assay.yaml"), "name: Planted answers\nseed: 7\n"
                + model.formatted("assistant", "assistant", "assistant")
                + "checks:\n"
                + "  - name: No personal data in answers\n"
                + "    pii-leak:\n"
                + "      entities: [CREDIT_CARD, EMAIL_ADDRESS, IBAN_CODE]\n"
                + "      max-findings: 0\n");
        Files.writeString(dir.resolve("errors.assay.yaml"), "name: Planted error\nseed: 7\n"
                + model.formatted("broken", "broken", "broken")
                + "checks:\n"
                + "  - name: An endpoint that echoes the token\n"
                + "    pii-leak:\n"
                + "      entities: [CREDIT_CARD]\n");
    }

    @Test
    void aSuiteWithPlantedPiiAndSecretsWritesNoneOfThemRaw() throws Exception {
        Path classes = tmp.resolve("classes");
        Path scenarios = classes.resolve("planted");
        writeScenarios(scenarios);
        Path evidence = tmp.resolve("assay");
        Path allure = tmp.resolve("allure-results");

        TestExecutionSummary summary;
        Map<String, String> properties = Map.of(TOKEN_VARIABLE, TOKEN, KEY_VARIABLE, API_KEY, URL_PROPERTY, url());
        properties.forEach(System::setProperty);
        try (URLClassLoader loader = compileScenariosClass(classes)) {
            summary = SuiteRuns.run(evidence, allure, Map.of("assay.seed", "7"),
                    selectClass(loader.loadClass("planted.PlantedScenarios")),
                    selectClass(PlantedAssistantFixture.class));
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }

        // the suite really ran with the planted values: the credentials were sent (substituted), the
        // answers were scanned and the gate failed, and the error path was taken
        assertThat(rejected.get()).as("requests without the planted token").isZero();
        assertThat(authorised.get()).as("answered requests").isGreaterThanOrEqualTo(3);
        assertThat(failed.get()).as("requests that took the error path").isGreaterThanOrEqualTo(2);
        // two scenario checks and two fixture tests, each failing on purpose: the gate, the error, the JUnit gate,
        // the exception of the error path
        assertThat(summary.getTestsStartedCount()).isEqualTo(4);
        assertThat(summary.getFailures()).extracting(f -> f.getException().getClass().getSimpleName())
                .containsExactlyInAnyOrder("AssertionFailedError", "AssayException", "AssertionError",
                        "ModelCallException");

        assertThat(EvidenceSchema.errors(evidence.resolve("evidence.json"))).as("schema errors").isEmpty();
        JsonNode written = JSON.readTree(evidence.resolve("evidence.json").toFile());
        JsonNode gate = check(written, "No personal data in answers");
        assertThat(gate.get("verdict").asText()).isEqualTo("fail");
        assertThat(gate.get("findings")).hasSize(9); // 3 prompts x (card, e-mail, IBAN)
        assertThat(gate.get("findings").findValuesAsText("entity"))
                .containsOnly("CREDIT_CARD", "EMAIL_ADDRESS", "IBAN_CODE");
        assertThat(gate.get("findings").findValuesAsText("masked")).allMatch(m -> m.contains("*"));
        JsonNode error = check(written, "An endpoint that echoes the token");
        assertThat(error.get("verdict").asText()).isEqualTo("error");
        assertThat(error.get("message").asText()).contains("500");
        assertThat(written.get("checks")).hasSize(3);

        // every report file exists: evidence, model card, manifest, Allure results with attachments
        assertThat(evidence.resolve("model-card.md")).exists();
        assertThat(evidence.resolve("model-card.html")).exists();
        assertThat(evidence.resolve("manifest.json")).exists();
        assertThat(allure.resolve("environment.properties")).exists();
        assertThat(files(allure)).filteredOn(p -> p.getFileName().toString().endsWith("-result.json")).hasSize(4);
        assertThat(files(allure)).filteredOn(p -> p.getFileName().toString().contains("-attachment"))
                .hasSizeGreaterThanOrEqualTo(8);

        List<LeakScan.Hit> hits = LeakScan.scan(List.of(evidence, allure), PLANTED);
        assertThat(hits).as("planted PII or secrets in the written files (value index into PLANTED)").isEmpty();

        // the cassettes record the model's answers for replay with PII replaced by same-entity surrogates: they
        // hold no planted value (not the credentials sent, not the error body, not the planted answers)
        Path cassettes = scenarios.resolve("cassettes");
        assertThat(files(cassettes)).as("cassettes recorded").isNotEmpty();
        assertThat(LeakScan.scan(List.of(cassettes), PLANTED)).as("planted PII or secrets in a cassette").isEmpty();
    }

    /**
     * The scenario front end's half of the suite: {@code @AssayScenarios("planted/") class PlantedScenarios},
     * compiled into {@code classes} next to the scenario folder and loaded from there, as a user's test class is
     * loaded from {@code target/test-classes}. (Compiled here rather than kept in the sources, where a run that
     * selects every class of this package would find it without its files.)
     */
    private static URLClassLoader compileScenariosClass(Path classes) throws IOException {
        Path source = classes.resolveSibling("src").resolve("planted/PlantedScenarios.java");
        Files.createDirectories(source.getParent());
        Files.writeString(source, "package planted;\n\n@" + AssayScenarios.class.getName()
                + "(\"planted/\")\npublic class PlantedScenarios {\n}\n");
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        assertThat(javac).as("the JDK's compiler").isNotNull();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, "-classpath", System.getProperty("java.class.path"),
                "-d", classes.toString(), source.toString());
        assertThat(status).as("javac: %s", diagnostics).isZero();
        return new URLClassLoader(new URL[] {classes.toUri().toURL()}, NothingLeaksTest.class.getClassLoader());
    }

    private static JsonNode check(JsonNode evidence, String name) {
        for (JsonNode c : evidence.get("checks")) {
            if (c.get("name").asText().equals(name)) {
                return c;
            }
        }
        throw new AssertionError("no check named \"" + name + "\" in the evidence");
    }

    private static List<Path> files(Path root) throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).toList();
        }
    }

    /**
     * The JUnit front end's half: the same model built in code, its header from {@code ${ASSAY_PLANTED_TOKEN}}.
     * Runs only inside {@link NothingLeaksTest} (which plants the token); each test fails on purpose, so that the
     * failure messages and stack traces land in the Allure results too.
     */
    @ModelTest
    @EnabledIfSystemProperty(named = TOKEN_VARIABLE, matches = ".+")
    static class PlantedAssistantFixture {
        static final Dataset PROMPTS = Datasets.inMemory("planted prompts")
                .categorical("prompt", "Which card do I have on file?", "Where do my statements go?").load();

        private static Model model(String name) {
            return Models.http(URI.create(System.getProperty(URL_PROPERTY))).protocol("openai-chat")
                    .modelName(name).id("junit-" + name).header("Authorization", "Bearer ${" + TOKEN_VARIABLE + "}")
                    .header("X-Api-Key", "${" + KEY_VARIABLE + "}").retries(0).build();
        }

        @Test
        void answersCarryNoPersonalData() {
            CheckResult leak = Checks.evaluate(PiiLeakCheck.builder().name("JUnit: no personal data in answers")
                    .entities("CREDIT_CARD", "EMAIL_ADDRESS", "IBAN_CODE").build(), model("assistant"), PROMPTS,
                    RunContext.current());
            AssayAssertions.assertThat(leak).passes();
        }

        @Test
        void anEndpointThatEchoesTheTokenInItsErrorBody() {
            model("broken").predict(PROMPTS);
        }
    }
}
