package dev.assay.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RedactTest {
    @Test
    void url_user_information_and_secret_query_values_are_removed_and_the_rest_is_kept() {
        assertThat(Redact.text("https://svc:s3cret@models.example:8443/v2/infer?api_key=abc123&version=3&token=xyz"))
                .isEqualTo("https://models.example:8443/v2/infer?api_key=***&version=3&token=***");
        assertThat(Redact.text("column:y_pred")).isEqualTo("column:y_pred");
        assertThat(Redact.text("data/holdout.csv")).isEqualTo("data/holdout.csv");
        assertThat(Redact.text(null)).isNull();
    }

    @Test
    void secret_looking_names_are_recognised() {
        assertThat(Redact.isSecretName("assay.http.token")).isTrue();
        assertThat(Redact.isSecretName("Authorization")).isTrue();
        assertThat(Redact.isSecretName("ASSAY_SIGNING_KEY")).isTrue();
        assertThat(Redact.isSecretName("assay.http.headers.X-Api-Key")).isTrue();
        assertThat(Redact.isSecretName("assay.seed")).isFalse();
        assertThat(Redact.isSecretName("assay.model.url")).isFalse();
    }
}
