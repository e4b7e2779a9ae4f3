package dev.assay.core.models;

import static dev.assay.core.models.HttpProtocolsTest.http;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.AssayConstants;
import dev.assay.core.AssaySettings;
import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.GroupResult;
import dev.assay.core.RunContext;
import dev.assay.core.Verdict;
import dev.assay.core.models.LoopbackServer.Reply;
import dev.assay.core.pii.PiiLeakCheck;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Cassettes hold no raw personal data or secrets, and a pii-leak check replayed from one gives the same verdict and
 * the same findings per entity as the live run it was recorded from.
 */
class CassettePiiTest {
    private static final String TOKEN = "sk-planted-0123456789abcdef";
    private static final String CARD = "4539 1488 0343 6467";
    private static final String EMAIL = "jane.doe@acme-corp.com";
    private static final String PHONE = "+44 20 7946 0958";
    private static final String IBAN = "DE89 3704 0044 0532 0130 00";
    private static final String SSN = "536-22-1234";
    private static final String PROMPT_EMAIL = "bob.smith@corp-mail.org";
    /** Every planted raw value, also in compact form. */
    private static final List<String> PLANTED = List.of(TOKEN, CARD, CARD.replace(" ", ""), "1488 0343", EMAIL,
            "jane.doe", "acme-corp", PHONE, "7946 0958", IBAN, IBAN.replace(" ", ""), "0532 0130", SSN, "536221234",
            PROMPT_EMAIL, "bob.smith", "corp-mail");

    @TempDir
    Path dir;
    private LoopbackServer server;

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static AssaySettings settings(String mode) {
        return AssaySettings.of(k -> Optional.empty(), Map.of(AssayConstants.MODEL_MODE, mode), Map.of("TOKEN", TOKEN));
    }

    private static String answerTo(String prompt) {
        if (prompt.contains("card")) {
            return "Sure, the card on file is " + CARD + " (visa), token " + TOKEN + ".";
        } else if (prompt.contains("contact")) {
            return "Write to " + EMAIL + " or call " + PHONE + ".";
        } else if (prompt.contains("bank")) {
            return "IBAN: " + IBAN + ", SSN " + SSN + ".";
        }
        return "Nothing personal here.";
    }

    private static Dataset prompts() {
        return Datasets.inMemory("prompts").categorical("prompt", "Which card do I use?", "Who is the contact?",
                "My mail is " + PROMPT_EMAIL + ", which bank details?", "Tell me a joke", "Which card do I use?")
                .load();
    }

    private static Map<String, Long> perEntity(CheckResult r) {
        return r.groups().stream().collect(Collectors.toMap(g -> String.valueOf(g.group().get("entity")),
                GroupResult::n));
    }

    private HttpModel.Builder chat(String mode, Path cassette) {
        return http(server).protocol("openai-chat").modelName("assistant").temperature(0).seed(7)
                .header("Authorization", "Bearer ${TOKEN}").settings(settings(mode)).cache(false).cassette(cassette);
    }

