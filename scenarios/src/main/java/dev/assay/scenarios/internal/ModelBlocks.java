package dev.assay.scenarios.internal;

import dev.assay.core.AssayException;
import dev.assay.core.AssaySettings;
import dev.assay.core.Model;
import dev.assay.core.models.HttpModel;
import dev.assay.core.models.ModelMode;
import dev.assay.core.models.OnnxModel;
import dev.assay.core.models.Protocol;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code http:} and {@code onnx:} bodies of a scenario's {@code model:} block, each key mapped to the builder
 * method of the same name in camelCase ({@link HttpModel.Builder}, {@link OnnxModel.Builder}). Header values are
 * secrets: no message repeats them.
 */
public final class ModelBlocks {
    public static final List<String> HTTP_KEYS = List.of("url", "protocol", "id", "model-name", "features", "exclude",
            "input-layout", "input-name", "format", "route", "input-field", "output-field", "label-output",
            "score-output", "class-labels", "positive", "threshold", "prompt-column", "prompt-template", "system",
            "temperature", "max-tokens", "seed", "samples", "samples-mode", "request-template", "label-pointer",
            "score-pointer", "text-pointer", "headers", "batch-size", "concurrency", "connect-timeout", "timeout",
            "retries", "backoff", "max-backoff", "requests-per-second", "max-calls", "max-tokens-total", "cache",
            "cassette", "mode", "jitter-seed", "progress-interval");
    public static final List<String> ONNX_KEYS = List.of("path", "id", "features", "exclude", "label-output",
            "score-output", "class-labels", "positive", "threshold", "batch-size");
    static final List<String> PROTOCOLS = Arrays.stream(Protocol.values()).map(Protocol::key).toList();
    static final List<String> LAYOUTS = List.of("columns", "matrix");
    static final List<String> FORMATS = List.of("dataframe_split", "dataframe_records", "instances", "inputs");
    static final List<String> SAMPLES_MODES = List.of("auto", "repeat");
    static final List<String> MODES = List.of("live", "record", "replay");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

    private ModelBlocks() {
    }

