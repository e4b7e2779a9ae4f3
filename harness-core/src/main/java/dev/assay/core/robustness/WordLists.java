package dev.assay.core.robustness;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The word lists shipped with Assay for the text perturbations (resources next to this class, written for the
 * project): {@code first-names.txt}, {@code cities.txt}, {@code countries.txt}, {@code contractions.txt},
 * {@code injection-wrappers.txt}. UTF-8, one entry a line; blank lines and lines starting with {@code #} are skipped;
 * {@code \n} stands for a line break. Loaded once.
 */
final class WordLists {
    private static final Map<String, List<String>> CACHE = new ConcurrentHashMap<>();

    private WordLists() {
    }

    static List<String> get(String name) {
        return CACHE.computeIfAbsent(name, WordLists::load);
    }

    private static List<String> load(String name) {
        InputStream in = WordLists.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("word list " + name + " is missing from the class path");
        }
        List<String> out = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            for (String line; (line = r.readLine()) != null; ) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                out.add(line.strip().replace("\\n", "\n"));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read word list " + name, e);
        }
        return List.copyOf(out);
    }
}
