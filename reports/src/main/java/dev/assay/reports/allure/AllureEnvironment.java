package dev.assay.reports.allure;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.assay.core.AssayConstants;
import dev.assay.core.AssayException;
import dev.assay.core.AssaySettings;
import dev.assay.core.CheckResult;
import dev.assay.core.DataInfo;
import dev.assay.core.ModelInfo;
import dev.assay.reports.internal.Redact;
import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Writes the run-level files of Allure's results directory ({@code allure.results.directory}, default
 * {@code target/allure-results}):
 *
 * <ul>
 *   <li>{@code environment.properties}: the model(s) and data set(s) of the run with their fingerprints, the seed,
 *       and the Assay and Java versions. One model is {@code model.id}, {@code model.kind},
 *       {@code model.fingerprint}; several are numbered {@code model.1.id}, {@code model.2.id}, ... (the same for
 *       {@code data.*}).</li>
 *   <li>{@code categories.json}: "Threshold failures" (failed tests whose message has the shape of an Assay
 *       check failure, which names its decision rule), "Model or data errors" (broken tests) and "Configuration
 *       errors" (messages that point at a scenario file's {@code file:line:column} or at a configuration
 *       key).</li>
 *   <li>{@code executor.json}: the CI build, from the standard variables of GitHub Actions, GitLab CI or Jenkins;
 *       not written outside CI. URLs are written without any user information they may carry.</li>
 * </ul>
 */
public final class AllureEnvironment {
    /** File names inside the results directory. */
    public static final String ENVIRONMENT_FILE = "environment.properties";
    public static final String CATEGORIES_FILE = "categories.json";
    public static final String EXECUTOR_FILE = "executor.json";

    /** Regex alternatives of a configuration error: a scenario's {@code file:line:column}, a bad setting. */
    static final String CONFIGURATION_SHAPE = "\\.(?:ya?ml|json):\\d+:\\d+|\\bconfiguration [A-Za-z][\\w.-]* = "
            + "|\\b[Ii]nvalid configuration\\b";
    /** Regex alternatives of an Assay threshold failure: the message names its decision rule. */
    static final String THRESHOLD_SHAPE = "\\(decision: (?:point|strict|lenient)\\)|\\bdecision rule\\b";

    /**
     * Three small JSON files are written with a generator (Jackson's default pretty printer, the layout that
     * {@code ObjectMapper.writerWithDefaultPrettyPrinter()} gave): in the cold JVM of a run, a mapper of its own
     * and its introspection of maps and lists cost more than the files.
     */
    private static final JsonFactory JSON = new JsonFactory();

    private AllureEnvironment() {
    }

    /** The Allure results directory that {@code settings} name. */
    public static Path resultsDir(AssaySettings settings) {
        return Path.of(settings.get(AssayConstants.ALLURE_RESULTS_DIR, "target/allure-results"));
    }

    /** Writes {@code environment.properties} for {@code results} into {@link #resultsDir(AssaySettings)}. */
    public static void write(AssaySettings settings, List<CheckResult> results) {
        Path dir = resultsDir(settings);
        writeFile(dir, ENVIRONMENT_FILE, propertiesText(properties(settings.seed(), results)),
                StandardCharsets.ISO_8859_1);
    }

    /**
     * Writes {@code environment.properties}, {@code categories.json} and, on CI, {@code executor.json} into
     * {@link #resultsDir(AssaySettings)}, with CI information from this process's environment.
     */
    public static void writeRunFiles(AssaySettings settings, List<CheckResult> results) {
        writeRunFiles(resultsDir(settings), settings.seed(), results, System.getenv());
    }

    /**
     * Writes {@code environment.properties}, {@code categories.json} and, when {@code environment} shows a CI
     * build, {@code executor.json} into {@code resultsDir}.
     *
     * @throws AssayException when a file cannot be written (naming the file)
     */
    public static void writeRunFiles(Path resultsDir, long seed, List<CheckResult> results,
                                     Map<String, String> environment) {
        Objects.requireNonNull(resultsDir, "resultsDir");
        writeFile(resultsDir, ENVIRONMENT_FILE, propertiesText(properties(seed, results)), StandardCharsets.ISO_8859_1);
        writeFile(resultsDir, CATEGORIES_FILE, categoriesJson(), StandardCharsets.UTF_8);
        Optional<String> executor = executorJson(environment);
        if (executor.isPresent()) {
            writeFile(resultsDir, EXECUTOR_FILE, executor.get(), StandardCharsets.UTF_8);
        }
    }

    /** Assay's version from the jar manifest, else {@code dev}. */
    public static String version() {
        String v = AllureEnvironment.class.getPackage().getImplementationVersion();
        return v != null ? v : "dev";
    }

