package dev.assay.core.robustness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
import java.util.Locale;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Invariance of models that answer in text, under text perturbations; flips counted by hand. */
class TextInvarianceTest {
    static final RunContext CTX = new RunContext("text", 7);

    static Model answering(UnaryOperator<String> answer) {
        return d -> {
            String[] out = new String[d.rows()];
            for (int i = 0; i < out.length; i++) {
                out[i] = answer.apply(d.column("q").stringValue(i));
            }
            return Predictions.of(Column.categorical("answer", out));
        };
    }

    /** A keyword classifier: "refund" when the lower-cased text contains it, else "other". */
    static final Model KEYWORD = answering(q -> q.toLowerCase(Locale.ROOT).contains("refund") ? "refund" : "other");

    @Test
    void homoglyphsFoolAKeywordClassifierAndUnchangedRowsAreNotCounted() {
        // at rate 1: "Refund my order" loses its Latin e (Cyrillic) and "REFUND NOW" its E and N (Cyrillic or
        // Greek): both flip to "other". "Where is my parcel?" and "hi" change but stay "other"; "bdfg" has no
        // look-alike and is not counted. 2 flips of 4.
        Dataset d = Datasets.inMemory("q").categorical("q", "Refund my order", "Where is my parcel?", "bdfg",
                "REFUND NOW", "hi").load();
        CheckResult r = Checks.evaluate(Invariance.check().perturb(Perturbations.homoglyphs("q", 1)).maxFlipRate(0.1)
                .build(), KEYWORD, d, CTX);
        assertThat(r.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(r.n()).isEqualTo(4);
        assertThat(r.value()).isEqualTo(0.5);
        assertThat(r.cases()).extracting(Example::row).containsExactly(0L, 3L);
        assertThat(r.message()).endsWith("1 of 5 rows were left unchanged by the perturbation and are not counted");
    }

    @Test
    void whitespaceDifferencesInAnAnswerAreNoChangeAndSimilarityIsATolerance() {
        Dataset d = Datasets.inMemory("q").categorical("q", "a b", "c d").load();
        // the answer repeats the question: extra whitespace only changes its whitespace
        CheckResult same = Checks.evaluate(Invariance.check().perturb(Perturbations.addWhitespace("q", 1))
                .maxFlipRate(0).build(), answering(q -> "you said " + q), d, CTX);
        assertThat(same.value()).isEqualTo(0.0);
        assertThat(same.n()).isEqualTo(2);

        // "answer 1" vs "answer 2": similarity 7/8 = 0.875
        Model numbered = answering(q -> q.equals(q.toUpperCase(Locale.ROOT)) ? "answer 2" : "answer 1");
        Invariance.Builder b = Invariance.check().perturb(Perturbations.changeCase("q", Perturbations.Case.UPPER))
                .maxFlipRate(0);
        assertThat(Checks.evaluate(b.minSimilarity(0.875).build(), numbered, d, CTX).value()).isEqualTo(0.0);
        CheckResult strict = Checks.evaluate(b.minSimilarity(0.9).build(), numbered, d, CTX);
        assertThat(strict.value()).isEqualTo(1.0);
        Example first = strict.examples().get(0);
        assertThat(first.input()).containsEntry("q", "a b");
        assertThat(first.perturbed()).containsEntry("q", "A B");
        assertThat(first.reason()).isEqualTo("prediction changed: answer 1 -> answer 2 (similarity 0.875)");
        assertThatThrownBy(() -> Invariance.check().minSimilarity(1.2)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theFastPathAgreesWithWhitespaceNormalisation() {
        for (String s : new String[] {"yes", "a b", " a", "a ", "a  b", "a\tb", "a\nb", "a\u00A0b", "a\u2003b", "",
            "\uD83D\uDE00 x", "x\u0001y"}) {
            if (InvarianceCheck.isNormal(s)) {
                assertThat(dev.assay.core.internal.Text.normaliseWhitespace(s)).as("'" + s + "'").isEqualTo(s);
            }
        }
        assertThat(InvarianceCheck.isNormal("yes")).isTrue();
        assertThat(InvarianceCheck.isNormal("a b")).isTrue();
        assertThat(InvarianceCheck.isNormal("a  b")).isFalse();
        assertThat(InvarianceCheck.isNormal("a\u00A0b")).isFalse();
    }

    @Test
    void aBlankAnswerIsAnErrorAndPersonalDataInExamplesIsMasked() {
        Dataset d = Datasets.inMemory("q").categorical("q", "Write to me").load();
        Model blankWhenShouted = answering(q -> q.equals(q.toUpperCase(Locale.ROOT)) ? "\n " : "ok");
        CheckResult error = Checks.evaluate(Invariance.check().perturb(Perturbations.changeCase("q",
                Perturbations.Case.UPPER)).maxFlipRate(1).build(), blankWhenShouted, d, CTX);
        assertThat(error.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(error.message()).contains("gave an empty answer for row 0 (perturbed: case q upper)");

        Model leaky = answering(q -> q.startsWith("W") ? "ok" : "mail jane.doe@example.com");
        CheckResult r = Checks.evaluate(Invariance.check().perturb(Perturbations.changeCase("q",
                Perturbations.Case.LOWER)).maxFlipRate(0).build(), leaky, d, CTX);
        assertThat(r.examples()).hasSize(1);
        Example e = r.examples().get(0);
        assertThat(e.perturbed()).containsEntry("q", "write to me");
        assertThat(e.answer()).startsWith("mail ").doesNotContain("jane.doe@example.com");
        assertThat(e.reason()).startsWith("prediction changed: ok -> mail ").doesNotContain("jane.doe@example.com");
    }
}
