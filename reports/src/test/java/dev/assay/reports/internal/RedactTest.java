package dev.assay.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.SplittableRandom;
import java.util.regex.Pattern;
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

    /** The two regexes applied to every text, as main did before the cheaper checks (branch coldflush). */
    private static String redactedByTheRegexesAlone(String text) {
        String words = "token|secret|key|password|passwd|authorization|auth|credential";
        String out = Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://)[^/@\\s?#]+@").matcher(text).replaceAll("$1");
        return Pattern.compile("(?i)([?&;][^=&\\s#]*(?:" + words + ")[^=&\\s#]*=)[^&\\s#]*").matcher(out)
                .replaceAll("$1***");
    }

    @Test
    void skipping_a_regex_that_cannot_match_gives_what_applying_both_gives() {
        String[] parts = {"https://", "http://", "s3://", "u", "user:pw", "@", "?", "&", ";", "=", "api_key", "Token",
            "auth", "x", ":", "/", " ", "#", "sha256:", "host.example", "%40"};
        SplittableRandom random = new SplittableRandom(7);
        int redacted = 0;
        for (int i = 0; i < 20_000; i++) {
            StringBuilder sb = new StringBuilder();
            for (int n = random.nextInt(1, 9); n > 0; n--) {
                sb.append(parts[random.nextInt(parts.length)]);
            }
            String text = sb.toString();
            String expected = redactedByTheRegexesAlone(text);
            assertThat(Redact.text(text)).as("redacted %s", text).isEqualTo(expected);
            redacted += expected.equals(text) ? 0 : 1;
        }
        assertThat(redacted).as("texts that the regexes changed").isGreaterThan(400); // 548 of 20,000 with this seed
    }
}
