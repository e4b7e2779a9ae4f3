package dev.assay.core.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.assay.core.CheckResult;
import dev.assay.core.Checks;
import dev.assay.core.Column;
import dev.assay.core.Dataset;
import dev.assay.core.Datasets;
import dev.assay.core.Example;
import dev.assay.core.Model;
import dev.assay.core.Predictions;
import dev.assay.core.RunContext;
import dev.assay.core.Verdict;
import dev.assay.core.models.HttpModel;
import dev.assay.core.models.internal.ModelClient;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The consistency check against real loopback chat endpoints (deterministic and stochastic) and Java models. */
class ConsistencyCheckTest {
    static final RunContext CTX = new RunContext("consistency", 7);
    static final Dataset PROMPTS = Datasets.inMemory("prompts").categorical("prompt", "Capital of France?",
            "Capital of Italy?", "Capital of Spain?", "Capital of Peru?", "Capital of Chad?").load();

    @AfterEach
    void forgetCachedAnswers() {
        ModelClient.clearCaches();
    }

    @Test
    void aDeterministicEndpointPassesAndEveryRepeatIsARealRequest() throws Exception {
        try (ChatServer server = new ChatServer(p -> "The answer to '" + p + "' is in the atlas.");
             HttpModel model = server.model()) {
            model.predict(PROMPTS); // fills the run's cache: the repeats must not be answered from it
            int before = server.posts();
            CheckResult r = Checks.evaluate(Consistency.check().repeats(3).build(), model, PROMPTS, CTX);
            assertThat(r.verdict()).isEqualTo(Verdict.PASS);
            assertThat(r.kind()).isEqualTo("consistency");
            assertThat(r.metric()).isEqualTo("inconsistency_rate");
            assertThat(r.value()).isEqualTo(0.0);
            assertThat(r.n()).isEqualTo(5);
            assertThat(server.posts() - before).as("asks 2 and 3 of five prompts").isEqualTo(10);
        }
    }

    @Test
    void aStochasticEndpointIsCaught() throws Exception {
        Random random = new Random(42);
        try (ChatServer server = new ChatServer(p -> "Answer " + random.nextInt(1_000_000));
             HttpModel model = server.model()) {
            CheckResult r = Checks.evaluate(Consistency.check().named("stable answers").build(), model, PROMPTS, CTX);
            assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(r.value()).as("a million answers: two equal draws are next to impossible").isEqualTo(1.0);
            assertThat(r.examplesTotal()).isEqualTo(5);
            Example e = r.examples().get(0);
            assertThat(e.input()).containsEntry("prompt", "Capital of France?");
            assertThat(e.reason()).isEqualTo("ask 2 of 2 disagrees with ask 1: answers differ");
            assertThat(r.message()).startsWith("Expecting inconsistency_rate to be at most 0 (decision: point) but"
                    + " was 1 ");
        }
    }

    @Test
    void similarityToleratesSmallRewordings() throws Exception {
        Map<String, AtomicInteger> asked = new ConcurrentHashMap<>();
        // "Paris." then "Paris!": similarity 1 - 1/6 = 0.8333
        try (ChatServer server = new ChatServer(p -> asked.computeIfAbsent(p, k -> new AtomicInteger())
                .getAndIncrement() == 0 ? "Paris." : "Paris!"); HttpModel model = server.model()) {
            Dataset one = Datasets.inMemory("one").categorical("prompt", "Capital of France?").load();
            assertThat(Checks.evaluate(Consistency.check().minSimilarity(0.8).build(), model, one, CTX).verdict())
                    .isEqualTo(Verdict.PASS);
            ModelClient.clearCaches();
            asked.clear();
            CheckResult strict = Checks.evaluate(Consistency.check().minSimilarity(0.9).build(), model, one, CTX);
            assertThat(strict.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(strict.examples().get(0).reason()).endsWith("similarity 0.8333 is below 0.9");
        }
    }

    @Test
    void batchCallsAreComparedWithSingleRowCalls() {
        Dataset rows = Datasets.inMemory("rows").numeric("x", 0.1, 0.2, 0.3, 0.4).load();
        // a model whose score leaks the batch: each score is shifted by 0.01 per other row in the batch
        Model leaky = d -> {
            double[] s = new double[d.rows()];
            String[] l = new String[d.rows()];
            for (int i = 0; i < s.length; i++) {
                s[i] = d.column("x").doubleValue(i) + 0.01 * (d.rows() - 1);
                l[i] = s[i] >= 0.5 ? "yes" : "no";
            }
            return Predictions.of(Column.categorical("prediction", l), s);
        };
        CheckResult labelsOnly = Checks.evaluate(Consistency.check().repeats(1).batchVsSingle(true).build(), leaky,
                rows, CTX);
        // batch 0.13 0.23 0.33 0.43, alone 0.1 0.2 0.3 0.4: no label crosses 0.5
        assertThat(labelsOnly.verdict()).isEqualTo(Verdict.PASS);

        CheckResult scores = Checks.evaluate(Consistency.check().repeats(1).batchVsSingle(true).tolerance(0.01)
                .build(), leaky, rows, CTX);
        assertThat(scores.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(scores.value()).isEqualTo(1.0);
        assertThat(scores.examples().get(0).reason()).isEqualTo("asked alone, disagrees with the batch call: score"
                + " 0.1 differs from 0.13 by more than 0.01");
        assertThat(Checks.evaluate(Consistency.check().repeats(1).batchVsSingle(true).tolerance(0.05).build(), leaky,
                rows, CTX).verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void aSampleIsSeededAndErrorsAreErrors() {
        Model constant = d -> Predictions.ofLabels(new String[d.rows()]);
        CheckResult missing = Checks.evaluate(Consistency.check().build(), constant, PROMPTS, CTX);
        assertThat(missing.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(missing.message()).contains("gave no answer for row 0");

        Model echo = d -> {
            String[] l = new String[d.rows()];
            for (int i = 0; i < l.length; i++) {
                l[i] = d.column("prompt").stringValue(i);
            }
            return Predictions.ofLabels(l);
        };
        CheckResult a = Checks.evaluate(Consistency.check().sample(2).build(), echo, PROMPTS, CTX);
        assertThat(a.verdict()).isEqualTo(Verdict.PASS);
        assertThat(a.n()).isEqualTo(2);
        assertThat(a.ci().upper()).isCloseTo(0.657620, within(1e-5));
    }
}
