package dev.assay.core.pii;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.assay.core.pii.internal.Checksums;
import dev.assay.core.pii.internal.Surrogates;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Surrogates for cassettes: on every document of the labelled corpus, each value the cassette scanner finds is
 * replaced by a value of the same entity that the scanner finds again, so the findings per entity are unchanged and
 * no raw value remains.
 */
class SurrogatesTest {
    private static final PiiScanner SCANNER = Surrogates.defaultScanner();
    private final Surrogates surrogates = new Surrogates(SCANNER, null);

    static List<String> corpus() throws Exception {
        ObjectMapper json = new ObjectMapper();
        List<String> texts = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                SurrogatesTest.class.getResourceAsStream("/pii/corpus.jsonl"), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonNode n = json.readTree(line);
                    texts.add(n.get("text").asText());
                }
            }
        }
        return texts;
    }

    private static Map<String, Integer> counts(List<PiiFinding> fs) {
        Map<String, Integer> m = new TreeMap<>();
        fs.forEach(f -> m.merge(f.entity(), 1, Integer::sum));
        return m;
    }

    @Test
    void every_corpus_value_gets_a_surrogate_of_the_same_entity_and_none_stays() throws Exception {
        Map<String, Integer> replaced = new TreeMap<>();
        Map<String, Integer> masked = new TreeMap<>();
        int docs = 0;
        for (String text : corpus()) {
            List<PiiFinding> before = SCANNER.scan(text);
            if (before.isEmpty()) {
                continue;
            }
            docs++;
            Surrogates.Result r = surrogates.replace(text);
            r.replaced().forEach((k, v) -> replaced.merge(k, v, Integer::sum));
            r.hashMasked().forEach((k, v) -> masked.merge(k, v, Integer::sum));
            if (r.hashMasked().isEmpty()) {
                assertThat(counts(SCANNER.scan(r.text()))).as(text).isEqualTo(counts(before));
            }
            for (PiiFinding f : before) {
                int s = text.offsetByCodePoints(0, f.start());
                String raw = text.substring(s, text.offsetByCodePoints(s, f.length()));
                assertThat(r.text()).as("%s in %s", f.entity(), text).doesNotContain(raw);
                String compact = Checksums.alnumUpper(raw);
                if (compact.length() >= 6) {
                    assertThat(Checksums.alnumUpper(r.text())).as("%s in %s", f.entity(), text)
                            .doesNotContain(compact);
                }
            }
            assertThat(surrogates.replace(text)).as("deterministic").isEqualTo(r);
        }
        System.out.println("surrogates on " + docs + " corpus documents: replaced " + replaced
                + ", hash-masked " + masked);
        assertThat(docs).isGreaterThan(100);
        assertThat(masked).as("entities without a surrogate").isEmpty();
    }

    @Test
    void surrogates_keep_the_shape_promised_for_each_entity() {
        String text = "Card 4539 1488 0343 6467, IBAN DE89 3704 0044 0532 0130 00, mail jane.doe@acme-corp.com, "
                + "call +1 415 555 2671 or +44 20 7946 0958.";
        Surrogates.Result r = surrogates.replace(text);
        assertThat(r.hashMasked()).isEmpty();
        assertThat(r.text()).doesNotContain("1488 0343").doesNotContain("jane.doe").doesNotContain("0532 0130")
                .matches("Card 45\\d\\d \\d{4} \\d{4} 6467, IBAN DE\\d\\d \\d{4} \\d{4} \\d{4} \\d{4} \\d\\d, "
                        + "mail user-[0-9a-f]{6}@example\\.com, "
                        + "call \\+1 415 555 01\\d\\d or \\+44 20 7\\d{3} \\d{4}\\.");
        assertThat(Checksums.luhn(Checksums.digits(r.text().substring(5, 24)))).isTrue();
        assertThat(Checksums.iban(Checksums.alnumUpper(r.text().substring(31, 58)))).isTrue();
        assertThat(counts(SCANNER.scan(r.text()))).isEqualTo(counts(SCANNER.scan(text)));
        // a different key gives different surrogates
        assertThat(new Surrogates(SCANNER, "team-secret").replace(text).text()).isNotEqualTo(r.text());
    }
}
