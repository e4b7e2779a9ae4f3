package dev.assay.core.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class TextTest {
    @Test
    void levenshteinMatchesHandWorkedDistances() {
        assertThat(Text.levenshtein("kitten", "sitting")).isEqualTo(3);
        assertThat(Text.levenshtein("flaw", "lawn")).isEqualTo(2);
        assertThat(Text.levenshtein("", "abc")).isEqualTo(3);
        assertThat(Text.levenshtein("abc", "")).isEqualTo(3);
        assertThat(Text.levenshtein("same", "same")).isZero();
    }

    @Test
    void countsCodePointsNotUtf16Units() {
        // one emoji (two UTF-16 units) replaced by another: one substitution
        assertThat(Text.levenshtein("ok \uD83D\uDE00", "ok \uD83D\uDE01")).isEqualTo(1);
        assertThat(Text.similarity("\uD83D\uDE00", "\uD83D\uDE01")).isZero();
    }

    @Test
    void similarityIsNormalisedByTheLongerText() {
        assertThat(Text.similarity("kitten", "sitting")).isCloseTo(1 - 3.0 / 7, within(1e-12));
        assertThat(Text.similarity("", "")).isEqualTo(1.0);
        assertThat(Text.similarity("abc", "xyz")).isZero();
    }

    @Test
    void normalisesWhitespaceRuns() {
        assertThat(Text.normaliseWhitespace("  a \t\n b\u00A0 c  ")).isEqualTo("a b c");
        assertThat(Text.normaliseWhitespace("   ")).isEmpty();
    }
}
