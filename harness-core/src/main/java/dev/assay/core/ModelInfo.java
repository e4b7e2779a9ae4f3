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
    public ModelInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
    }
}
