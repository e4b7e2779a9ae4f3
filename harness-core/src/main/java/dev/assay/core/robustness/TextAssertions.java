package dev.assay.core.robustness;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.assay.core.AssayException;
import dev.assay.core.internal.Json;
import dev.assay.core.internal.Text;
import dev.assay.core.robustness.internal.Fmt;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiFunction;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Entry point for the text output assertions of the {@code expect} check (and of any check that judges text
 * answers). Each factory returns a {@link TextAssertion} whose {@link TextAssertion#describe()} is its scenario
 * syntax, and {@link #of(String, String)} makes one from that syntax:
 *
 * <pre>{@code
 * assert: [{contains: Paris}, {not-contains: PWNED}, {max-length: 200}, {refusal: false}]
 * }</pre>
 *
 * <p>Matching is on the answer as given (case-sensitive) except for {@code icontains}. {@code equals} and
 * {@code similarity} compare after normalising whitespace ({@link #normalise}). Lengths count Unicode code points.
 * A blank or missing answer is never judged: every assertion throws for it, so a check errors instead of passing.
 */
public final class TextAssertions {
    /** The assertion keys, in scenario syntax. */
    public static final List<String> KEYS = List.of("equals", "contains", "icontains", "not-contains", "regex",
            "starts-with", "is-json", "json-schema", "max-length", "similarity", "latency", "refusal");

    private TextAssertions() {
    }

    /** The answer equals {@code expected} after whitespace normalisation. */
    public static TextAssertion equalsTo(String expected) {
        String want = Text.normaliseWhitespace(Objects.requireNonNull(expected, "expected"));
        return of("equals", expected, (a, t) -> Text.normaliseWhitespace(a).equals(want) ? null
                : "answer is not equal to " + quote(expected));
    }

    /** The answer contains {@code text} (case-sensitive). */
    public static TextAssertion contains(String text) {
        requireText(text, "contains");
        return of("contains", text, (a, t) -> a.contains(text) ? null : "answer does not contain " + quote(text));
    }

    /** The answer contains {@code text}, ignoring case. */
    public static TextAssertion icontains(String text) {
        requireText(text, "icontains");
        String low = text.toLowerCase(Locale.ROOT);
        return of("icontains", text, (a, t) -> a.toLowerCase(Locale.ROOT).contains(low) ? null
                : "answer does not contain " + quote(text) + " (ignoring case)");
    }

    /** The answer does not contain {@code text} (case-sensitive). */
    public static TextAssertion notContains(String text) {
        requireText(text, "not-contains");
        return of("not-contains", text, (a, t) -> !a.contains(text) ? null : "answer contains " + quote(text));
    }

    /** Some part of the answer matches the Java regular expression {@code regex}. */
    public static TextAssertion regex(String regex) {
        Pattern p;
        try {
            p = Pattern.compile(Objects.requireNonNull(regex, "regex"));
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("regex: not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex());
        }
        return of("regex", regex, (a, t) -> p.matcher(a).find() ? null : "answer does not match /" + regex + "/");
    }

    /** The answer starts with {@code prefix}, ignoring leading whitespace. */
    public static TextAssertion startsWith(String prefix) {
        requireText(prefix, "starts-with");
        return of("starts-with", prefix, (a, t) -> a.stripLeading().startsWith(prefix) ? null
                : "answer does not start with " + quote(prefix));
    }

    /** The answer is one JSON value (object, array, string, number, boolean or null), surrounding whitespace allowed. */
    public static TextAssertion isJson() {
        return of("is-json", "true", (a, t) -> parseJson(a) != null ? null : "answer is not JSON");
    }

    /**
     * The answer is JSON that validates against the JSON Schema {@code schema} (draft 2020-12 unless the schema names
     * its {@code $schema}).
     *
     * @param schema the schema as JSON text
     * @throws IllegalArgumentException when {@code schema} is not a JSON Schema
     */
    public static TextAssertion jsonSchema(String schema) {
        Objects.requireNonNull(schema, "schema");
        Schema s;
        try {
            JsonNode node = Json.MAPPER.readTree(schema);
            if (node == null || !(node.isObject() || node.isBoolean())) {
                throw new IllegalArgumentException("json-schema: expected a JSON Schema object");
            }
            s = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(schema, InputFormat.JSON);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("json-schema: not JSON: " + e.getOriginalMessage());
        } catch (RuntimeException e) {
            if (e instanceof IllegalArgumentException) {
                throw e;
            }
            throw new IllegalArgumentException("json-schema: not a JSON Schema: " + e.getMessage());
        }
        String shown = compact(schema);
        return of("json-schema", shown, (a, t) -> {
            JsonNode json = parseJson(a);
            if (json == null) {
                return "answer is not JSON";
            }
            List<Error> errors = s.validate(json);
            if (errors.isEmpty()) {
                return null;
            }
            return "answer does not match the schema: " + errors.get(0).toString()
                    + (errors.size() > 1 ? " (and " + (errors.size() - 1) + " more)" : "");
        });
    }

    /** The answer has at most {@code max} Unicode code points. */
    public static TextAssertion maxLength(int max) {
        if (max < 1) {
            throw new IllegalArgumentException("max-length must be at least 1, was " + max);
        }
        return of("max-length", Integer.toString(max), (a, t) -> {
            int len = a.codePointCount(0, a.length());
            return len <= max ? null : "answer has " + len + " characters, more than " + max;
        });
    }

    /**
     * The answer's similarity to {@code reference} (1 minus the Levenshtein distance over the longer length, on code
     * points, after whitespace normalisation) is at least {@code min}.
     */
    public static TextAssertion similarity(String reference, double min) {
        Objects.requireNonNull(reference, "reference");
        if (!(min >= 0 && min <= 1)) {
            throw new IllegalArgumentException("similarity: min must be between 0 and 1, was " + min);
        }
        String ref = Text.normaliseWhitespace(reference);
        com.fasterxml.jackson.databind.node.ObjectNode o = Json.MAPPER.createObjectNode();
        o.put("to", reference);
        o.put("min", min);
        String arg = o.toString();
        return of("similarity", arg, (a, t) -> {
            double s = Text.similarity(Text.normaliseWhitespace(a), ref);
            return s >= min ? null : "similarity " + Fmt.number(s) + " to " + quote(reference) + " is below "
                    + Fmt.number(min);
        });
    }

    /** The model call took at most {@code max}; an unknown latency fails. */
    public static TextAssertion latency(Duration max) {
        Objects.requireNonNull(max, "max");
        if (max.isNegative() || max.isZero()) {
            throw new IllegalArgumentException("latency must be positive, was " + max);
        }
        return of("latency", max.toMillis() + "ms", (a, t) -> t == null ? "latency of the call is unknown"
                : t.compareTo(max) <= 0 ? null : "call took " + t.toMillis() + " ms, more than " + max.toMillis() + " ms");
    }

    /** The answer is a refusal ({@code true}) or is not one ({@code false}), by {@link Refusals#isRefusal}. */
    public static TextAssertion refusal(boolean expected) {
        return of("refusal", Boolean.toString(expected), (a, t) -> Refusals.isRefusal(a) == expected ? null
                : expected ? "answer is not a refusal" : "answer is a refusal");
    }

    /** Shorthand for {@code refusal(true)}. */
    public static TextAssertion isRefusal() {
        return refusal(true);
    }

    /** Shorthand for {@code refusal(false)}. */
    public static TextAssertion isNotRefusal() {
        return refusal(false);
    }

    /**
     * The assertion {@code key: value} in scenario syntax: {@code contains: Paris}, {@code max-length: 200},
     * {@code latency: 2s} (also {@code 500ms}, {@code 1m}, or a number of seconds), {@code refusal: true},
     * {@code is-json: true}, {@code json-schema: <schema as JSON>}. {@code similarity} takes
     * JSON {@code {"to": <text>, "min": <0..1>}} as written by {@link TextAssertion#describe()}; use
     * {@link #similarity(String, double)} from Java.
     *
     * @throws IllegalArgumentException for an unknown key or a bad value, naming the key
     */
    public static TextAssertion of(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, key + ": a value");
        switch (key) {
            case "equals": return equalsTo(value);
            case "contains": return contains(value);
            case "icontains": return icontains(value);
            case "not-contains": return notContains(value);
            case "regex": return regex(value);
            case "starts-with": return startsWith(value);
            case "is-json":
                if (!value.strip().equals("true")) {
                    throw new IllegalArgumentException("is-json: expected true, found '" + value + "'");
                }
                return isJson();
            case "json-schema": return jsonSchema(value);
            case "max-length":
                try {
                    return maxLength(Integer.parseInt(value.strip()));
                } catch (NumberFormatException e) {
                    throw new IllegalArgumentException("max-length: expected a whole number, found '" + value + "'");
                }
            case "latency": return latency(duration(value));
            case "refusal":
                if (!value.strip().equals("true") && !value.strip().equals("false")) {
                    throw new IllegalArgumentException("refusal: expected true or false, found '" + value + "'");
                }
                return refusal(Boolean.parseBoolean(value.strip()));
            case "similarity": {
                JsonNode n;
                try {
                    n = Json.MAPPER.readTree(value);
                } catch (JsonProcessingException e) {
                    n = null;
                }
                if (n == null || !n.path("to").isTextual() || !n.path("min").isNumber()) {
                    throw new IllegalArgumentException("similarity: expected {\"to\": <text>, \"min\": <0..1>}, found '"
                            + value + "'");
                }
                return similarity(n.get("to").asText(), n.get("min").asDouble());
            }
            default:
                throw new IllegalArgumentException("unknown text assertion '" + key + "' (known: "
                        + String.join(", ", KEYS) + ")");
        }
    }

    /** A duration: {@code 250ms}, {@code 2s}, {@code 1m}, or a plain number of seconds. */
    static Duration duration(String text) {
        String t = text.strip();
        try {
            if (t.endsWith("ms")) {
                return Duration.ofMillis(Long.parseLong(t.substring(0, t.length() - 2).strip()));
            }
            if (t.endsWith("s")) {
                return Duration.ofMillis(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).strip()) * 1000));
            }
            if (t.endsWith("m")) {
                return Duration.ofSeconds(Math.round(Double.parseDouble(t.substring(0, t.length() - 1).strip()) * 60));
            }
            return Duration.ofMillis(Math.round(Double.parseDouble(t) * 1000));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("latency: expected a duration such as 500ms or 2s, found '" + text + "'");
        }
    }

    /** Whitespace runs made one space, ends trimmed: how {@code equals} and {@code similarity} compare. */
    public static String normalise(String text) {
        return Text.normaliseWhitespace(text);
    }

    private static void requireText(String text, String key) {
        if (Objects.requireNonNull(text, key).isEmpty()) {
            throw new IllegalArgumentException(key + ": the text must not be empty");
        }
    }

    private static JsonNode parseJson(String a) {
        try {
            com.fasterxml.jackson.core.JsonParser p = Json.MAPPER.getFactory().createParser(a);
            JsonNode n = Json.MAPPER.readTree(p);
            if (n == null || p.nextToken() != null) {
                return null;
            }
            return n;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static String compact(String json) {
        try {
            return Json.MAPPER.writeValueAsString(Json.MAPPER.readTree(json));
        } catch (JsonProcessingException e) {
            return json;
        }
    }

    static String quote(String s) {
        return "'" + s + "'";
    }

    private static TextAssertion of(String key, String arg, BiFunction<String, Duration, String> rule) {
        return new Simple(key + ": " + arg, rule);
    }

    private static final class Simple implements TextAssertion {
        private final String description;
        private final BiFunction<String, Duration, String> rule;

        Simple(String description, BiFunction<String, Duration, String> rule) {
            this.description = description;
            this.rule = rule;
        }

        @Override
        public String describe() {
            return description;
        }

        @Override
        public Optional<String> violation(String answer, Duration latency) {
            if (answer == null || answer.isBlank()) {
                throw new AssayException("cannot judge '" + description + "': the answer is "
                        + (answer == null ? "missing" : "empty") + ", which is an error, never a pass");
            }
            return Optional.ofNullable(rule.apply(answer, latency));
        }

        @Override
        public String toString() {
            return describe();
        }
    }
}
