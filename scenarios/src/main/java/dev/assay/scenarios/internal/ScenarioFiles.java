package dev.assay.scenarios.internal;

import dev.assay.core.AssayException;
import dev.assay.scenarios.ScenarioLoader;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Finds scenario files under a class-path folder (directories and jars), sorted by their resource path. */
public final class ScenarioFiles {
    private ScenarioFiles() {
    }

    /** A scenario file found on the class path: its resource path ({@code assay/credit.assay.yaml}) and file. */
    public record Found(String resource, Path file) {
    }

    /** Normalises a folder name: no leading slash, a trailing slash unless empty. */
    public static String folder(String folder) {
        String f = folder.replace('\\', '/');
        while (f.startsWith("/")) {
            f = f.substring(1);
        }
        return f.isEmpty() || f.endsWith("/") ? f : f + "/";
    }

    /** Every {@code *.assay.yaml|yml|json} under {@code folder}, recursively, sorted by resource path. */
    public static List<Found> find(ClassLoader loader, String folder) {
        String prefix = folder(folder);
        Map<String, Path> found = new TreeMap<>();
        Enumeration<URL> roots;
        try {
            roots = loader.getResources(prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1));
        } catch (IOException e) {
            throw new AssayException("cannot list class-path folder '" + prefix + "': " + e, e);
        }
        for (URL url : Collections.list(roots)) {
            Path dir = toPath(url);
            if (dir == null || !Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> walk = Files.walk(dir)) {
                walk.filter(Files::isRegularFile)
                        .filter(p -> ScenarioLoader.isScenarioFile(p.getFileName().toString()))
                        .forEach(p -> found.putIfAbsent(prefix + dir.relativize(p).toString().replace('\\', '/'), p));
            } catch (IOException e) {
                throw new AssayException("cannot list class-path folder '" + prefix + "' (" + url + "): " + e, e);
            }
        }
        List<Found> out = new ArrayList<>();
        found.forEach((r, p) -> out.add(new Found(r, p)));
        return out;
    }

    private static Path toPath(URL url) {
        try {
            URI uri = url.toURI();
            if ("file".equals(uri.getScheme())) {
                return Path.of(uri);
            }
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.provider().getPath(uri);
            }
            return null;
        } catch (URISyntaxException | IOException e) {
            return null;
        }
    }
}
