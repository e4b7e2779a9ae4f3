package dev.assay.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.assay.core.internal.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Replay files of failing cases (regression capture). After a run, every check with failing cases has them written
 * to {@code <evidence dir>/regressions/<check id>.jsonl}: one JSON object per line, in the order the check met
 * them, each an {@link Example} plus the {@code check} id and {@code kind}. Commit such a file next to a scenario
 * and include it in the check (the {@code cases-from} key of {@code invariance}, {@code expect} and
 * {@code adversarial}) so the next candidate model is tested on exactly those cases.
 *
 * <p>Values in the file are masked as they are in the evidence.
 */
public final class RegressionFile {
    /** The sub-directory of the evidence directory that holds the replay files. */
    public static final String DIR = "regressions";

    private RegressionFile() {
    }

    /** The file name of a check's replay file: its id with {@code /} made {@code .}, plus {@code .jsonl}. */
    public static String fileName(CheckResult result) {
        return result.id().replace('/', '.') + ".jsonl";
    }

    /**
     * Writes the failing cases of {@code result} ({@link CheckResult#cases()}) to
     * {@code evidenceDir/regressions/<file name>}, replacing an older file. A check without failing cases deletes
     * the file an earlier run left, so the directory only holds the cases of the checks that fail now.
     *
     * @return the file, or {@code null} when the check has no failing cases (nothing is written)
     */
    public static Path write(Path evidenceDir, CheckResult result) {
        Objects.requireNonNull(evidenceDir, "evidenceDir");
        Path file = evidenceDir.resolve(DIR).resolve(fileName(result));
        if (result.cases().isEmpty()) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot delete the stale replay file " + file, e);
            }
            return null;
        }
        try {
            Files.createDirectories(file.getParent());
            try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                for (Example e : result.cases()) {
                    ObjectNode line = Json.MAPPER.createObjectNode();
                    line.put("check", result.id());
                    line.put("kind", result.kind());
                    line.setAll((ObjectNode) Json.MAPPER.valueToTree(e));
                    w.write(Json.MAPPER.writeValueAsString(line));
                    w.write('\n');
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write replay file " + file, e);
        }
        return file;
    }

    /**
     * The cases of a replay file, in file order. Blank lines are skipped.
     *
     * @throws DataException when the file cannot be read or a line is not a case, naming the file and line
     */
    public static List<Example> read(Path file) {
        Objects.requireNonNull(file, "file");
        List<Example> cases = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int n = 0;
            while ((line = r.readLine()) != null) {
                n++;
                if (line.isBlank()) {
                    continue;
                }
                try {
                    JsonNode node = Json.MAPPER.readTree(line);
                    if (!node.isObject()) {
                        throw new DataException(file + ":" + n + ": expected a JSON object per line");
                    }
                    ObjectNode o = ((ObjectNode) node).deepCopy();
                    o.remove("check");
                    o.remove("kind");
                    cases.add(Json.MAPPER.treeToValue(o, Example.class));
                } catch (JsonProcessingException e) {
                    throw new DataException(file + ":" + n + ": not a replay case: " + e.getOriginalMessage(), e);
                }
            }
        } catch (IOException e) {
            throw new DataException("cannot read replay file " + file + ": " + e.getMessage(), e);
        }
        return cases;
    }
}
