package dev.parrot.audio;

import java.nio.file.Path;

/**
 * A recording that cannot be used, with the reason in words a user can act on. Checked, because every caller has to
 * decide whether one bad file ends its work (it never should in training) or only skips that file.
 */
public class UnreadableRecordingException extends Exception {

    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final String reason;

    public UnreadableRecordingException(Path file, String reason) {
        super(file + ": " + reason);
        this.file = file;
        this.reason = reason;
    }

    public Path file() {
        return file;
    }

    /** The reason alone, without the path: "truncated: data chunk declares 96000 bytes but 1200 are present". */
    public String reason() {
        return reason;
    }
}
