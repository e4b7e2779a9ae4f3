package dev.assay.reports.allure;

import dev.assay.core.AssayConstants;
import dev.assay.core.AssaySettings;
import dev.assay.core.CheckResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Writes Allure's {@code environment.properties}: model, data, seed and versions of the run. */
public final class AllureEnvironment {
    private AllureEnvironment() {
    }

    public static Path resultsDir(AssaySettings settings) {
        return Path.of(settings.get(AssayConstants.ALLURE_RESULTS_DIR, "target/allure-results"));
    }

    public static void write(AssaySettings settings, List<CheckResult> results) {
        Map<String, String> env = new LinkedHashMap<>();
        results.stream().map(CheckResult::model).filter(Objects::nonNull).distinct().forEach(m -> {
            env.putIfAbsent("model.id", m.id());
            env.putIfAbsent("model.kind", m.kind());
            if (m.fingerprint() != null) {
                env.putIfAbsent("model.fingerprint", m.fingerprint());
            }
        });
        results.stream().map(CheckResult::data).filter(Objects::nonNull).distinct().forEach(d -> {
            env.putIfAbsent("data.path", d.path());
            env.putIfAbsent("data.sha256", d.sha256());
        });
        env.put("assay.seed", Long.toString(settings.seed()));
        env.put("assay.version", version());
        env.put("java.version", System.getProperty("java.version"));
        Path dir = resultsDir(settings);
        StringBuilder sb = new StringBuilder();
        env.forEach((k, v) -> sb.append(k).append(" = ").append(escape(v)).append('\n'));
        try {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("environment.properties"), sb.toString(), StandardCharsets.ISO_8859_1);
        } catch (IOException e) {
            System.err.println("[assay] cannot write " + dir.resolve("environment.properties") + ": " + e);
        }
    }

    /** Assay's version from the jar manifest, else {@code dev}. */
    public static String version() {
        String v = AllureEnvironment.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    private static String escape(String v) {
        StringBuilder sb = new StringBuilder();
        for (char c : v.toCharArray()) {
            if (c == '\\' || c == '\n' || c == '\r' || c == '=' || c == ':') {
                sb.append('\\');
            }
            sb.append(c < 0x80 ? String.valueOf(c) : String.format("\\u%04x", (int) c));
        }
        return sb.toString();
    }
}