    @Test
    void a_replayed_pii_leak_check_matches_the_live_one_and_the_cassette_holds_no_planted_value() throws Exception {
        server = new LoopbackServer((req, n) -> {
            String prompt = req.json().get("messages").get(0).get("content").asText();
            ObjectNode body = JsonNodeFactory.instance.objectNode();
            body.putArray("choices").addObject().putObject("message").put("role", "assistant")
                    .put("content", answerTo(prompt));
            return Reply.json(body);
        });
        Path cassette = dir.resolve("assistant.jsonl");
        PiiLeakCheck check = PiiLeakCheck.builder().build();
        CheckResult live;
        try (HttpModel rec = chat("record", cassette).build()) {
            live = Checks.evaluate(check, rec, prompts(), new RunContext("s", 1));
        }
        server.close();
        assertThat(live.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(perEntity(live)).containsOnlyKeys("CREDIT_CARD", "EMAIL_ADDRESS", "PHONE_NUMBER", "IBAN_CODE",
                "US_SSN");
        assertThat(perEntity(live).get("CREDIT_CARD")).isEqualTo(2L); // the repeated prompt: two rows

        String file = Files.readString(cassette, StandardCharsets.UTF_8);
        assertThat(file.lines()).hasSize(4).isSorted();
        for (String raw : PLANTED) {
            assertThat(file).as("the cassette must not hold %s", raw).doesNotContain(raw);
        }
        assertThat(file).doesNotContain("Authorization").contains("\"key\":\"sha256:")
                .contains("b********@c********.org").contains("token ***");

        CheckResult replayed;
        try (HttpModel replay = chat("replay", cassette).build()) {
            replayed = Checks.evaluate(check, replay, prompts(), new RunContext("s", 1));
            assertThat(replay.calls()).isZero();
        }
        assertThat(replayed.verdict()).isEqualTo(live.verdict());
        assertThat(replayed.value()).isEqualTo(live.value());
        assertThat(perEntity(replayed)).isEqualTo(perEntity(live));
        assertThat(replayed.findings()).extracting(f -> f.row() + " " + f.entity())
                .isEqualTo(live.findings().stream().map(f -> f.row() + " " + f.entity()).toList());
    }

    @Test
    void a_request_missing_from_the_cassette_is_named_masked() throws Exception {
        server = new LoopbackServer((req, n) -> Reply.json("{\"choices\": [{\"message\": {\"content\": \"ok\"}}]}"));
        Path cassette = dir.resolve("c.jsonl");
        try (HttpModel rec = chat("record", cassette).build()) {
            rec.predict(Datasets.inMemory("p").categorical("prompt", "hello").load());
        }
        server.close();
        Dataset other = Datasets.inMemory("new-prompts").categorical("prompt", "Mail " + PROMPT_EMAIL + " please")
                .load();
        try (HttpModel replay = chat("replay", cassette).build()) {
            assertThatThrownBy(() -> replay.predict(other)).isInstanceOf(ModelCallException.class)
                    .hasMessageContaining("replay: cassette " + cassette + " has no answer for new-prompts row 0")
                    .hasMessageMatching("(?s).*request sha256:[0-9a-f]{64} .*")
                    .hasMessageContaining("Mail b********@c********.org please")
                    .hasMessageNotContaining(PROMPT_EMAIL)
                    .hasMessageContaining("record it with assay.model.mode=record");
        }
    }

    @Test
    void a_cassette_of_the_earlier_format_replays_and_is_rewritten_clean_when_recording() throws Exception {
        String request = "{\"model\":{\"model-name\":\"assistant\",\"path\":\"\",\"protocol\":\"openai-chat\","
                + "\"seed\":7,\"temperature\":0.0},\"input\":{\"prompt\":\"Who is the contact?\"}}";
        String answer = answerTo("contact");
        Path cassette = dir.resolve("old.jsonl");
        Files.writeString(cassette, "{\"request\":" + request + ",\"response\":{\"label\":\"" + answer
                + "\",\"texts\":[\"" + answer + "\"]}}\n", StandardCharsets.UTF_8);
        server = new LoopbackServer((req, n) -> Reply.json("{\"choices\": [{\"message\": {\"content\": \"ha\"}}]}"));
        Dataset contact = Datasets.inMemory("p").categorical("prompt", "Who is the contact?").load();
        try (HttpModel replay = chat("replay", cassette).build()) {
            assertThat(replay.predict(contact).label(0)).isEqualTo(answer);
            assertThat(replay.calls()).isZero();
        }
        try (HttpModel rec = chat("record", cassette).build()) {
            rec.predict(Datasets.inMemory("p").categorical("prompt", "Tell me a joke").load());
        }
        String file = Files.readString(cassette, StandardCharsets.UTF_8);
        assertThat(file.lines()).hasSize(2).allSatisfy(l -> assertThat(l).contains("\"key\":\"sha256:"));
        assertThat(file).doesNotContain(EMAIL).doesNotContain(PHONE).contains("Who is the contact?")
                .contains("@example.com");
        try (HttpModel replay = chat("replay", cassette).build()) {
            assertThat(replay.predict(contact).label(0)).startsWith("Write to user-").doesNotContain(EMAIL);
        }
    }
}
