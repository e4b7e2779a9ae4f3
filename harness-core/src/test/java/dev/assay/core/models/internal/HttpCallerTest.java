package dev.assay.core.models.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.junit.jupiter.api.Test;

class HttpCallerTest {
    private static HttpCaller caller(long seed) {
        HttpConfig c = new HttpConfig();
        c.url = URI.create("http://127.0.0.1:9");
        c.backoff = Duration.ofMillis(100);
        c.maxBackoff = Duration.ofMillis(1000);
        c.jitterSeed = seed;
        return new HttpCaller(c, new Masker(List.of()));
    }

    @Test
    void backoff_doubles_with_seeded_jitter_in_the_upper_half() {
        HttpCaller a = caller(7);
        HttpCaller b = caller(7);
        long[] bases = {100, 200, 400, 800, 1000, 1000};
        for (int attempt = 1; attempt <= bases.length; attempt++) {
            long x = a.backoff(attempt);
            assertThat(x).as("attempt %d", attempt).isBetween(bases[attempt - 1] / 2, bases[attempt - 1])
                    .isEqualTo(b.backoff(attempt));
        }
        HttpCaller c = caller(8);
        boolean differs = false;
        HttpCaller d = caller(7);
        for (int attempt = 1; attempt <= 6; attempt++) {
            differs |= c.backoff(attempt) != d.backoff(attempt);
        }
        assertThat(differs).as("another seed gives other delays").isTrue();
    }

    @Test
    void retry_after_in_seconds_or_as_an_http_date() {
        assertThat(HttpCaller.retryAfterMillis("3")).isEqualTo(3000);
        assertThat(HttpCaller.retryAfterMillis(null)).isZero();
        assertThat(HttpCaller.retryAfterMillis("soon")).isZero();
        String in10s = DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC).plusSeconds(10));
        assertThat(HttpCaller.retryAfterMillis(in10s)).isBetween(8_000L, 10_000L);
    }

    @Test
    void masker_hides_header_values_and_bearer_tokens() {
        Masker m = new Masker(List.of("Bearer abc123secret", "key-999"));
        assertThat(m.mask("auth Bearer abc123secret / token abc123secret / key-999"))
                .isEqualTo("auth *** / token *** / ***");
        assertThat(m.excerpt("x".repeat(300), 10)).isEqualTo("xxxxxxxxxx...");
    }
}