    /** {@code http: {...}}: a builder configured at load time, built (with the run's settings) on first use. */
    public static Function<AssaySettings, Model> http(Fields f, ScenarioContext ctx) {
        Problems problems = f.problems();
        int before = problems.size();
        List<Consumer<HttpModel.Builder>> steps = new ArrayList<>();
        String url = f.string("url", true);
        URI uri = null;
        if (url != null) {
            try {
                uri = new URI(url.strip());
                if (uri.getScheme() == null || !(uri.getScheme().equalsIgnoreCase("http")
                        || uri.getScheme().equalsIgnoreCase("https")) || uri.getHost() == null) {
                    problems.at(f.get("url"), f.path("url") + ": expected an http:// or https:// URL with a host,"
                            + " found '" + shown(url) + "'");
                    uri = null;
                }
            } catch (URISyntaxException e) {
                problems.at(f.get("url"), f.path("url") + ": not a valid URL: '" + shown(url) + "'");
            }
        }
        String protocol = f.oneOf("protocol", PROTOCOLS, false);
        if (protocol != null) {
            steps.add(b -> b.protocol(protocol));
        }
        str(f, "id", steps, HttpModel.Builder::id);
        str(f, "model-name", steps, HttpModel.Builder::modelName);
        columns(f, ctx, "features", steps, HttpModel.Builder::features);
        columns(f, ctx, "exclude", steps, HttpModel.Builder::exclude);
        String layout = f.oneOf("input-layout", LAYOUTS, false);
        if (layout != null) {
            steps.add(b -> b.inputLayout(layout));
        }
        str(f, "input-name", steps, HttpModel.Builder::inputName);
        String format = f.oneOf("format", FORMATS, false);
        if (format != null) {
            steps.add(b -> b.format(format));
        }
        str(f, "route", steps, HttpModel.Builder::route);
        str(f, "input-field", steps, HttpModel.Builder::inputField);
        str(f, "output-field", steps, HttpModel.Builder::outputField);
        str(f, "label-output", steps, HttpModel.Builder::labelOutput);
        str(f, "score-output", steps, HttpModel.Builder::scoreOutput);
        List<Node> classes = f.strings("class-labels");
        if (classes != null) {
            List<String> labels = classes.stream().map(Node::text).toList();
            steps.add(b -> b.classLabels(labels));
        }
        str(f, "positive", steps, HttpModel.Builder::positive);
        Double threshold = f.number("threshold");
        if (threshold != null) {
            steps.add(b -> b.threshold(threshold));
        }
        String promptColumn = f.string("prompt-column", false);
        if (promptColumn != null) {
            ctx.requireColumn(f.get("prompt-column"), f.path("prompt-column"), "prompt");
            steps.add(b -> b.promptColumn(promptColumn));
        }
        str(f, "prompt-template", steps, HttpModel.Builder::promptTemplate);
        str(f, "system", steps, HttpModel.Builder::system);
        Double temperature = f.number("temperature");
        if (temperature != null) {
            steps.add(b -> b.temperature(temperature));
        }
        Integer maxTokens = f.integer("max-tokens", 1);
        if (maxTokens != null) {
            steps.add(b -> b.maxTokens(maxTokens));
        }
        Long seed = f.integer("seed");
        if (seed != null) {
            steps.add(b -> b.seed(seed));
        }
        Integer samples = f.integer("samples", 1);
        if (samples != null) {
            steps.add(b -> b.samples(samples));
        }
        String samplesMode = f.oneOf("samples-mode", SAMPLES_MODES, false);
        if (samplesMode != null) {
            steps.add(b -> b.samplesMode(samplesMode));
        }
        str(f, "request-template", steps, HttpModel.Builder::requestTemplate);
        str(f, "label-pointer", steps, HttpModel.Builder::labelPointer);
        str(f, "score-pointer", steps, HttpModel.Builder::scorePointer);
        str(f, "text-pointer", steps, HttpModel.Builder::textPointer);
        headers(f, steps);
        Integer batch = f.integer("batch-size", 1);
        if (batch != null) {
            steps.add(b -> b.batchSize(batch));
        }
        Integer concurrency = f.integer("concurrency", 1);
        if (concurrency != null) {
            steps.add(b -> b.concurrency(concurrency));
        }
        duration(f, "connect-timeout", steps, HttpModel.Builder::connectTimeout);
        duration(f, "timeout", steps, HttpModel.Builder::timeout);
        Integer retries = f.integer("retries", 0);
        if (retries != null) {
            steps.add(b -> b.retries(retries));
        }
        duration(f, "backoff", steps, HttpModel.Builder::backoff);
        duration(f, "max-backoff", steps, HttpModel.Builder::maxBackoff);
        Double rps = f.number("requests-per-second");
        if (rps != null) {
            if (rps < 0) {
                problems.at(f.get("requests-per-second"), f.path("requests-per-second")
                        + ": expected 0 (no limit) or more, found " + rps);
            } else {
                steps.add(b -> b.requestsPerSecond(rps));
            }
        }
        Integer maxCalls = f.integer("max-calls", 0);
        if (maxCalls != null) {
            steps.add(b -> b.maxCalls(maxCalls));
        }
        Integer maxTokensTotal = f.integer("max-tokens-total", 0);
        if (maxTokensTotal != null) {
            steps.add(b -> b.maxTokensTotal(maxTokensTotal));
        }
        Boolean cache = f.bool("cache");
        if (cache != null) {
            steps.add(b -> b.cache(cache));
        }
        String cassette = f.string("cassette", false);
        if (cassette != null) {
            Path file = (ctx.dir() == null ? Path.of("") : ctx.dir()).resolve(cassette).normalize();
            steps.add(b -> b.cassette(file));
        }
        String mode = f.oneOf("mode", MODES, false);
        if (mode != null) {
            steps.add(b -> b.mode(ModelMode.parse(mode)));
        }
        Long jitter = f.integer("jitter-seed");
        if (jitter != null) {
            steps.add(b -> b.jitterSeed(jitter));
        }
        duration(f, "progress-interval", steps, HttpModel.Builder::progressInterval);
        if (problems.size() > before || uri == null) {
            return null;
        }
        URI base = uri;
        // apply once now so that option errors are reported at load time, at the block
        try {
            HttpModel.Builder probe = HttpModel.builder(base);
            steps.forEach(s -> s.accept(probe));
        } catch (RuntimeException e) {
            problems.at(f.node(), f.path("") .replaceAll("\\.$", "") + ": " + safe(e));
            return null;
        }
        return settings -> {
            HttpModel.Builder b = HttpModel.builder(base).settings(settings);
            steps.forEach(s -> s.accept(b));
            return b.build();
        };
    }

