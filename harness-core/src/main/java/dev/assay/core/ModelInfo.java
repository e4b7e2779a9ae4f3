package dev.assay.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.util.Objects;

/**
 * What model was tested: its id, its kind ({@code predictions}, {@code http}, {@code onnx}, {@code java}) and a
 * fingerprint ({@code sha256:<hex>}) that changes when the model changes.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"id", "kind", "fingerprint"})
public record ModelInfo(String id, String kind, String fingerprint) {
    /**
     * Model metadata.
     *
     * @param id          the model's id, not {@code null}
     * @param kind        {@code predictions}, {@code http}, {@code onnx} or {@code java}; not {@code null}
     * @param fingerprint {@code sha256:<hex>}; {@code null} when not known
     */
    public ModelInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }
}
