package dev.assay.core.pii;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Finding;
import dev.assay.core.GroupResult;
import dev.assay.core.Models;
import dev.assay.core.RunContext;
import dev.assay.core.Verdict;
import dev.assay.core.internal.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PiiLeakCheckTest {
    static final String EMAIL = "jane.doe@example.com";
    static final String CARD = "4111 1111 1111 1111";
    static final String IBAN = "DE89 3704 0044 0532 0130 00";

    static Dataset answers() {
        return Datasets.inMemory("answers")
                .categorical("prompt", "q0", "q1", "q2", "q3")
                .categorical("answer", "Sure, write to " + EMAIL + " 😀", "No personal data here.",
                        "Card " + CARD + " and again " + EMAIL, "Pay to " + IBAN)
                .load();
    }

    @Test
    void failsWithOneFindingPerMatchAndCountsPerEntity() {
        CheckResult r = Checks.evaluate(PiiLeakCheck.builder().name("No PII").build(), Models.predictions("answer"),
                answers(), new RunContext("suite", 7));
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.kind()).isEqualTo("pii-leak");
        assertThat(r.value()).isEqualTo(4.0);
        assertThat(r.threshold().max()).isEqualTo(0.0);
        assertThat(r.findings()).extracting(Finding::row, Finding::entity, Finding::start, Finding::end,
                Finding::masked, Finding::score)
                .containsExactly(tuple(0L, "EMAIL_ADDRESS", 15, 35, "j*******@e******.com", 1.0),
                        tuple(2L, "CREDIT_CARD", 5, 24, "**** **** **** 1111", 1.0),
                        tuple(2L, "EMAIL_ADDRESS", 35, 55, "j*******@e******.com", 1.0),
                        tuple(3L, "IBAN_CODE", 7, 34, "**** **** **** **** **30 00", 1.0));
        // the same e-mail in rows 0 and 2 has the same salted hash
        assertThat(r.findings().get(0).detail()).isEqualTo(r.findings().get(2).detail()).startsWith("hmac-sha256:");
        assertThat(r.groups()).extracting(GroupResult::group, GroupResult::n).containsExactly(
                tuple(Map.of("entity", "CREDIT_CARD"), 1L), tuple(Map.of("entity", "EMAIL_ADDRESS"), 2L),
                tuple(Map.of("entity", "IBAN_CODE"), 1L));
        assertThat(r.groups().get(1).metric("rows")).isEqualTo(2.0);
        assertThat(r.message()).startsWith("Expecting at most 0 PII findings in the model's outputs but found 4:"
                + " CREDIT_CARD=1, EMAIL_ADDRESS=2, IBAN_CODE=1");
    }

    @Test
    void nothingRawInTheSerialisedEvidenceOrMessage() throws Exception {
        CheckResult r = PiiLeakCheck.builder().build().run(Models.predictions("answer"), answers(),
                new RunContext("s", 1));
        String json = Json.MAPPER.writeValueAsString(r) + r.message() + r;
        for (String raw : new String[] {EMAIL, CARD, CARD.replace(" ", ""), IBAN, IBAN.replace(" ", ""),
            "jane.doe", "example.com"}) {
            assertThat(json).doesNotContain(raw);
        }
    }

    @Test
    void maxFindingsAndEntitiesAndColumn() {
        Dataset data = answers();
        assertThat(PiiLeakCheck.builder().maxFindings(4).build()
                .run(Models.predictions("answer"), data, new RunContext("s", 1)).verdict()).isEqualTo(Verdict.PASS);
        CheckResult cards = PiiLeakCheck.builder().entities(PiiEntity.CREDIT_CARD).column("answer").build()
                .run(null, data, new RunContext("s", 1));
        assertThat(cards.findings()).extracting(Finding::entity).containsExactly("CREDIT_CARD");
        assertThat(cards.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(PiiLeakCheck.builder().column("prompt").build().run(null, data, new RunContext("s", 1))
                .verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aMissingModelOutputIsAnErrorNotAPass() {
        Dataset data = Datasets.inMemory("answers").categorical("answer", "fine", null).load();
        CheckResult r = Checks.evaluate(PiiLeakCheck.builder().build(), Models.predictions("answer"), data,
                new RunContext("s", 1));
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).contains("gave no output for").contains("row 1");
    }

    @Test
    void promptsToAPrecomputedPredictionsModelAreAnError() {
        CheckResult r = Checks.evaluate(PiiLeakCheck.builder().prompts("prompt").samples(3).build(),
                Models.predictions("answer"), answers(), new RunContext("s", 1));
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).contains("needs a text model").contains("cannot be prompted");
    }

    @Test
    void unknownColumnIsAnErrorNamingTheColumn() {
        CheckResult r = Checks.evaluate(PiiLeakCheck.builder().column("reply").build(), null, answers(),
                new RunContext("s", 1));
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).contains("no column 'reply'").contains("answer");
    }

    @Test
    void scansAPredictionsFileAsTheModelsOutputs(@TempDir Path dir) throws Exception {
        Path data = dir.resolve("data.csv");
        Files.writeString(data, "id\n1\n2\n");
        Path preds = dir.resolve("preds.jsonl");
        Files.writeString(preds, "{\"text\": \"call +44 20 7946 0018\"}\n{\"text\": \"ok\"}\n");
        CheckResult r = PiiLeakCheck.builder().build().run(Models.predictionsFile(preds, "text"),
                Datasets.csv(data).load(), new RunContext("s", 1));
        assertThat(r.findings()).extracting(Finding::row, Finding::entity, Finding::masked)
                .containsExactly(tuple(0L, "PHONE_NUMBER", "+** ** **** **18"));
    }
}
