package dev.parrot;

/**
 * Something the user caused and can fix: a missing folder, a sound without recordings, an unknown classifier, a model
 * file this version cannot use. The message says what and where, in the user's terms. Everything else (a failing
 * disk, a bug) surfaces as an unchecked or I/O exception.
 */
public class ParrotException extends Exception {

    private static final long serialVersionUID = 1L;

    /** A {@link #setting()} that is not a request's value: the memory the JVM may use. */
    public static final String HEAP = "heap";

    private final String setting;

    public ParrotException(String message) {
        this(message, (String) null);
    }

    /**
     * @param setting the request value (e.g. {@code sounds}, {@code recordingsDirectory}) or {@link #HEAP} that the
     *        user changes to fix this, or null: a tool that sets it under another name (a Maven parameter, a
     *        property) adds that name to the message
     */
    public ParrotException(String message, String setting) {
        super(message);
        this.setting = setting;
    }

    public ParrotException(String message, Throwable cause) {
        this(message, null, cause);
    }

    public ParrotException(String message, String setting, Throwable cause) {
        super(message, cause);
        this.setting = setting;
    }

    /** The setting to change to fix this, in the core's names, or null. */
    public String setting() {
        return setting;
    }
}
