package dev.assay.core;

import static org.assertj.core.api.Assertions.assertThat;

import dev.assay.core.internal.CheckEvents;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChecksTest {
    private static final RunContext CTX = new RunContext("Suite", 5);
    private final Dataset data = Datasets.inMemory("mem").categorical("y", "1", "0").categorical("p", "1", "0")
            .label("y").load();

    /** A check that throws what it is given. */
    private static Check throwing(Throwable t) {
        return new Check() {
            @Override
            public String kind() {
                return "test";
            }

            @Override
            public String name() {
                return "Throws";
            }

            @Override
            public CheckResult run(Model model, Dataset data, RunContext context) {
                if (t instanceof RuntimeException) {
                    throw (RuntimeException) t;
                }
                if (t instanceof Error) {
                    throw (Error) t;
                }
                return sneaky(t);
            }
        };
    }

    @SuppressWarnings("unchecked")
    private static <T extends Throwable> CheckResult sneaky(Throwable t) throws T {
        throw (T) t;
    }

    @Test
    void everyExceptionBecomesAnErrorWithItsCause() {
        CheckResult data = Checks.evaluate(throwing(new DataException("f.csv line 3, column 'y': bad")),
                Models.predictions("p"), this.data, CTX);
        assertThat(data.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(data.message()).isEqualTo("f.csv line 3, column 'y': bad");
        assertThat(data.id()).isEqualTo("suite/throws");
        assertThat(data.seed()).isEqualTo(5);
        assertThat(data.data()).isEqualTo(DataInfo.of(this.data));
        assertThat(data.model().id()).isEqualTo("column:p");

        CheckResult npe = Checks.evaluate(throwing(new NullPointerException()), null, this.data, CTX);
        assertThat(npe.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(npe.message()).isEqualTo("java.lang.NullPointerException");

        CheckResult wrapped = Checks.evaluate(throwing(new IllegalStateException("outer",
                new ArithmeticException("/ by zero"))), null, this.data, CTX);
        assertThat(wrapped.message()).isEqualTo("java.lang.IllegalStateException: outer"
                + " (caused by java.lang.ArithmeticException: / by zero)");

        CheckResult checked = Checks.evaluate(throwing(new java.io.IOException("disk")), null, this.data, CTX);
        assertThat(checked.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(checked.message()).isEqualTo("java.io.IOException: disk");

        CheckResult assertion = Checks.evaluate(throwing(new AssertionError("model assert")), null, this.data, CTX);
        assertThat(assertion.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(assertion.message()).contains("model assert");

        CheckResult linkage = Checks.evaluate(throwing(new NoClassDefFoundError("com/acme/Missing")), null,
                this.data, CTX);
        assertThat(linkage.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(linkage.message()).contains("com/acme/Missing");
    }

    @Test
    void aModelThatThrowsOrAnswersWronglyIsAnError() {
        Model broken = Models.function("broken", row -> {
            throw new IllegalStateException("endpoint down");
        });
        CheckResult r = Checks.evaluate(Performance.check().build(), broken, data, CTX);
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).startsWith("model 'broken' failed on mem: java.lang.IllegalStateException:"
                + " endpoint down");

        Model shortAnswer = new Model() {
            @Override
            public Predictions predict(Dataset d) {
                return Predictions.ofLabels("1");
            }
        };
        CheckResult s = Checks.evaluate(Performance.check().build(), shortAnswer, data, CTX);
        assertThat(s.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(s.message()).endsWith("returned 1 predictions for 2 rows of mem");

        Model nothing = new Model() {
            @Override
            public Predictions predict(Dataset d) {
                return null;
            }
        };
        assertThat(Checks.evaluate(Performance.check().build(), nothing, data, CTX).message())
                .endsWith("returned no predictions");
    }

    @Test
    void aCheckReturningNothingIsAnError() {
        Check nothing = new Check() {
            @Override
            public String kind() {
                return "test";
            }

            @Override
            public String name() {
                return "nothing";
            }

            @Override
            public CheckResult run(Model model, Dataset data, RunContext context) {
                return null;
            }
        };
        CheckResult r = Checks.evaluate(nothing, null, data, CTX);
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).contains("returned no result");
    }

    @Test
    void dataThatCannotBeLoadedIsAnErrorResult() {
        CheckResult r = Checks.evaluateLoading(Performance.check().build(), Models.predictions("p"),
                () -> Datasets.csv(java.nio.file.Path.of("no-such-dir", "missing.csv")).load(), CTX);
        assertThat(r.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(r.message()).contains("missing.csv").contains("file not found");
        assertThat(r.data()).isNull();
    }

    @Test
    void resultsAreAnnouncedToTheThreadsListeners() throws Exception {
        List<CheckResult> seen = new ArrayList<>();
        try (AutoCloseable ignored = CheckEvents.listen(seen::add)) {
            CheckResult ok = Checks.evaluate(Performance.check().build(), Models.predictions("p"), data, CTX);
            CheckResult bad = Checks.evaluate(throwing(new IllegalStateException("x")), null, data, CTX);
            assertThat(seen).containsExactly(ok, bad);
        }
        Checks.evaluate(Performance.check().build(), Models.predictions("p"), data, CTX);
        assertThat(seen).hasSize(2);
    }
}
