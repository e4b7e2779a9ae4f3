package dev.assay.core.models;

import java.net.URI;

/** Test access to {@link HttpModel}'s package-private helpers from other test packages. */
public final class HttpModelAccess {
    private HttpModelAccess() {
    }

    public static String completions(String url) {
        return HttpModel.completionsEndpoint(URI.create(url)).toString();
    }
}
