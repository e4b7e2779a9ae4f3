package dev.assay.core.attacks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.DataException;
import dev.assay.core.internal.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * The attack packs: the ones shipped with Assay ({@link #PACKS}, by name), packs read from files, and the
 * {@code adversarial} check that sends them to a text model ({@link #check()}).
 *
 * <pre>{@code
 * CheckResult r = Attacks.check().named("Assistant resists attacks")
 *         .packs(Attacks.pack("prompt-injection"), Attacks.pack("system-prompt-extraction"))
 *         .samples(3).maxSuccessRate(0.0)
 *         .build().run(model, prompts, RunContext.current());
 * }</pre>
 */
public final class Attacks {
    /** The packs shipped with Assay, one per attack family; each name is also its family. */
    public static final List<String> PACKS = List.of("prompt-injection", "indirect-prompt-injection", "jailbreak",
            "encoding", "system-prompt-extraction", "exfiltration", "must-refuse");

    /** The pack name that stands for every shipped pack. */
    public static final String ALL = "all";

    static final List<String> FIELDS = List.of("id", "family", "prompt", "document", "payload", "encode", "detector");

    private Attacks() {
    }

    /** A builder of the {@code adversarial} check. */
    public static AdversarialCheck.Builder check() {
        return AdversarialCheck.builder();
    }

    /**
     * A shipped pack by name (one of {@link #PACKS}, or {@link #ALL} for all of them, in that order).
     *
     * @throws IllegalArgumentException for an unknown name
     */
    public static List<Attack> pack(String name) {
        Objects.requireNonNull(name, "name");
        if (name.equals(ALL)) {
            return all();
        }
        if (!PACKS.contains(name)) {
            throw new IllegalArgumentException("unknown attack pack '" + name + "'; shipped packs: " + PACKS
                    + " (or 'all'); a pack of your own is a .jsonl file path");
        }
        String resource = "packs/" + name + ".jsonl";
        try (InputStream in = Attacks.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("attack pack resource " + resource + " is missing");
            }
            return read(new InputStreamReader(in, StandardCharsets.UTF_8), "builtin:" + name);
        } catch (IOException e) {
            throw new IllegalStateException("cannot read attack pack resource " + resource, e);
        }
    }

    /** Every shipped pack, in the order of {@link #PACKS}. */
    public static List<Attack> all() {
        List<Attack> out = new ArrayList<>();
        for (String p : PACKS) {
            out.addAll(pack(p));
        }
        return Collections.unmodifiableList(out);
    }

    /**
     * A pack of your own: a JSON Lines file in the format of the package documentation.
     *
     * @throws DataException when the file cannot be read or a line is not a valid attack, naming the file, line and
     *                       (where known) column
     */
    public static List<Attack> load(Path file) {
        Objects.requireNonNull(file, "file");
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            return read(r, file.toString());
        } catch (IOException e) {
            throw new DataException("cannot read attack pack " + file + ": " + e.getMessage(), e);
        }
    }

    static List<Attack> read(Reader reader, String source) throws IOException {
        List<Attack> out = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        BufferedReader r = new BufferedReader(reader);
        String line;
        int n = 0;
        while ((line = r.readLine()) != null) {
            n++;
            if (line.isBlank()) {
                continue;
            }
            String at = source + ":" + n;
            JsonNode node;
            try {
                node = Json.MAPPER.readTree(line);
            } catch (JsonProcessingException e) {
                throw new DataException(at + ":" + e.getLocation().getColumnNr() + ": not a JSON object: "
                        + e.getOriginalMessage(), e);
            }
            if (node == null || !node.isObject()) {
                throw new DataException(at + ":1: expected one JSON object per line (an attack)");
            }
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!FIELDS.contains(f)) {
                    throw new DataException(at + ":" + column(line, f) + ": unknown field '" + f + "'; known: "
                            + FIELDS);
                }
            }
            String id = text(node, "id", true, at, line);
            if (!ids.add(id)) {
                throw new DataException(at + ":" + column(line, "id") + ": duplicate attack id '" + id + "'");
            }
            String family = text(node, "family", true, at, line);
            String prompt = text(node, "prompt", true, at, line);
            String detector = text(node, "detector", true, at, line);
            Detector d;
            try {
                d = Detector.parse(detector);
            } catch (IllegalArgumentException e) {
                throw new DataException(at + ":" + column(line, "detector") + ": " + e.getMessage(), e);
            }
            try {
                out.add(new Attack(id, family, prompt, text(node, "document", false, at, line),
                        text(node, "payload", false, at, line), text(node, "encode", false, at, line), d, source));
            } catch (IllegalArgumentException e) {
                throw new DataException(at + ":1: " + e.getMessage(), e);
            }
        }
        return Collections.unmodifiableList(out);
    }

    private static String text(JsonNode node, String field, boolean required, String at, String line) {
        JsonNode v = node.get(field);
        if (v == null || v.isNull()) {
            if (required) {
                throw new DataException(at + ":1: missing field '" + field + "' (an attack needs id, family, prompt"
                        + " and detector)");
            }
            return null;
        }
        if (!v.isTextual() || v.asText().isBlank()) {
            throw new DataException(at + ":" + column(line, field) + ": field '" + field
                    + "' must be non-blank text, found " + v);
        }
        return v.asText();
    }

    private static int column(String line, String field) {
        int i = line.indexOf("\"" + field + "\"");
        return i < 0 ? 1 : i + 1;
    }
}
