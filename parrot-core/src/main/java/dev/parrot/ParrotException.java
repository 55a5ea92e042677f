package dev.parrot;

/**
 * Something the user caused and can fix: a missing folder, a sound without recordings, an unknown classifier, a model
 * file this version cannot use. The message says what and where, in the user's terms. Everything else (a failing
 * disk, a bug) surfaces as an unchecked or I/O exception.
 */
public class ParrotException extends Exception {

    private static final long serialVersionUID = 1L;

    public ParrotException(String message) {
        super(message);
    }

    public ParrotException(String message, Throwable cause) {
        super(message, cause);
    }
}
