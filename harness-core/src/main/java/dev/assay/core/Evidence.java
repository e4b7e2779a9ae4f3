package dev.assay.core;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.assay.core.internal.EvidenceJson;
import dev.assay.core.internal.Json;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The machine-readable record of one run ({@code evidence.json}, schema {@value #SCHEMA}): the suite, the seed,
 * when it started, the model and data tested, and every check's {@link CheckResult}.
 *
 * <p>{@code model} and {@code data} at the top level describe the first check's model and data; each check also
 * names its own, since a run can test several.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"schema", "suite", "seed", "started", "model", "data", "checks"})
public record Evidence(String schema, String suite, long seed, String started, ModelInfo model, DataInfo data,
                       List<JsonNode> checks) {
    /** The schema id written in every evidence file. */
    public static final String SCHEMA = "assay-evidence/1";

    /**
     * Evidence as read or built.
     *
     * @param schema  the schema id, normally {@link #SCHEMA}; not {@code null}
     * @param suite   the suite name, not {@code null}
     * @param seed    the run's seed
     * @param started when the run started, ISO-8601; not {@code null}
     * @param model   the (first) model tested; {@code null} when no check names one
     * @param data    the (first) data tested; {@code null} when no check names any
     * @param checks  the checks as JSON objects, not {@code null}
     */
    @JsonCreator
    public Evidence(@JsonProperty("schema") String schema, @JsonProperty("suite") String suite,
                    @JsonProperty("seed") long seed, @JsonProperty("started") String started,
                    @JsonProperty("model") ModelInfo model, @JsonProperty("data") DataInfo data,
                    @JsonProperty("checks") List<JsonNode> checks) {
        this.schema = Objects.requireNonNull(schema, "schema");
        this.suite = Objects.requireNonNull(suite, "suite");
        this.seed = seed;
        this.started = Objects.requireNonNull(started, "started");
        this.model = model;
        this.data = data;
        this.checks = List.copyOf(checks);
    }

    /** Evidence for {@code results}, in the order given. */
    public static Evidence of(String suite, long seed, String started, List<CheckResult> results) {
        ModelInfo model = results.stream().map(CheckResult::model).filter(Objects::nonNull).findFirst().orElse(null);
        DataInfo data = results.stream().map(CheckResult::data).filter(Objects::nonNull).findFirst().orElse(null);
        List<JsonNode> checks = new ArrayList<>(results.size());
        for (CheckResult r : results) {
            checks.add(EvidenceJson.tree(r));
        }
        return new Evidence(SCHEMA, suite, seed, started, model, data, checks);
    }

    /** The JSON text, pretty-printed, keys in contract order, ending with a newline. */
    public String toJson() {
        return EvidenceJson.write(this);
    }

    /** Reads evidence JSON. */
    public static Evidence parse(String json) {
        try {
            return Json.MAPPER.readValue(json, Evidence.class);
        } catch (JsonProcessingException e) {
            throw new AssayException("not an evidence file: " + e.getOriginalMessage(), e);
        }
    }

    /** The JSON of one check result, as it appears in {@code checks}. */
    public static String toJson(CheckResult result) {
        return EvidenceJson.write(EvidenceJson.tree(result));
    }
}
