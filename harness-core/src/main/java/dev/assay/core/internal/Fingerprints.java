package dev.assay.core.internal;

import java.io.IOException;
import java.io.InputStream;

/** Fingerprints of models: {@code sha256:<hex>}. */
public final class Fingerprints {
    private Fingerprints() {
    }

    /**
     * SHA-256 of a class file's bytes. For a lambda or hidden class, the bytes of the class that declares it.
     */
    public static String ofClass(Class<?> type) {
        String name = type.getName();
        int lambda = name.indexOf("$$Lambda");
        if (lambda > 0) {
            name = name.substring(0, lambda);
        }
        int slash = name.indexOf('/');
        if (slash > 0) {
            name = name.substring(0, slash);
        }
        String resource = name.replace('.', '/') + ".class";
        ClassLoader loader = type.getClassLoader() != null ? type.getClassLoader() : ClassLoader.getSystemClassLoader();
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in != null) {
                return "sha256:" + Hashing.sha256Hex(in.readAllBytes());
            }
        } catch (IOException e) {
            // fall through to the name-based fingerprint
        }
        return "sha256:" + Hashing.sha256Hex("class:" + name);
    }

    public static String ofText(String text) {
        return "sha256:" + Hashing.sha256Hex(text);
    }
}
