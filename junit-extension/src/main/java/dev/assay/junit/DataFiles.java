package dev.assay.junit;

import dev.assay.core.AssayException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Finds the files that annotations name (class path resource next to the test class, absolute class path
 * resource, file relative to the working directory) and caches what was loaded from them for the run.
 */
final class DataFiles {
    private DataFiles() {
    }

    /** A located file: a stable location for caching and a name for messages and evidence. */
    record Located(URL url, Path path, String location, String name) {
        /** Loads from a file system path; a resource inside a jar is copied to a temporary file for that. */
        <T> T load(Function<Path, T> loader) {
            if (path != null) {
                return loader.apply(path);
            }
            Path dir = null;
            Path copy = null;
            try {
                dir = Files.createTempDirectory("assay-");
                String file = location.substring(location.lastIndexOf('/') + 1);
                copy = dir.resolve(file.isEmpty() ? "data" : file);
                try (InputStream in = url.openStream()) {
                    Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
                }
                return loader.apply(copy);
            } catch (IOException e) {
                throw new AssayException(name + ": cannot read (" + e.getMessage() + ")", e);
            } finally {
                try {
                    if (copy != null) {
                        Files.deleteIfExists(copy);
                    }
                    if (dir != null) {
                        Files.deleteIfExists(dir);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
    }

    /** What makes a loaded data file reusable: where it is and how it was read (not the column roles). */
    record DatasetKey(String location, char separator, char quote, List<String> columns, int skipLines,
                      boolean trim, Set<String> missing) {
    }

    /** A predictions file and its column. */
    record PredictionsKey(String location, String column) {
    }

    /**
     * Locates {@code value}: relative to {@code testClass}'s package, then to {@code declaringClass}'s, then as an
     * absolute class path resource, then as a file. {@code subject} starts the error message.
     */
    static Located locate(String value, Class<?> testClass, Class<?> declaringClass, String subject) {
        List<String> looked = new ArrayList<>();
        if (!value.startsWith("/")) {
            for (Class<?> c : declaringClass == testClass ? List.of(testClass) : List.of(testClass, declaringClass)) {
                String resource = packagePath(c) + value;
                looked.add("class path resource " + resource + " (next to " + c.getSimpleName() + ")");
                URL url = c.getResource(value);
                if (url != null) {
                    return located(url, resource);
                }
            }
        }
        String absolute = value.startsWith("/") ? value.substring(1) : value;
        ClassLoader loader = testClass.getClassLoader();
        looked.add("class path resource " + absolute);
        URL url = loader == null ? null : loader.getResource(absolute);
        if (url != null) {
            return located(url, absolute);
        }
        Path file = Path.of(value);
        looked.add("file " + file.toAbsolutePath().normalize());
        if (Files.isRegularFile(file)) {
            return new Located(null, file, file.toAbsolutePath().normalize().toString(), value);
        }
        throw new ExtensionConfigurationException(subject + ": file not found; looked for "
                + String.join(", ", looked));
    }

    private static Located located(URL url, String resource) {
        Path path = null;
        if ("file".equals(url.getProtocol())) {
            try {
                path = Path.of(url.toURI());
            } catch (URISyntaxException | IllegalArgumentException e) {
                path = null;
            }
        }
        return new Located(url, path, url.toExternalForm(), "classpath:" + resource);
    }

    private static String packagePath(Class<?> c) {
        String pkg = c.getPackageName();
        return pkg.isEmpty() ? "" : pkg.replace('.', '/') + "/";
    }

    /** The value loaded once per run for {@code key}, kept in the root context's store. */
    @SuppressWarnings("deprecation") // getOrComputeIfAbsent: deprecated in JUnit 6, the only choice on 5.14
    static <T> T cached(ExtensionContext context, Object key, Supplier<T> loader) {
        Object value = context.getRoot().getStore(ModelTestExtension.NAMESPACE)
                .getOrComputeIfAbsent(key, k -> loader.get());
        @SuppressWarnings("unchecked")
        T t = (T) value;
        return t;
    }
}
