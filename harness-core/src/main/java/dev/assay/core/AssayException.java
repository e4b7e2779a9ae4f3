package dev.assay.core;

/**
 * Base class of the errors Assay raises for bad configuration, bad data or a failing model.
 * An {@code AssayException} is never a verdict: it turns a check into {@code error}, never into {@code pass}.
 */
public class AssayException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * An error with a message that says what went wrong and where.
     *
     * @param message the message, not {@code null}
     */
    public AssayException(String message) {
        super(message);
    }

    /**
     * An error with a message and its cause.
     *
     * @param message the message, not {@code null}
     * @param cause   the cause; {@code null} when there is none
     */
    public AssayException(String message, Throwable cause) {
        super(message, cause);
    }
}
