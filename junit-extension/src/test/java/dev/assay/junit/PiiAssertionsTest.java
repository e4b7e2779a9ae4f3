package dev.assay.junit;

import static dev.assay.core.pii.PiiEntity.CREDIT_CARD;
import static dev.assay.core.pii.PiiEntity.EMAIL_ADDRESS;
import static dev.assay.core.pii.PiiEntity.PHONE_NUMBER;
import static dev.assay.junit.AssayAssertions.assertThat;
import static dev.assay.junit.EngineRuns.check;
import static dev.assay.junit.EngineRuns.evidence;
import static dev.assay.junit.EngineRuns.failureOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.assay.core.Checks;
import dev.assay.core.Datasets;
import dev.assay.core.RunContext;
import dev.assay.core.pii.PiiFinding;
import dev.assay.core.pii.PiiLeakCheck;
import dev.assay.core.pii.PiiMasker;
import dev.assay.core.pii.PiiScanner;
import dev.assay.junit.Fixtures.TestKitOnly;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** PII assertions and the {@code PiiScanner} parameter, run through the engine; raw values never appear. */
class PiiAssertionsTest {
    static final String EMAIL = "john.doe@example.com";
    static final String CARD = "4242 4242 4242 4242";
    static final String LEAK = "Sure! Contact " + EMAIL + " and pay with card " + CARD + ".";

    @TempDir
    Path evidenceDir;

    @TestKitOnly
    @ModelTest
    static class PiiFixture {
        static PiiScanner first;

        @Test
        void cleanAnswer(PiiScanner scanner) {
            first = scanner;
            assertThat(scanner.scan("Your application was approved.")).hasNoFindings();
        }

        @Test
        void leakingAnswer(PiiScanner scanner) {
            assertThat(scanner.scan(LEAK)).hasNoFindingsOf(CREDIT_CARD, EMAIL_ADDRESS);
        }

        @Test
        void onlyOtherEntities(PiiScanner scanner) {
            assertThat(scanner.scan(LEAK)).hasNoFindingsOf(PHONE_NUMBER).hasFindingsOf(CREDIT_CARD);
        }

        @Test
        void leakCheckOverAColumn(PiiScanner scanner) {
            if (first != null) {
                assertSame(first, scanner, "one scanner per run");
            }
            var answers = Datasets.inMemory("answers").categorical("answer", "No data about that.", LEAK).load();
            var result = Checks.evaluate(PiiLeakCheck.builder().name("No PII in answers").column("answer").build(),
                    null, answers, RunContext.current());
            assertThat(result).hasNoFindingsOf(EMAIL_ADDRESS);
        }
    }

    @Test
    void findingsFailWithMaskedValuesOnly() throws IOException {
        EngineExecutionResults results = EngineRuns.run(PiiFixture.class, evidenceDir,
                Map.of(PiiMasker.SALT_KEY, "test-salt"));
        results.testEvents().assertStatistics(s -> s.started(4).succeeded(2).failed(2));
        EngineRuns.assertSucceeded(results, "cleanAnswer");
        EngineRuns.assertSucceeded(results, "onlyOtherEntities");
        String hash = PiiMasker.withSalt("test-salt").hash(EMAIL_ADDRESS, EMAIL);
        Throwable leak = failureOf(results, "leakingAnswer");
        assertThat(leak).isInstanceOf(AssertionError.class).hasMessageContainingAll(
                "Expecting the scanned text to have no PII findings of [CREDIT_CARD, EMAIL_ADDRESS], but found 2:",
                "EMAIL_ADDRESS at [14, 34) j*******@e******.com (score 1, " + hash + ")",
                "CREDIT_CARD at [53, 72) **** **** **** 4242");
        Throwable check = failureOf(results, "leakCheckOverAColumn");
        assertThat(check).hasMessageContainingAll("Expecting check <No PII in answers> to have no PII findings of"
                + " [EMAIL_ADDRESS], but found 1:", "row 1: EMAIL_ADDRESS at [14, 34) j*******@e******.com");
        for (Throwable t : List.of(leak, check)) {
            assertThat(t.getMessage()).doesNotContain(EMAIL).doesNotContain(CARD).doesNotContain("4242424242424242");
        }
        assertThat(check(evidence(evidenceDir), "No PII in answers").path("verdict").asText()).isEqualTo("fail");
        // nothing the run wrote holds a raw value
        try (Stream<Path> files = Files.walk(evidenceDir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                assertThat(Files.readString(f)).as(f.toString()).doesNotContain(EMAIL).doesNotContain(CARD);
            }
        }
    }

    @Test
    void assertionsOnFindingsOutsideTheEngine() {
        List<PiiFinding> findings = PiiScanner.defaults().scan("call +44 20 7946 0958 now");
        assertThat(findings).hasFindingsOf(PHONE_NUMBER).hasNoFindingsOf(EMAIL_ADDRESS);
        assertThatThrownBy(() -> assertThat(findings).hasNoFindings()).isInstanceOf(AssertionError.class)
                .hasMessageContaining("PHONE_NUMBER at [5, 21)").hasMessageNotContaining("7946 0958");
        assertThatThrownBy(() -> assertThat(List.<PiiFinding>of()).hasFindingsOf(EMAIL_ADDRESS))
                .hasMessageContaining("to have a PII finding of EMAIL_ADDRESS, but it has no findings");
    }
}
