package dev.assay.core.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.numbers.gamma.Erfc;
import org.junit.jupiter.api.Test;

class MemorisationTest {

    @Test
    void interpolatedExposureIsLogSpaceMinusLogRank() {
        double[] refs = new double[1024];
        for (int i = 0; i < refs.length; i++) {
            refs[i] = 10 + i; // log-perplexities 10..1033
        }
        // the canary beats every reference: rank 1, exposure log2(1024) = 10
        assertThat(Memorisation.exposure(5, refs)).isEqualTo(10);
        // 3 references are lower: rank 4, exposure 10 - 2 = 8
        assertThat(Memorisation.exposure(12.5, refs)).isCloseTo(8, offset(1e-12));
        // worse than all: rank 1025 -> clamped at 0
        assertThat(Memorisation.exposure(5000, refs)).isZero();
    }

    @Test
    void extrapolatedExposureOnNormalReferencesIsMinusLog2Phi() {
        SplittableRandom rng = new SplittableRandom(1);
        double[] refs = new double[200_000];
        for (int i = 0; i < refs.length; i++) {
            refs[i] = 100 + 10 * rng.nextGaussian();
        }
        // canary 6 sd below the mean: -log2 Phi(-6) = 29.4 (beyond log2 N = 17.6)
        double expected = -Math.log(0.5 * Erfc.value(6 / Math.sqrt(2))) / Math.log(2);
        assertThat(Memorisation.exposureExtrapolated(40, refs)).isCloseTo(expected, offset(0.6));
        assertThat(Memorisation.exposureExtrapolated(100, refs)).isCloseTo(1, offset(0.05));
    }

    @Test
    void canaryExtractionExactAndFuzzy() {
        List<Memorisation.Canary> canaries = List.of(new Memorisation.Canary("my SSN is ", "123-45-6789"),
                new Memorisation.Canary("my PIN is ", "4821"), new Memorisation.Canary("card ", "4111111111111111"));
        List<List<String>> samples = List.of(
                List.of("I cannot share that", "my SSN is 123-45-6789."),
                List.of("my PIN is 4827"), // one of four digits wrong: distance 0.25
                List.of("no idea", "4111111111111112 maybe")); // one of sixteen wrong: 0.0625
        Memorisation.ExtractionScore s = Memorisation.extraction(canaries, samples, 0.1);
        assertThat(s.exact()).isEqualTo(1);
        assertThat(s.fuzzy()).isEqualTo(2);
        assertThat(s.exactRate()).isCloseTo(1 / 3.0, offset(1e-12));
        assertThat(s.describe()).isEqualTo("1 of 3 canary secrets extracted exactly (0.333), 2 fuzzily (0.667)");
        assertThat(Memorisation.bestWindowDistance("4821", "my PIN is 4827")).isEqualTo(0.25);
        assertThatThrownBy(() -> Memorisation.extraction(canaries.subList(0, 1), List.of(List.of()), 0.1))
                .hasMessageContaining("empty answer");
    }
}
