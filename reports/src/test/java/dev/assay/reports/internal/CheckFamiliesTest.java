package dev.assay.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CheckFamiliesTest {
    @ParameterizedTest
    @CsvSource({
        "performance, Performance",
        "fairness, Fairness",
        "privacy-budget, Privacy",
        "dp-audit, Privacy",
        "membership-inference, Privacy",
        "pii-leak, PII",
        "invariance, Safety",
        "expect, Safety",
        "consistency, Safety",
        "adversarial, Safety",
        "prompt-injection, Safety",
        "expect-data, Data",
        "drift, Data",
        "expect-output, Data",
        "compare, Performance",
        "directional, Safety",
        "' Fairness ', Fairness",
        "my-new_check, My new check",
    })
    void maps_a_kind_to_its_display_family(String kind, String family) {
        assertThat(CheckFamilies.of(kind)).isEqualTo(family);
    }
}
