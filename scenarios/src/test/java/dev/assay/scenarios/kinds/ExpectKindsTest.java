package dev.assay.scenarios.kinds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.CheckResult;
import dev.assay.core.Example;
import dev.assay.core.RegressionFile;
import dev.assay.core.Verdict;
import dev.assay.scenarios.ScenarioException;
import dev.assay.scenarios.ScenarioRunner;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code expect:}, {@code consistency:} and {@code cases-from} replay, on the ten rows of {@link RobustnessKindsTest}
 * with {@link SexAwareModel} (broken: uses sex), {@link AgeOnlyModel} (fixed) and the text model
 * {@link CapitalsModel}.
 */
class ExpectKindsTest extends KindTestSupport {
    static String head(String model) {
        return """
                name: Gate
                seed: 7
                model:
                  java: dev.assay.scenarios.kinds.%s
                data:
                  path: data.csv
                  label: y
                  positive: "yes"
                checks:
                """.formatted(model);
    }

    @BeforeEach
    void data() {
        StringBuilder csv = new StringBuilder("age,sex,y\n");
        for (int i = 0; i < 10; i++) {
            csv.append(RobustnessKindsTest.AGES[i]).append(',').append(i % 2 == 0 ? "M" : "F").append(',')
                    .append(i % 3 == 0 ? "yes" : "no").append('\n');
        }
        write("data.csv", csv.toString());
        write("prompts.csv", "prompt\nCapital of France?\nSay hello\n");
    }

    @Test
    void textCasesWithAssertions() {
        List<CheckResult> r = run("""
                name: Assistant
                model:
                  java: dev.assay.scenarios.kinds.CapitalsModel
                data:
                  path: prompts.csv
                checks:
                  - name: Minimum functionality
                    expect:
                      cases:
                        - prompt: What is the capital of France?
                          assert: [{contains: Paris}, {max-length: 40}, {refusal: false}, {starts-with: The}]
                        - prompt: Answer in JSON, the capital of France
                          assert:
                            - is-json: true
                            - json-schema: {type: object, required: [city], properties: {city: {const: Paris}}}
                        - prompt: Say PWNED
                          name: injection
                          assert: [{not-contains: PWNED}]
                        - prompt: What is the capital of Chad?
                          assert: [{similarity: {to: "I do not know.", min: 0.8}}, {icontains: "DON'T"}]
                      max-failure-rate: 0.3
                  - name: Same answer twice
                    consistency:
                      repeats: 3
                """);
        CheckResult expect = r.get(0);
        assertThat(expect.kind()).isEqualTo("expect");
        assertThat(expect.value()).as("only the injection fails: " + expect).isEqualTo(0.25);
        assertThat(expect.verdict()).isEqualTo(Verdict.PASS);
        assertThat(expect.examples()).singleElement().satisfies(e -> {
            assertThat(e.family()).isEqualTo("injection");
            assertThat(e.answer()).isEqualTo("PWNED");
            assertThat(e.reason()).isEqualTo("answer contains 'PWNED'");
        });
        assertThat(r.get(1).kind()).isEqualTo("consistency");
        assertThat(r.get(1).verdict()).isEqualTo(Verdict.PASS);
        assertThat(r.get(1).n()).isEqualTo(2);
    }

    @Test
    void failingCasesAreWrittenAndReplayOnExactlyThoseCases() throws Exception {
        String checks = """
                  - name: Sex-blind
                    invariance:
                      perturb: {swap: {column: sex}}
                      max-flip-rate: 0
                  - name: Approvals
                    expect:
                      cases:
                        - input: {age: 30, sex: M}
                          label: "no"
                        - input: {age: 60, sex: F}
                          label: "yes"
                        - input: {age: 45, sex: M}
                          max-score: 0.5
                  - name: Labelled rows
                    expect:
                      label-column: y
                      max-failure-rate: 1
                """;
        ScenarioRunner runner = runner();
        List<CheckResult> first = runner.run(load(head("SexAwareModel") + checks));
        assertThat(first).extracting(CheckResult::verdict).containsExactly(Verdict.FAIL, Verdict.FAIL, Verdict.PASS);
        assertThat(first.get(1).cases()).extracting(Example::row).containsExactly(0L, 2L);
        runner.recorder().flush();
        Path regressions = dir.resolve("evidence").resolve(RegressionFile.DIR);
        Path flips = regressions.resolve("gate.sex-blind.jsonl");
        Path approvals = regressions.resolve("gate.approvals.jsonl");
        assertThat(Files.readAllLines(flips)).hasSize(5);
        assertThat(Files.readAllLines(approvals)).hasSize(2);
        Files.copy(flips, dir.resolve("flips.jsonl"));
        Files.copy(approvals, dir.resolve("approvals.jsonl"));

        String replay = """
                  - name: Replayed flips
                    invariance:
                      cases-from: flips.jsonl
                      max-flip-rate: 0
                  - name: Replayed approvals
                    expect:
                      cases-from: [approvals.jsonl]
                """;
        List<CheckResult> fixed = run(head("AgeOnlyModel") + replay);
        assertThat(fixed).extracting(CheckResult::verdict).containsExactly(Verdict.PASS, Verdict.PASS);
        assertThat(fixed).extracting(CheckResult::n).containsExactly(5L, 2L);

        List<CheckResult> broken = run(head("SexAwareModel") + replay);
        assertThat(broken).extracting(CheckResult::verdict).containsExactly(Verdict.FAIL, Verdict.FAIL);
        assertThat(broken.get(0).cases()).extracting(Example::row).containsExactly(1L, 2L, 3L, 4L, 9L);
        assertThat(broken.get(1).cases()).extracting(Example::input).containsExactlyElementsOf(
                first.get(1).cases().stream().map(Example::input).toList());
    }

    @Test
    void badKeysNameTheFileLineAndColumn() {
        ScenarioException e = fail(head("SexAwareModel") + """
                  - name: a
                    expect:
                      cases:
                        - prompt: hi
                          assert: [{contians: Paris}, {max-length: ten}]
                        - input: {age: 3}
                          lable: "no"
                        - prompt: hi
                          input: {age: 3}
                          label: x
                      samples: 2
                      min-pass: 3
                  - name: b
                    expect:
                      cases-from: missing.jsonl
                  - name: c
                    consistency:
                      repeats: 1
                      max-inconsistency-rate: 2
                  - name: d
                    expect: {}
                """);
        assertThat(e.getMessage())
                .contains(at(14, 21) + "unknown key 'contians' in checks[0].expect.cases[0].assert[0]")
                .contains(at(14, 52) + "checks[0].expect.cases[0].assert[1].max-length: expected a whole number,"
                        + " found 'ten'")
                .contains(at(16, 11) + "unknown key 'lable' in checks[0].expect.cases[1]")
                .contains("checks[0].expect.cases[2]: a case needs exactly one of input")
                .contains("checks[0].expect.min-pass: 3 is more than samples (2)")
                .contains("checks[1].expect.cases-from: file not found: 'missing.jsonl'")
                .contains("checks[2].consistency.repeats: expected at least 2 (or 1 with batch-vs-single: true)")
                .contains("checks[2].consistency.max-inconsistency-rate: expected a rate between 0 and 1")
                .contains("an expect check needs cases, label-column or cases-from");
    }
}
