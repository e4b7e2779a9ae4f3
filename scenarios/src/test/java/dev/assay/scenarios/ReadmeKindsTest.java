package dev.assay.scenarios;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.assay.scenarios.internal.CheckKinds;
import dev.assay.scenarios.internal.ModelBlocks;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Every key README.md documents for a check kind or a model block is a key the loader accepts, and vice versa. */
class ReadmeKindsTest {
    @Test
    void documentedKeysAreTheLoadersKeys() throws IOException {
        String readme = Files.readString(Path.of("README.md"));
        Matcher m = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(readme);
        ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
        Set<String> documented = new HashSet<>();
        assertThat(m.find()).as("the file format block").isTrue(); // checked by ReadmeTest
        while (m.find()) {
            // commented-out keys ("# max: 0.1", "#   path: ...") are documented keys too
            String block = m.group(1).replaceAll("(?m)^(\\s*)# ?( *)([a-z][a-z0-9.-]*:(\\s|$))", "$1$2$3");
            JsonNode root = yaml.readTree(block);
            if (root == null || !root.isObject()) {
                continue;
            }
            for (var it = root.fields(); it.hasNext(); ) {
                var e = it.next();
                if (CheckKinds.isKnown(e.getKey()) && !e.getKey().equals("performance")) {
                    assertThat(names(e.getValue())).as(e.getKey())
                            .containsExactlyInAnyOrderElementsOf(CheckKinds.get(e.getKey()).keys());
                    documented.add(e.getKey());
                }
                if (e.getKey().equals("model") && e.getValue().has("http")) {
                    assertThat(names(e.getValue().get("http"))).as("model.http")
                            .containsExactlyInAnyOrderElementsOf(ModelBlocks.HTTP_KEYS);
                    assertThat(names(e.getValue().get("onnx"))).as("model.onnx")
                            .containsExactlyInAnyOrderElementsOf(ModelBlocks.ONNX_KEYS);
                    documented.add("model");
                }
            }
        }
        List<String> expected = new ArrayList<>(CheckKinds.known());
        expected.remove("performance");
        expected.add("model");
        assertThat(documented).containsExactlyInAnyOrderElementsOf(expected);
    }

    private static List<String> names(JsonNode map) {
        List<String> out = new ArrayList<>();
        map.fieldNames().forEachRemaining(out::add);
        return out;
    }
}
