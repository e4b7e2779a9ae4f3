package dev.assay.core.pii;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/**
 * 1 MB of hostile input through every detector, one at a time: no catastrophic backtracking, no quadratic scan.
 * The bound is a generous 5 s per detector and input so that a shared CI machine does not make it flaky; the real
 * times are written to {@code target/pii-pathological.md} (and copied into BENCHMARKS.md).
 */
class PiiPathologicalInputTest {
    static final int SIZE = 1 << 20;

    static String repeat(String unit) {
        StringBuilder sb = new StringBuilder(SIZE + unit.length());
        while (sb.length() < SIZE) {
            sb.append(unit);
        }
        return sb.substring(0, SIZE);
    }

    static String generated(IntFunction<Character> f) {
        StringBuilder sb = new StringBuilder(SIZE);
        for (int i = 0; i < SIZE; i++) {
            sb.append(f.apply(i));
        }
        return sb.toString();
    }

    static Map<String, String> inputs() {
        Map<String, String> in = new LinkedHashMap<>();
        in.put("digit run", generated(i -> (char) ('0' + (i * 7 + i / 13) % 10)));
        in.put("digits and spaces", repeat("1 "));
        in.put("digit groups", repeat("4242 4242 "));
        in.put("phone-like groups", repeat("020 7946 0958 x "));
        in.put("at signs", repeat("@"));
        in.put("a@ pairs", repeat("a@"));
        in.put("dots", repeat("."));
        in.put("a. pairs", repeat("a."));
        in.put("1. pairs", repeat("1."));
        in.put("colons and hex", repeat("ab:"));
        in.put("long letter token", repeat("abcdefghij"));
        in.put("long base64 token", generated(i -> "AbC9xYz0+/_-".charAt((i * 31 + i / 7) % 12)));
        in.put("eyJ repeated", repeat("eyJ"));
        in.put("eyJ dotted", repeat("eyJa."));
        in.put("PEM headers", repeat("-----BEGIN RSA PRIVATE KEY-----\n"));
        in.put("url prefixes", repeat("http://"));
        in.put("emails back to back", repeat("a@example.com"));
        in.put("IBAN-like", repeat("DE89370400440532013000"));
        return in;
    }

    @Test
    void everyDetectorHandlesOneMegabyteOfHostileInputQuickly() throws IOException {
        Map<String, String> inputs = inputs();
        StringBuilder table = new StringBuilder("| detector | worst input | worst ms | all inputs ms |\n|---|---|---|---|\n");
        for (String entity : PiiEntity.all()) {
            PiiScanner s = PiiScanner.builder().entities(entity).minScore(0).build();
            s.scan("warm up 4242 4242 4242 4242 a@example.com");
            long total = 0;
            long worst = -1;
            String worstInput = null;
            for (Map.Entry<String, String> in : inputs.entrySet()) {
                long t0 = System.nanoTime();
                s.scan(in.getValue());
                long ms = (System.nanoTime() - t0) / 1_000_000;
                assertThat(ms).as("%s on 1 MB of %s, in ms", entity, in.getKey()).isLessThan(5_000);
                total += ms;
                if (ms > worst) {
                    worst = ms;
                    worstInput = in.getKey();
                }
            }
            table.append(String.format(Locale.ROOT, "| %s | %s | %d | %d |%n", entity, worstInput, worst, total));
        }
        Path out = Path.of("target", "pii-pathological.md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table.toString());
        System.out.println(table);
    }
}
