package dev.assay.core;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** What data was used: its path (or name), row count and the SHA-256 of its bytes. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@JsonPropertyOrder({"path", "rows", "sha256"})
public record DataInfo(String path, long rows, String sha256) {
    public static DataInfo of(Dataset data) {
        return new DataInfo(data.source(), data.rows(), data.sha256());
    }
}
