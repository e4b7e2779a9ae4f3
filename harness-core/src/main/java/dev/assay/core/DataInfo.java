package dev.assay.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** What data was used: its path (or name), row count and the SHA-256 of its bytes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"path", "rows", "sha256"})
public record DataInfo(String path, long rows, String sha256) {
    /**
     * The info of a dataset: its source, row count and SHA-256.
     *
     * @param data the data, not {@code null}
     */
    public static DataInfo of(Dataset data) {
        return new DataInfo(data.source(), data.rows(), data.sha256());
    }
}
