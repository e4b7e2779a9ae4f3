package dev.assay.examples.evidence;

import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.assay.reports.EvidenceWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The evidence schema shipped in {@code assay-reports} ({@link EvidenceWriter#SCHEMA_RESOURCE}), draft 2020-12. */
final class EvidenceSchema {
    private static final Schema SCHEMA = load();

    private EvidenceSchema() {
    }

    private static Schema load() {
        try (InputStream in = EvidenceSchema.class.getResourceAsStream(EvidenceWriter.SCHEMA_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException(EvidenceWriter.SCHEMA_RESOURCE + " is not on the class path");
            }
            return SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
                    .getSchema(new String(in.readAllBytes(), StandardCharsets.UTF_8), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The schema errors of an evidence file; empty when it validates. */
    static List<Error> errors(Path evidenceFile) throws IOException {
        return SCHEMA.validate(Files.readString(evidenceFile), InputFormat.JSON);
    }

    /** The schema errors of an evidence document. */
    static List<Error> errors(JsonNode evidence) {
        return SCHEMA.validate(evidence);
    }
}
