package dev.assay.core;

/**
 * Bad input data: the message names the file, the line or row and the column involved.
 */
public class DataException extends AssayException {
    private static final long serialVersionUID = 1L;

    /**
     * Bad data.
     *
     * @param message names the file, line or row and column; not {@code null}
     */
    public DataException(String message) {
        super(message);
    }

    /**
     * Bad data, with its cause.
     *
     * @param message names the file, line or row and column; not {@code null}
     * @param cause   the cause; {@code null} when there is none
     */
    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
