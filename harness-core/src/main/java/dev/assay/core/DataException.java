package dev.assay.core;

/**
 * Bad input data: the message names the file, the line or row and the column involved.
 */
public class DataException extends AssayException {
    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(message);
    }

    public DataException(String message, Throwable cause) {
        super(message, cause);
    }
}