    // ---------------------------------------------------------------- environment.properties

    /** The environment entries, in the order written. */
    static Map<String, String> properties(long seed, List<CheckResult> results) {
        Map<String, String> env = new LinkedHashMap<>();
        // distinct by the records' components, in order of appearance; loops and field comparisons rather than a
        // stream's distinct(): a record's first equals/hashCode links its ObjectMethods bootstrap, costly when cold
        List<ModelInfo> models = new ArrayList<>();
        for (CheckResult r : results) {
            ModelInfo m = r.model();
            if (m != null && !containsModel(models, m)) {
                models.add(m);
            }
        }
        for (int i = 0; i < models.size(); i++) {
            String prefix = models.size() == 1 ? "model." : "model." + (i + 1) + ".";
            ModelInfo m = models.get(i);
            env.put(prefix + "id", Redact.text(m.id()));
            env.put(prefix + "kind", m.kind());
            if (m.fingerprint() != null) {
                env.put(prefix + "fingerprint", m.fingerprint());
            }
        }
        List<DataInfo> data = new ArrayList<>();
        for (CheckResult r : results) {
            DataInfo d = r.data();
            if (d != null && !containsData(data, d)) {
                data.add(d);
            }
        }
        for (int i = 0; i < data.size(); i++) {
            String prefix = data.size() == 1 ? "data." : "data." + (i + 1) + ".";
            DataInfo d = data.get(i);
            if (d.path() != null) {
                env.put(prefix + "path", Redact.text(d.path()));
            }
            env.put(prefix + "rows", Long.toString(d.rows()));
            if (d.sha256() != null) {
                env.put(prefix + "sha256", d.sha256());
            }
        }
        env.put("assay.seed", Long.toString(seed));
        env.put("assay.version", version());
        env.put("java.version", System.getProperty("java.version"));
        return env;
    }

    /**
     * Whether {@code list} holds a model equal to {@code m}: every component, as the record's equals
     * ({@code AllureEnvironmentTest} fails when the record gains a component this does not compare).
     */
    private static boolean containsModel(List<ModelInfo> list, ModelInfo m) {
        for (ModelInfo x : list) {
            if (Objects.equals(x.id(), m.id()) && Objects.equals(x.kind(), m.kind())
                    && Objects.equals(x.fingerprint(), m.fingerprint())) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether {@code list} holds a data set equal to {@code d}: every component, as the record's equals
     * ({@code AllureEnvironmentTest} fails when the record gains a component this does not compare).
     */
    private static boolean containsData(List<DataInfo> list, DataInfo d) {
        for (DataInfo x : list) {
            if (Objects.equals(x.path(), d.path()) && x.rows() == d.rows() && Objects.equals(x.sha256(), d.sha256())) {
                return true;
            }
        }
        return false;
    }

    /** {@code key=value} lines in {@link java.util.Properties} syntax (ISO-8859-1 with unicode escapes). */
    static String propertiesText(Map<String, String> entries) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : entries.entrySet()) {
            sb.append(escape(e.getKey(), true)).append('=').append(escape(e.getValue(), false)).append('\n');
        }
        return sb.toString();
    }

