package dev.assay.reports;

import dev.assay.core.AssayException;
import dev.assay.core.Evidence;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** Writes {@code evidence.json} atomically (a temporary file moved into place). */
public final class EvidenceWriter {
    /** The file name inside the evidence directory. */
    public static final String FILE_NAME = "evidence.json";

    /**
     * The class-path resource of the JSON Schema (draft 2020-12) that every evidence file validates against:
     * {@value}.
     */
    public static final String SCHEMA_RESOURCE = "/dev/assay/reports/evidence.schema.json";

    private EvidenceWriter() {
    }

    /** Writes {@code evidence} to {@code dir/evidence.json} and returns that path. */
    public static Path write(Evidence evidence, Path dir) {
        return write(evidence.toJson(), dir);
    }

    /** Writes {@code json} (an evidence's {@link Evidence#toJson()}) to {@code dir/evidence.json}. */
    static Path write(String json, Path dir) {
        try {
            Files.createDirectories(dir);
            Path target = dir.resolve(FILE_NAME);
            Path tmp = Files.createTempFile(dir, "evidence", ".tmp");
            Files.writeString(tmp, json, StandardCharsets.UTF_8);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return target;
        } catch (IOException e) {
            throw new AssayException("cannot write the evidence to " + dir + ": " + e.getMessage(), e);
        }
    }
}
