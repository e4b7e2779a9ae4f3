package dev.assay.reports.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeakScanTest {
    private static final String EMAIL = "jane.doe@example.org";
    private static final String TOKEN = "Bearer sk-live-1234<&>\"'";

    @TempDir
    Path tmp;

    @Test
    void finds_raw_and_escaped_values_with_file_and_byte_offset_without_echoing_them() throws IOException {
        Path sub = Files.createDirectories(tmp.resolve("a/b"));
        String raw = "prefix é " + EMAIL + " and again " + EMAIL;
        Files.writeString(sub.resolve("raw.txt"), raw, StandardCharsets.UTF_8);
        Files.writeString(tmp.resolve("a/page.html"), "<td>Bearer sk-live-1234&lt;&amp;&gt;&quot;&#39;</td>");
        Files.writeString(tmp.resolve("a/result.json"), "{\"h\":\"Bearer sk-live-1234<&>\\\"'\"}");
        Files.writeString(tmp.resolve("clean.txt"), "j***@e******.org");

        List<LeakScan.Hit> hits = LeakScan.scan(List.of(tmp), List.of(EMAIL, TOKEN));

        // offsets in bytes: "prefix é " is 10 bytes in UTF-8 (é takes two)
        int first = raw.getBytes(StandardCharsets.UTF_8).length - EMAIL.length() - " and again ".length()
                - EMAIL.length();
        assertThat(first).isEqualTo(10);
        assertThat(hits).extracting(h -> tmp.relativize(h.file()).toString().replace('\\', '/'), LeakScan.Hit::offset,
                LeakScan.Hit::planted, LeakScan.Hit::form).containsExactly(
                org.assertj.core.groups.Tuple.tuple("a/b/raw.txt", 10L, 0, "raw"),
                org.assertj.core.groups.Tuple.tuple("a/b/raw.txt", 10L + EMAIL.length() + 11, 0, "raw"),
                org.assertj.core.groups.Tuple.tuple("a/page.html", 4L, 1, "html"),
                org.assertj.core.groups.Tuple.tuple("a/result.json", 6L, 1, "json"));
        assertThat(hits).allSatisfy(h -> assertThat(h.toString()).doesNotContain(EMAIL).doesNotContain("sk-live"));
    }

    @Test
    void finds_a_value_inside_a_larger_base64_text_at_every_alignment() throws IOException {
        for (int pad = 0; pad < 3; pad++) {
            byte[] data = ("x".repeat(pad) + "{\"email\":\"" + EMAIL + "\"} and more text").getBytes(StandardCharsets.UTF_8);
            Files.writeString(tmp.resolve("report" + pad + ".html"),
                    "<script>d('data/x.json','" + Base64.getEncoder().encodeToString(data) + "')</script>");
        }

        List<LeakScan.Hit> hits = LeakScan.scan(List.of(tmp), List.of(EMAIL));

        assertThat(hits).extracting(h -> h.file().getFileName().toString())
                .containsExactlyInAnyOrder("report0.html", "report1.html", "report2.html");
        assertThat(hits).allSatisfy(h -> assertThat(h.form()).isEqualTo("base64 of raw"));
    }

    @Test
    void clean_files_give_no_hits_and_missing_roots_are_skipped() throws IOException {
        Files.writeString(tmp.resolve("ok.json"), "{\"masked\":\"j***@e******.org\"}");

        assertThat(LeakScan.scan(List.of(tmp, tmp.resolve("absent")), List.of(EMAIL, TOKEN))).isEmpty();
    }

    @Test
    void values_too_short_to_be_meaningful_are_rejected() {
        assertThatThrownBy(() -> LeakScan.scan(List.of(tmp), List.of(EMAIL, "abc")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("planted value #1 has 3 characters; use at least 4 so that it cannot match by chance");
    }
}
