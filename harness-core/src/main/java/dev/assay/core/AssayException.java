package dev.assay.core;

/**
 * Base class of the errors Assay raises for bad configuration, bad data or a failing model.
 * An {@code AssayException} is never a verdict: it turns a check into {@code error}, never into {@code pass}.
 */
public class AssayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public AssayException(String message) {
        super(message);
    }

    public AssayException(String message, Throwable cause) {
        super(message, cause);
    }
}
