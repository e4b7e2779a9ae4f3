package dev.assay.junit;

import dev.assay.core.AssayConstants;
import dev.assay.core.AssayException;
import dev.assay.core.Model;
import dev.assay.core.Models;
import dev.assay.core.models.Availability;
import dev.assay.core.models.HttpModel;
import dev.assay.core.models.Protocol;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/** The ONNX and HTTP models of {@link TestModel @TestModel}, made once per run, and their availability. */
final class ModelArtifacts {
    private ModelArtifacts() {
    }

    private record OnnxKey(String location) {
    }

    private record HttpKey(String url, String protocol, String modelName, String cassette) {
    }

    /** The ONNX or HTTP model {@code a} names (cached for the run; closed when the run ends). */
    static Model model(TestModel a, String at, Class<?> testClass, Class<?> declaringClass, ExtensionContext context) {
        if (!a.onnx().isBlank()) {
            Path file = onnxFile(a.onnx(), testClass, declaringClass, at);
            return DataFiles.cached(context, new OnnxKey(file.toAbsolutePath().normalize().toString()),
                    () -> Models.onnx(file));
        }
        AssayRun run = AssayRun.of(context);
        String configured = run.settings().get(AssayConstants.MODEL_URL).orElse(null);
        String url = configured != null ? configured : a.url();
        if (url.isBlank()) {
            throw new ExtensionConfigurationException(at + ": `url` is empty and " + AssayConstants.MODEL_URL
                    + " is not configured; name the endpoint");
        }
        URI uri;
        try {
            uri = URI.create(url.strip());
        } catch (IllegalArgumentException e) {
            throw new ExtensionConfigurationException(at + ": `url` '" + url + "' is not a URL: " + e.getMessage());
        }
        if (uri.getScheme() == null || !(uri.getScheme().equals("http") || uri.getScheme().equals("https"))) {
            throw new ExtensionConfigurationException(at + ": `url` '" + url + "' is not an http(s) URL");
        }
        Protocol protocol;
        try {
            protocol = a.protocol().isBlank() ? Protocol.OPEN_INFERENCE : Protocol.byName(a.protocol());
        } catch (AssayException e) {
            throw new ExtensionConfigurationException(at + ": `protocol` " + e.getMessage());
        }
        HttpKey key = new HttpKey(uri.toString(), protocol.key(), a.modelName(), a.cassette());
        return DataFiles.cached(context, key, () -> {
            HttpModel.Builder b = Models.http(uri).protocol(protocol).settings(run.settings());
            if (!a.modelName().isBlank()) {
                b.modelName(a.modelName());
            }
            if (!a.cassette().isBlank()) {
                b.cassette(Path.of(a.cassette()));
            }
            return b.build();
        });
    }

    /**
     * The ONNX file: a class path resource or file found like a data file, else the path as given (which then
     * reports itself absent).
     */
    private static Path onnxFile(String value, Class<?> testClass, Class<?> declaringClass, String at) {
        DataFiles.Located found;
        try {
            found = DataFiles.locate(value, testClass, declaringClass, at);
        } catch (ExtensionConfigurationException absent) {
            return Path.of(value);
        }
        if (found.path() == null) {
            throw new ExtensionConfigurationException(at + ": `onnx` " + found.name() + " is inside a jar; ONNX"
                    + " Runtime needs a file: give a file path");
        }
        return found.path();
    }

    /**
     * Why the ONNX or HTTP model {@code a} names is unavailable, or {@code null} when it is there. In {@code replay}
     * mode an HTTP model is there when its cassette is.
     */
    static String unavailable(TestModel a, String at, Class<?> testClass, Class<?> declaringClass,
                              ExtensionContext context) {
        if (a.onnx().isBlank()) {
            String mode = AssayRun.of(context).settings().get(AssayConstants.MODEL_MODE).orElse("live");
            if (mode.strip().equalsIgnoreCase("replay")) {
                String id = !a.modelName().isBlank() ? a.modelName() : a.protocol().isBlank()
                        ? Protocol.OPEN_INFERENCE.key() : Protocol.byName(a.protocol()).key();
                Path cassette = !a.cassette().isBlank() ? Path.of(a.cassette())
                        : Path.of("assay-cassettes", id.replaceAll("[^A-Za-z0-9._-]+", "-") + ".jsonl");
                if (!java.nio.file.Files.isRegularFile(cassette)) {
                    return "cassette " + cassette + " does not exist (" + AssayConstants.MODEL_MODE + " = replay)";
                }
            }
        }
        return unavailable(model(a, at, testClass, declaringClass, context));
    }

    /** Why the model is unavailable, or {@code null} when it is there (or cannot be absent). */
    static String unavailable(Model model) {
        if (model instanceof Availability availability) {
            String reason = availability.unavailableReason();
            return reason == null || reason.isEmpty() ? null : reason;
        }
        return null;
    }
}
