package dev.assay.core.models;

import dev.assay.core.AssayException;

/**
 * A model endpoint or artifact failed: an HTTP error after retries, a timeout, a malformed or wrongly shaped
 * answer, an exhausted budget, or a request missing from a cassette. The message names the endpoint, the status and
 * a short excerpt of the body, with secrets masked. A check that meets one is {@code error}, never {@code pass}.
 */
public class ModelCallException extends AssayException {
    private static final long serialVersionUID = 1L;

    private final String endpoint;
    private final int status;

    public ModelCallException(String endpoint, int status, String message, Throwable cause) {
        super(message, cause);
        this.endpoint = endpoint;
        this.status = status;
    }

    /** The endpoint called (secrets masked). */
    public String endpoint() {
        return endpoint;
    }

    /** The last HTTP status, or {@code -1} when there was no HTTP answer (timeout, connection error, replay miss). */
    public int status() {
        return status;
    }
}
