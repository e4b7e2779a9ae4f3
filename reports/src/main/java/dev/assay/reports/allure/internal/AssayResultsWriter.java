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
        writeJson(result.getUuid(), "-result.json", result, "Could not write Allure test result");
    }

    @Override
    public void write(TestResultContainer container) {
        writeJson(container.getUuid(), "-container.json", container, "Could not write Allure test result container");
    }

    /**
     * Writes a test result or container as {@code <uuid><suffix>} (a random uuid when there is none), replacing a
     * file of that name. (No lambda: this runs first in a fresh JVM's first test.)
     */
    private void writeJson(String uuid, String suffix, Object model, String failure) {
        String name = (uuid != null ? uuid : UUID.randomUUID().toString()) + suffix;
        Path file = directory().resolve(name);
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 8192)) {
            if (model instanceof TestResult result) {
                AllureResultsJson.write(result, out);
            } else {
                AllureResultsJson.write((TestResultContainer) model, out);
            }
        } catch (IOException | RuntimeException e) {
            throw new AllureResultsWriteException(failure, e);
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