    private static String escape(String s, boolean key) {
        StringBuilder sb = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\f' -> sb.append("\\f");
                case '=', ':', '#', '!' -> sb.append('\\').append(c);
                case ' ' -> sb.append(key || i == 0 ? "\\ " : " ");
                default -> {
                    if (c < 0x20 || c > 0x7e) {
                        sb.append("\\u").append(HEX[c >> 12 & 0xf]).append(HEX[c >> 8 & 0xf]).append(HEX[c >> 4 & 0xf])
                                .append(HEX[c & 0xf]);
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.toString();
    }

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    // ---------------------------------------------------------------- categories.json

    /** Allure categories that tell threshold failures, model or data errors and configuration errors apart. */
    static String categoriesJson() {
        String notConfiguration = "(?![\\s\\S]*(?:" + CONFIGURATION_SHAPE + "))";
        List<Map<String, Object>> categories = List.of(
                category("Threshold failures", List.of("failed"),
                        notConfiguration + "[\\s\\S]*(?:" + THRESHOLD_SHAPE + ")[\\s\\S]*"),
                category("Model or data errors", List.of("broken"), notConfiguration + "[\\s\\S]*"),
                category("Configuration errors", List.of("failed", "broken"),
                        "[\\s\\S]*(?:" + CONFIGURATION_SHAPE + ")[\\s\\S]*"));
        return json(categories);
    }

    private static Map<String, Object> category(String name, List<String> statuses, String messageRegex) {
        Map<String, Object> c = new LinkedHashMap<>();
        c.put("name", name);
        c.put("matchedStatuses", statuses);
        c.put("messageRegex", messageRegex);
        return c;
    }

    // ---------------------------------------------------------------- executor.json

    /** Allure's executor information for the CI build that {@code env} describes, if any. */
    static Optional<String> executorJson(Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        Map<String, Object> e = new LinkedHashMap<>();
        if ("true".equalsIgnoreCase(get(env, "GITHUB_ACTIONS"))) {
            String server = Optional.ofNullable(get(env, "GITHUB_SERVER_URL")).orElse("https://github.com");
            String repo = get(env, "GITHUB_REPOSITORY");
            String runId = get(env, "GITHUB_RUN_ID");
            String runNumber = get(env, "GITHUB_RUN_NUMBER");
            String workflow = get(env, "GITHUB_WORKFLOW");
            e.put("name", "GitHub Actions");
            e.put("type", "github");
            put(e, "url", repo == null ? null : url(stripSlash(server) + "/" + repo));
            put(e, "buildOrder", number(runNumber != null ? runNumber : runId));
            String build = runNumber != null ? runNumber : runId;
            put(e, "buildName", build == null ? null : (workflow != null ? workflow : "GitHub Actions") + " #" + build);
            put(e, "buildUrl", repo == null || runId == null ? null
                    : url(stripSlash(server) + "/" + repo + "/actions/runs/" + runId));
        } else if (get(env, "GITLAB_CI") != null) {
            String pipeline = get(env, "CI_PIPELINE_ID");
            String job = get(env, "CI_JOB_NAME");
            e.put("name", "GitLab CI");
            e.put("type", "gitlab");
            put(e, "url", url(get(env, "CI_PROJECT_URL")));
            put(e, "buildOrder", number(pipeline));
            put(e, "buildName", pipeline == null ? null : (job != null ? job + " in pipeline #" : "pipeline #") + pipeline);
            String jobUrl = url(get(env, "CI_JOB_URL"));
            put(e, "buildUrl", jobUrl != null ? jobUrl : url(get(env, "CI_PIPELINE_URL")));
        } else if (get(env, "JENKINS_URL") != null) {
            String number = get(env, "BUILD_NUMBER");
            String job = get(env, "JOB_NAME");
            e.put("name", "Jenkins");
            e.put("type", "jenkins");
            put(e, "url", url(get(env, "JENKINS_URL")));
            put(e, "buildOrder", number(number));
            put(e, "buildName", number == null ? null : (job != null ? job : "build") + " #" + number);
            put(e, "buildUrl", url(get(env, "BUILD_URL")));
        } else {
            return Optional.empty();
        }
        return Optional.of(json(e));
    }

    private static String get(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    private static void put(Map<String, Object> map, String key, Object value) {
        if (value != null) {
            map.put(key, value);
        }
    }

    private static Long number(String s) {
        if (s == null) {
            return null;
        }
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String stripSlash(String s) {
        return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
    }

    /** An http(s) URL without user information (a token in {@code https://user:token@host} never leaks). */
    static String url(String s) {
        if (s == null) {
            return null;
        }
        try {
            URI u = new URI(s);
            if (u.getScheme() == null || u.getHost() == null
                    || !(u.getScheme().equalsIgnoreCase("http") || u.getScheme().equalsIgnoreCase("https"))) {
                return null;
            }
            return new URI(u.getScheme(), null, u.getHost(), u.getPort(), u.getRawPath() == null ? null : u.getPath(),
                    null, null).toString();
        } catch (URISyntaxException e) {
            return null;
        }
    }

    // ---------------------------------------------------------------- files

    /** Maps, lists, strings and numbers as pretty-printed JSON and a newline. */
    private static String json(Object value) {
        StringWriter out = new StringWriter(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.useDefaultPrettyPrinter();
            write(g, value);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.append('\n').toString();
    }

    private static void write(JsonGenerator g, Object value) throws IOException {
        if (value instanceof Map<?, ?> map) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                g.writeFieldName((String) e.getKey());
                write(g, e.getValue());
            }
            g.writeEndObject();
        } else if (value instanceof List<?> list) {
            g.writeStartArray();
            for (Object o : list) {
                write(g, o);
            }
            g.writeEndArray();
        } else if (value instanceof Long n) {
            g.writeNumber(n);
        } else if (value instanceof String s) {
            g.writeString(s);
        } else {
            throw new IllegalArgumentException("not a JSON value of the run files: " + value);
        }
    }

    private static void writeFile(Path dir, String name, String content, java.nio.charset.Charset charset) {
        Path file = dir.resolve(name);
        try {
            Files.createDirectories(dir);
            Files.writeString(file, content, charset);
        } catch (IOException e) {
            throw new AssayException("cannot write Allure's " + file + ": " + e, e);
        }
    }
}