    /** {@code onnx: {path, ...}}: the file must exist when the scenario is loaded. */
    public static Function<AssaySettings, Model> onnx(Fields f, ScenarioContext ctx) {
        Problems problems = f.problems();
        int before = problems.size();
        List<Consumer<OnnxModel.Builder>> steps = new ArrayList<>();
        String path = f.string("path", true);
        Path file = path == null ? null : ctx.requireFile(f.get("path"), f.path("path"));
        str(f, "id", steps, OnnxModel.Builder::id);
        columns(f, ctx, "features", steps, OnnxModel.Builder::features);
        columns(f, ctx, "exclude", steps, OnnxModel.Builder::exclude);
        str(f, "label-output", steps, OnnxModel.Builder::labelOutput);
        str(f, "score-output", steps, OnnxModel.Builder::scoreOutput);
        List<Node> classes = f.strings("class-labels");
        if (classes != null) {
            List<String> labels = classes.stream().map(Node::text).toList();
            steps.add(b -> b.classLabels(labels));
        }
        str(f, "positive", steps, OnnxModel.Builder::positive);
        Double threshold = f.number("threshold");
        if (threshold != null) {
            steps.add(b -> b.threshold(threshold));
        }
        Integer batch = f.integer("batch-size", 1);
        if (batch != null) {
            steps.add(b -> b.batchSize(batch));
        }
        if (problems.size() > before || file == null) {
            return null;
        }
        return settings -> {
            OnnxModel.Builder b = OnnxModel.builder(file);
            steps.forEach(s -> s.accept(b));
            return b.build();
        };
    }

    private static <B> void str(Fields f, String key, List<Consumer<B>> steps,
                                java.util.function.BiConsumer<B, String> setter) {
        String v = f.string(key, false);
        if (v != null) {
            steps.add(b -> setter.accept(b, v));
        }
    }

    private static <B> void columns(Fields f, ScenarioContext ctx, String key, List<Consumer<B>> steps,
                                    java.util.function.BiConsumer<B, List<String>> setter) {
        List<Node> nodes = f.strings(key);
        if (nodes == null) {
            return;
        }
        List<String> cols = new ArrayList<>();
        for (Node n : nodes) {
            ctx.requireColumn(n, f.path(key), key.equals("features") ? "feature" : "excluded");
            cols.add(n.text());
        }
        steps.add(b -> setter.accept(b, cols));
    }

    private static <B> void duration(Fields f, String key, List<Consumer<B>> steps,
                                     java.util.function.BiConsumer<B, Duration> setter) {
        Node n = f.get(key);
        if (n == null) {
            return;
        }
        Duration d = n.isScalar() && n.text() != null ? parseDuration(n.text()) : null;
        if (d == null) {
            f.problems().at(n, f.path(key) + ": expected a duration such as 5s, 200ms, 1m or 1h, found "
                    + n.describe());
            return;
        }
        steps.add(b -> setter.accept(b, d));
    }

    /** {@code 5s}, {@code 200ms}, {@code 1.5s}, {@code 1m}, {@code 1h}; {@code null} when not a duration. */
    static Duration parseDuration(String text) {
        Matcher m = DURATION.matcher(text.strip().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            return null;
        }
        double v = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2)) {
            case "ms" -> v;
            case "s" -> v * 1000;
            case "m" -> v * 60_000;
            default -> v * 3_600_000;
        };
        return Duration.ofMillis(Math.round(millis));
    }

    /** {@code headers: {Name: value}}: values are never shown in messages. */
    private static void headers(Fields f, List<Consumer<HttpModel.Builder>> steps) {
        Node n = f.get("headers");
        if (n == null) {
            return;
        }
        if (!n.isMap()) {
            f.problems().at(n, f.path("headers") + ": expected a map of header name to value, found "
                    + (n.isScalar() ? "a single value" : n.describe()));
            return;
        }
        for (Map.Entry<String, Node> e : n.entries().entrySet()) {
            Node v = e.getValue();
            String name = e.getKey();
            if (!v.isScalar() || v.scalar() == Node.Scalar.NULL) {
                f.problems().at(v, f.path("headers") + "." + name + ": expected a text value (not shown: header"
                        + " values are secrets), found " + (v.isScalar() ? "nothing (null)" : v.describe()));
            } else if (!name.matches("[!#$%&'*+.^_`|~0-9A-Za-z-]+")) {
                f.problems().at(n.key(name), f.path("headers") + ": '" + name + "' is not a valid header name");
            } else {
                String value = v.text();
                if (value.indexOf('\n') >= 0 || value.indexOf('\r') >= 0) {
                    f.problems().at(v, f.path("headers") + "." + name + ": the value (not shown) contains a line"
                            + " break");
                } else {
                    steps.add(b -> b.header(name, value));
                }
            }
        }
    }

    /** A URL for messages: user info and query (which may carry credentials) are masked. */
    static String shown(String url) {
        return url.replaceAll("(?<=//)[^/@?#]*@", "***@").replaceAll("\\?.*", "?***");
    }

    /** An exception's message, without anything that could be a header value. */
    private static String safe(RuntimeException e) {
        return e instanceof AssayException || e instanceof IllegalArgumentException ? e.getMessage()
                : e.getClass().getSimpleName();
    }
}
