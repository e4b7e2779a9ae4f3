package dev.assay.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** Failing cases recorded at once with {@link CheckResult.Builder#failingCases}: shown ones now, the rest later. */
class CheckResultCasesTest {
    private final AtomicInteger made = new AtomicInteger();

    /** Case {@code k} is about data row {@code 100 + k}; counts how many cases were made. */
    private final IntFunction<Example> caseAt = k -> {
        made.incrementAndGet();
        return Example.builder().row(100 + k).reason("case " + k).build();
    };

    private static CheckResult.Builder builder() {
        return CheckResult.builder("invariance", "lazy").verdict(Verdict.FAIL);
    }

    @Test
    void theShownCasesAreMadeAtOnceAndTheRestOnceWhenFirstAskedFor() {
        CheckResult r = builder().examplesCap(5).failingCases(50, 30, caseAt).build();

        assertThat(made).as("only the shown cases are made while building").hasValue(5);
        assertThat(r.examples()).extracting(Example::row).containsExactly(100L, 101L, 102L, 103L, 104L);
        assertThat(r.examplesTotal()).isEqualTo(50);

        assertThat(r.cases()).hasSize(30);
        assertThat(r.cases().get(29).row()).isEqualTo(129L);
        assertThat(r.cases().get(29).reason()).isEqualTo("case 29");
        assertThat(r.cases().subList(0, 5)).as("the shown cases are not made twice")
                .containsExactlyElementsOf(r.examples());
        assertThat(made).hasValue(30);
        assertThat(r.cases()).isSameAs(r.cases());
        assertThat(made).as("made once").hasValue(30);
    }

    @Test
    void toBuilderKeepsTheCasesUnmadeAndSharesThem() {
        CheckResult r = builder().examplesCap(2).failingCases(10, 10, caseAt).build();
        CheckResult copy = r.toBuilder().id("suite/lazy").build();

        assertThat(made).hasValue(2);
        assertThat(copy.id()).isEqualTo("suite/lazy");
        assertThat(copy.examplesTotal()).isEqualTo(10);
        assertThat(copy.examples()).containsExactlyElementsOf(r.examples());
        assertThat(copy.cases()).extracting(Example::row).startsWith(100L, 101L).endsWith(109L).hasSize(10);
        assertThat(r.cases()).containsExactlyElementsOf(copy.cases());
        assertThat(made).as("both results made the cases once between them").hasValue(10);
    }

    @Test
    void casesKeepTheirOrderAcrossSingleAndBulkRecordingAndStopAtTheMaximum() {
        Example first = Example.builder().row(1).build();
        Example last = Example.builder().row(2).build();
        CheckResult r = builder().examplesCap(0).failingCase(first).failingCases(4, 3, caseAt).failingCase(last)
                .build();
        assertThat(r.cases()).extracting(Example::row).containsExactly(1L, 100L, 101L, 102L, 2L);
        assertThat(r.examplesTotal()).isEqualTo(6);
        assertThat(r.examples()).isEmpty();

        CheckResult.Builder full = builder();
        for (int k = 0; k < CheckResult.Builder.MAX_CASES - 3; k++) {
            full.failingCase(first);
        }
        made.set(0);
        CheckResult capped = full.failingCases(100, 100, caseAt).failingCase(last).build();
        assertThat(capped.examplesTotal()).isEqualTo(CheckResult.Builder.MAX_CASES - 3 + 100 + 1);
        assertThat(capped.cases()).hasSize(CheckResult.Builder.MAX_CASES);
        assertThat(capped.cases().get(CheckResult.Builder.MAX_CASES - 1).row()).isEqualTo(102L);
        assertThat(made).as("cases beyond the maximum are never made").hasValue(3);
    }

    @Test
    void aCountAboveTheTotalIsRejected() {
        assertThatThrownBy(() -> builder().failingCases(2, 3, caseAt))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("count must be between 0 and total 2, was 3");
        assertThatThrownBy(() -> builder().failingCases(2, -1, caseAt))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
