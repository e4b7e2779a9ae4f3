package dev.assay.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The README's Java example is taken from a test the build runs: every line of it appears there, in order. */
class ReadmeTest {
    @Test
    void readmeExampleIsTheDemoTest() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        int start = readme.indexOf("```java\n");
        int end = readme.indexOf("```", start + 7);
        assertThat(start).as("java block in README.md").isNotNegative();
        List<String> snippet = lines(readme.substring(start + 8, end));
        List<String> demo = lines(Files.readString(Path.of("src/test/java/dev/assay/junit/demo/CreditModelDemoTest.java")));
        assertThat(snippet).hasSizeGreaterThan(10);
        int at = 0;
        for (String line : snippet) {
            int found = demo.subList(at, demo.size()).indexOf(line);
            assertThat(found).as("README line not in the demo (in order): %s", line).isNotNegative();
            at += found + 1;
        }
    }

    private static List<String> lines(String text) {
        List<String> out = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (!l.isBlank()) {
                out.add(l.strip());
            }
        }
        return out;
    }
}
