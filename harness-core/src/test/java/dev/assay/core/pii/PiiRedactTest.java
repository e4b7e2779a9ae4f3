package dev.assay.core.pii;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PiiRedactTest {
    @Test
    void replacesEveryFindingWithItsMaskAndKeepsTheRest() {
        String text = "😀 write to jane.doe@example.com or pay 4242 4242 4242 4242, thanks";
        String redacted = PiiScanner.defaults().redact(text);
        assertThat(redacted).doesNotContain("jane.doe@example.com").doesNotContain("4242 4242 4242 4242")
                .startsWith("😀 write to ").endsWith(", thanks")
                .contains(PiiMasker.mask("EMAIL_ADDRESS", "jane.doe@example.com"))
                .contains(PiiMasker.mask("CREDIT_CARD", "4242 4242 4242 4242"));
    }

    @Test
    void leavesTextWithoutFindingsAlone() {
        String text = "The approval score went up by 3 points.";
        assertThat(PiiScanner.defaults().redact(text)).isSameAs(text);
    }
}
