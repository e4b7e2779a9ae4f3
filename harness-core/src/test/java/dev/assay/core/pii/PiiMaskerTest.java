package dev.assay.core.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PiiMaskerTest {
    @Test
    void masksLikeTheEvidenceContract() {
        assertThat(PiiMasker.mask("EMAIL_ADDRESS", "john@example.com")).isEqualTo("j***@e******.com");
        assertThat(PiiMasker.mask("CREDIT_CARD", "4242 4242 4242 4242")).isEqualTo("**** **** **** 4242");
        assertThat(PiiMasker.mask("IBAN_CODE", "DE89 3704 0044 0532 0130 00"))
                .isEqualTo("**** **** **** **** **30 00");
        assertThat(PiiMasker.mask("US_SSN", "536-22-1234")).isEqualTo("***-**-****");
        assertThat(PiiMasker.mask("AWS_ACCESS_KEY", "AKIAIOSFODNN7EXAMPLE")).isEqualTo("AKIA****************");
        assertThat(PiiMasker.mask("URL", "https://example.com/a")).isEqualTo("https://*******.***/*");
    }

    @Test
    void sameValueSameHashUnderOneSaltAndSeparatorsDoNotMatter() {
        PiiMasker m = PiiMasker.withSalt("s3cret");
        assertThat(m.hash("CREDIT_CARD", "4242 4242 4242 4242")).isEqualTo(m.hash("CREDIT_CARD", "4242-4242-4242-4242"))
                .startsWith("hmac-sha256:").hasSize("hmac-sha256:".length() + 16);
        assertThat(m.hash("CREDIT_CARD", "4242424242424242")).isNotEqualTo(m.hash("CREDIT_CARD", "4111111111111111"));
        assertThat(m.hash("EMAIL_ADDRESS", "A@example.com")).isEqualTo(m.hash("EMAIL_ADDRESS", "a@EXAMPLE.com"));
        assertThat(PiiMasker.withSalt("other").hash("CREDIT_CARD", "4242424242424242"))
                .isNotEqualTo(m.hash("CREDIT_CARD", "4242424242424242"));
    }

    @Test
    void findingsNeverContainTheRawValue() {
        String[] values = {"jane.doe@example.com", "4111 1111 1111 1111", "DE89 3704 0044 0532 0130 00",
            "+44 20 7946 0018", "192.0.2.44", "12345678Z", "RSSMRA85T10A562S", "AKIAIOSFODNN7EXAMPLE"};
        PiiScanner s = PiiScanner.builder().entities(PiiEntity.all()).build();
        for (String v : values) {
            List<PiiFinding> found = s.scan("value: " + v + " end");
            assertThat(found).as("finding for a planted value").isNotEmpty();
            for (PiiFinding f : found) {
                String digitsOrLetters = v.replaceAll("[^A-Za-z0-9]", "");
                assertThat(f.toString()).doesNotContain(v);
                assertThat(f.masked()).doesNotContain(v);
                assertThat(f.toString().replaceAll("[^A-Za-z0-9]", "")).doesNotContain(digitsOrLetters);
            }
        }
    }
}
