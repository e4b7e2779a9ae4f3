package dev.assay.examples;

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
 * The README's code snippets are the example sources: each fenced block that follows a marker
 * {@code <!-- snippet: PATH#TAG -->} must equal the region of {@code PATH} between {@code tag::TAG[]} and
 * {@code end::TAG[]} (comment lines carrying the markers excluded, indentation removed). PATH is relative to the
 * repository root; {@code #TAG} may be left out to include the whole file. The build compiles and runs those
 * sources, so the README's examples are compiled and run too.
 */
class ReadmeSnippetsTest {
    private static final Pattern SNIPPET = Pattern.compile(
            "<!-- snippet: ([^#\\s]+)(?:#(\\S+))? -->\\s*\\n```[a-z]*\\n(.*?)```", Pattern.DOTALL);

    static Path root() {
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("README.md"))) {
            dir = dir.getParent();
        }
        if (dir == null) {
            throw new IllegalStateException("README.md not found above " + Path.of("").toAbsolutePath());
        }
        return dir;
    }

    @Test
    void everySnippetMatchesItsSource() throws IOException {
        Path root = root();
        String readme = Files.readString(root.resolve("README.md"));
        Matcher m = SNIPPET.matcher(readme);
        List<String> checked = new ArrayList<>();
        while (m.find()) {
            Path source = root.resolve(m.group(1));
            assertThat(source).as("snippet source %s", m.group(1)).exists();
            String expected = region(Files.readString(source), m.group(2));
            assertThat(m.group(3)).as("README snippet from %s#%s", m.group(1), m.group(2)).isEqualTo(expected);
            checked.add(m.group(1));
        }
        assertThat(checked).as("README snippets").hasSizeGreaterThanOrEqualTo(2);
    }

    static String region(String text, String tag) {
        List<String> lines = text.lines().toList();
        List<String> out = new ArrayList<>();
        boolean in = tag == null;
        for (String line : lines) {
            if (tag != null && line.contains("tag::" + tag + "[]")) {
                in = true;
                continue;
            }
            if (tag != null && line.contains("end::" + tag + "[]")) {
                in = false;
                continue;
            }
            if (in && !line.contains("tag::") && !line.contains("end::")) {
                out.add(line);
            }
        }
        int indent = out.stream().filter(l -> !l.isBlank())
                .mapToInt(l -> l.length() - l.stripLeading().length()).min().orElse(0);
        StringBuilder sb = new StringBuilder();
        for (String l : out) {
            sb.append(l.isBlank() ? "" : l.substring(indent)).append('\n');
        }
        return sb.toString();
    }
}
