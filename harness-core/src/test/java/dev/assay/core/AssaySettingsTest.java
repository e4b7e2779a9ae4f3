package dev.assay.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AssaySettingsTest {
    @Test
    void firstSourceThenSystemPropertiesThenEnvironment() {
        Map<String, String> props = Map.of("assay.seed", "2", "assay.bootstrap", "500");
        Map<String, String> env = Map.of("ASSAY_SEED", "3", "ASSAY_BOOTSTRAP", "9", "ASSAY_MIN_GROUP_SIZE", "12");
        AssaySettings withFirst = AssaySettings.of(k -> k.equals("assay.seed") ? Optional.of("1") : Optional.empty(),
                props, env);
        assertThat(withFirst.seed()).isEqualTo(1);
        assertThat(withFirst.getInt(AssayConstants.BOOTSTRAP, 0)).isEqualTo(500);
        assertThat(withFirst.getInt(AssayConstants.MIN_GROUP_SIZE, 30)).isEqualTo(12);

        AssaySettings noFirst = AssaySettings.of(k -> Optional.empty(), props, env);
        assertThat(noFirst.seed()).isEqualTo(2);
        AssaySettings envOnly = AssaySettings.of(k -> Optional.empty(), Map.of(), env);
        assertThat(envOnly.seed()).isEqualTo(3);
        AssaySettings nothing = AssaySettings.of(k -> Optional.empty(), Map.of(), Map.of());
        assertThat(nothing.seed()).isEqualTo(AssayConstants.DEFAULT_SEED);
        assertThat(nothing.get(AssayConstants.EVIDENCE_DIR, AssayConstants.DEFAULT_EVIDENCE_DIR))
                .isEqualTo("target/assay");
    }

    @Test
    void blankValuesFallThroughAndValuesAreStripped() {
        AssaySettings s = AssaySettings.of(k -> Optional.of("  "), Map.of("assay.seed", " 8 "),
                Map.of("ASSAY_SEED", "9"));
        assertThat(s.seed()).isEqualTo(8);
        AssaySettings nullFirst = AssaySettings.of(k -> null, Map.of(), Map.of("ASSAY_SEED", "9"));
        assertThat(nullFirst.seed()).isEqualTo(9);
    }

    @Test
    void environmentNames() {
        assertThat(AssaySettings.environmentName("assay.seed")).isEqualTo("ASSAY_SEED");
        assertThat(AssaySettings.environmentName("assay.min-group-size")).isEqualTo("ASSAY_MIN_GROUP_SIZE");
        assertThat(AssaySettings.environmentName("assay.evidence.dir")).isEqualTo("ASSAY_EVIDENCE_DIR");
    }

    @Test
    void notANumberNamesTheKey() {
        AssaySettings s = AssaySettings.of(k -> Optional.empty(), Map.of("assay.seed", "seven"), Map.of());
        assertThatThrownBy(s::seed).isInstanceOf(AssayException.class)
                .hasMessage("configuration assay.seed = 'seven' is not a number");
        AssaySettings d = AssaySettings.of(k -> Optional.empty(), Map.of("assay.confidence", "0.9"), Map.of());
        assertThat(d.getDouble(AssayConstants.CONFIDENCE, 0.95)).isEqualTo(0.9);
    }

    @Test
    void systemPropertiesAreRead() {
        String key = "assay.test.only." + System.nanoTime();
        System.setProperty(key, "from-property");
        try {
            assertThat(AssaySettings.fromSystem().get(key)).contains("from-property");
            assertThat(AssaySettings.of(k -> Optional.of("first")).get(key)).contains("first");
        } finally {
            System.clearProperty(key);
        }
    }
}
