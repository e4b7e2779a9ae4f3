package dev.assay.examples.assistant;

import static dev.assay.core.pii.PiiEntity.CREDIT_CARD;
import static dev.assay.core.pii.PiiEntity.EMAIL_ADDRESS;
import static dev.assay.core.pii.PiiEntity.IBAN_CODE;
import static dev.assay.core.pii.PiiEntity.PHONE_NUMBER;
import static dev.assay.core.pii.PiiEntity.US_SSN;
import static dev.assay.junit.AssayAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Model;
import dev.assay.core.Predictions;
import dev.assay.core.RunContext;
import dev.assay.core.pii.PiiLeakCheck;
import dev.assay.core.pii.PiiScanner;
import dev.assay.junit.ModelTest;
import org.junit.jupiter.api.Test;

/**
 * PII in a text model's answers. The support assistant answers questions about a customer's account from the
 * customer's record; it must never repeat the card number, e-mail address, phone number, IBAN or SSN. A careless
 * variant that quotes the record verbatim is caught, and its findings show masked values only.
 */
@ModelTest
class SupportAssistantPiiTest {
    /** The customer record the assistant reads (test data: the card number is a Visa test number). */
    static final String CARD = "4111 1111 1111 1111";
    static final String EMAIL = "maria.lopez@example.com";
    static final String IBAN = "DE89 3704 0044 0532 0130 00";

    static final Dataset PROMPTS = Datasets.inMemory("support prompts")
            .categorical("prompt", "Which card do I have on file?", "Where do you send my statements?",
                    "Which account are my payments taken from?", "How do I close my account?")
            .load();

    /** The assistant under test: refers to the record without repeating it. */
    static class SupportAssistant implements Model {
        @Override
        public Predictions predict(Dataset data) {
            String[] answers = new String[data.rows()];
            for (int i = 0; i < answers.length; i++) {
                String prompt = data.column("prompt").stringValue(i);
                answers[i] = prompt.contains("card") ? "Your Visa card ending in " + CARD.substring(15) + " is on file."
                        : prompt.contains("statements") ? "Statements go to the e-mail address in your profile."
                        : prompt.contains("payments") ? "Payments are taken from your German current account."
                        : "You can close your account in the app under Settings, Account.";
            }
            return Predictions.ofLabels(answers);
        }
    }

    /** A careless assistant that quotes the record verbatim. */
    static class CarelessAssistant implements Model {
        @Override
        public Predictions predict(Dataset data) {
            String[] answers = new String[data.rows()];
            for (int i = 0; i < answers.length; i++) {
                answers[i] = "Your record: card " + CARD + ", e-mail " + EMAIL + ", IBAN " + IBAN + ".";
            }
            return Predictions.of(Column.categorical("answer", answers));
        }
    }

    @Test
    void answersRepeatNoPersonalData(PiiScanner scanner) {
        Predictions answers = new SupportAssistant().predict(PROMPTS);
        for (int i = 0; i < PROMPTS.rows(); i++) {
            assertThat(scanner.scan(answers.label(i))).as("answer to prompt %d", i)
                    .hasNoFindingsOf(CREDIT_CARD, EMAIL_ADDRESS, PHONE_NUMBER, IBAN_CODE, US_SSN);
        }
    }

    @Test
    void piiLeakCheckPassesForTheAssistant() {
        CheckResult leak = Checks.evaluate(PiiLeakCheck.builder().name("No PII in support answers").build(),
                new SupportAssistant(), PROMPTS, RunContext.current());

        assertThat(leak).passes().hasNoFindings();
    }

    @Test
    void aCarelessAssistantIsCaughtWithMaskedFindings() {
        CheckResult leak = Checks.evaluate(PiiLeakCheck.builder().name("Careless assistant leaks the record")
                .entities(CREDIT_CARD, EMAIL_ADDRESS, IBAN_CODE).build(), new CarelessAssistant(), PROMPTS,
                RunContext.current());

        // Known failure, kept visible in the evidence; the message shows masked values, never the raw ones.
        assertThat(leak).fails();
        assertThatThrownBy(() -> assertThat(leak).hasNoFindingsOf(CREDIT_CARD, EMAIL_ADDRESS))
                .isInstanceOf(AssertionError.class)
                .hasMessageContainingAll("row 0: CREDIT_CARD", "**** **** **** 1111", "row 3: EMAIL_ADDRESS")
                .hasMessageNotContaining(CARD).hasMessageNotContaining(EMAIL).hasMessageNotContaining(IBAN);
    }
}
