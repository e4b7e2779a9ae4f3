package dev.assay.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The README's Java examples are taken from tests the build runs: each {@code java} block follows a
 * {@code <!-- snippet: FILE -->} marker, and every line of it (but {@code ...}) appears in FILE, in order.
 */
class ReadmeTest {
    private static final Pattern SNIPPET = Pattern.compile("<!-- snippet: (\\S+) [^>]*-->\\s*```java\\n(.*?)```",
            Pattern.DOTALL);

    @Test
    void readmeExamplesAreTakenFromTests() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(readme.split("```java", -1)).as("java blocks in README.md").hasSize(countSnippets(readme) + 1);
        Matcher m = SNIPPET.matcher(readme);
        int blocks = 0;
        while (m.find()) {
            blocks++;
            List<String> snippet = lines(m.group(2));
            List<String> source = lines(Files.readString(Path.of(m.group(1))));
            assertThat(snippet).as("snippet of %s", m.group(1)).hasSizeGreaterThan(4);
            int at = 0;
            for (String line : snippet) {
                int found = source.subList(at, source.size()).indexOf(line);
                assertThat(found).as("README line not in %s (in order): %s", m.group(1), line).isNotNegative();
                at += found + 1;
            }
        }
        assertThat(blocks).as("snippets checked").isGreaterThanOrEqualTo(5);
    }

    private static int countSnippets(String readme) {
        Matcher m = SNIPPET.matcher(readme);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\\n")) {
            if (!l.isBlank() && !l.strip().equals("...")) {
                out.add(l.strip());
            }
        }
        return out;
    }
}
