package dev.assay.reports.allure.internal;

import io.qameta.allure.AllureResultsWriteException;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.UUID;

/**
 * Allure's results writer with the JSON written by {@link AllureResultsJson}: the same files, names and bytes as
 * Allure's {@code FileSystemResultsWriter} (without its clean-before-run and indented-output options, for which
 * {@code AllureResultsWriters} keeps Allure's writer), but no shaded Jackson mapper to build first.
 */
public final class AssayResultsWriter implements AllureResultsWriter {
    private final Path dir;

    public AssayResultsWriter(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir");
    }

    /** The results directory. */
    public Path dir() {
        return dir;
    }

    @Override
    public void write(TestResult result) {
        String uuid = result.getUuid() != null ? result.getUuid() : UUID.randomUUID().toString();
        Path file = directory().resolve(uuid + "-result.json");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 8192)) {
            AllureResultsJson.write(result, out);
        } catch (IOException | RuntimeException e) {
            throw new AllureResultsWriteException("Could not write Allure test result", e);
        }
    }

    @Override
    public void write(TestResultContainer container) {
        String uuid = container.getUuid() != null ? container.getUuid() : UUID.randomUUID().toString();
        Path file = directory().resolve(uuid + "-container.json");
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 8192)) {
            AllureResultsJson.write(container, out);
        } catch (IOException | RuntimeException e) {
            throw new AllureResultsWriteException("Could not write Allure test result container", e);
        }
    }

    @Override
    public void write(String source, InputStream attachment) {
        Path file = directory().resolve(source);
        try (InputStream in = attachment) {
            Files.copy(in, file);
        } catch (IOException e) {
            throw new AllureResultsWriteException("Could not write Allure attachment", e);
        }
    }

    private Path directory() {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new AllureResultsWriteException("Could not create Allure results directory", e);
        }
    }
}
