package dev.parrot;

/**
 * Something the user caused and can fix: a missing folder, a sound without recordings, an unknown classifier, a model
 * file this version cannot use. The message says what and where, in the user's terms. Everything else (a failing
 * disk, a bug) surfaces as an unchecked or I/O exception.
 */
public class ParrotException extends Exception {

    private static final long serialVersionUID = 1L;

    private final Setting setting;

    public ParrotException(String message) {
        this(message, (Setting) null);
    }

    /**
     * @param setting what the user changes to fix this, or null: a tool that sets it under another name (a Maven
     *        parameter, a property) adds that name to the message
     */
    public ParrotException(String message, Setting setting) {
        super(message);
        this.setting = setting;
    }

    public ParrotException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public ParrotException(String message, Setting setting, Throwable cause) {
        super(message, cause);
        this.setting = setting;
    }

    /** The setting to change to fix this, or null. */
    public Setting setting() {
        return setting;
    }
}
