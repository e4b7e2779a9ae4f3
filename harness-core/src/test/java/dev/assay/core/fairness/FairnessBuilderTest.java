package dev.assay.core.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** The builder's keys with a choice of two spellings, and its whole-number keys: what they accept and refuse. */
class FairnessBuilderTest {
    @Test
    void choicesAcceptAnyCaseSurroundingBlanksAndEitherSeparator() {
        Fairness.Builder b = Fairness.check().method(" To-Overall ").agg("MEAN").smallGroups("Fail ")
                .missing("as_group");
        assertThat(b.toOverall).isTrue();
        assertThat(b.meanAgg).isTrue();
        assertThat(b.failSmallGroups).isTrue();
        assertThat(b.missingAsGroup).isTrue();
        b.method("between-groups").agg("worst_case").smallGroups("EXCLUDE").missing("Error");
        assertThat(b.toOverall).isFalse();
        assertThat(b.meanAgg).isFalse();
        assertThat(b.failSmallGroups).isFalse();
        assertThat(b.missingAsGroup).isFalse();
    }

    @Test
    void anotherChoiceIsRefusedNamingTheKeyTheValueAndTheChoices() {
        assertThatThrownBy(() -> Fairness.check().method("overall")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown method 'overall'; expected between_groups or to_overall");
        assertThatThrownBy(() -> Fairness.check().agg("Max")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown agg 'Max'; expected worst_case or mean");
        assertThatThrownBy(() -> Fairness.check().smallGroups("ex_clude")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown small-groups policy 'ex_clude'; expected exclude or fail");
        assertThatThrownBy(() -> Fairness.check().missing("drop")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("unknown missing policy 'drop'; expected error or as-group");
    }

    @Test
    void wholeNumbersBelowTheirMinimumAreRefused() {
        assertThatThrownBy(() -> Fairness.check().minGroupSize(-1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("min-group-size must be >= 0, was -1");
        assertThatThrownBy(() -> Fairness.check().bootstrap(-5)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("bootstrap must be >= 0, was -5");
        assertThatThrownBy(() -> Fairness.check().neighbors(0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("neighbors must be >= 1, was 0");
        Fairness.Builder b = Fairness.check().minGroupSize(0).bootstrap(0).neighbors(1);
        assertThat(b.minGroupSize).isZero();
        assertThat(b.bootstrap).isZero();
        assertThat(b.neighbors).isEqualTo(1);
    }
}
