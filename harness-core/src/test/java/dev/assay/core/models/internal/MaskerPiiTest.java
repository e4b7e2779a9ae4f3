package dev.assay.core.models.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Error bodies that echo personal data are excerpted with the data masked, before the excerpt is cut. */
class MaskerPiiTest {
    @Test
    void an_excerpt_masks_personal_data_as_well_as_header_values() {
        Masker m = new Masker(List.of("Bearer sk-test-1234567890"));

        String excerpt = m.excerpt("{\"error\": \"refused Bearer sk-test-1234567890 for card 5555 5555 5555 4444,"
                + " mail \u00e9l\u00e8ve.test@example.org, IBAN GB82 WEST 1234 5698 7654 32\"}", 500);

        assertThat(excerpt).doesNotContain("sk-test-1234567890", "5555 5555 5555 4444", "ve.test@example.org",
                        "GB82 WEST 1234 5698 7654 32")
                .contains("refused ***", "**** **** **** 4444", "@e******.org", "54 32\"}");
    }

    @Test
    void a_value_cut_by_the_excerpt_is_masked_first() {
        Masker m = new Masker(List.of());

        assertThat(m.excerpt("card 5555 5555 5555 4444 on file", 12)).isEqualTo("card **** **...");
    }

    @Test
    void text_without_personal_data_is_kept() {
        assertThat(new Masker(List.of()).excerpt("{\"error\": \"model not loaded\"}", 100))
                .isEqualTo("{\"error\": \"model not loaded\"}");
    }
}
