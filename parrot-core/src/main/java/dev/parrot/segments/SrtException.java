package dev.parrot.segments;

import dev.parrot.ParrotException;

/** An SRT file that cannot be read as segments; the message names the file and the line. */
public class SrtException extends ParrotException {

    private static final long serialVersionUID = 1L;

    private final String reason;

    public SrtException(String file, int line, String reason) {
        super(file + (line > 0 ? ":" + line : "") + ": " + reason);
        this.reason = (line > 0 ? "line " + line + ": " : "") + reason;
    }

    /** The reason with the line but without the file: "line 6: '00:00:01,5 --> 00:00:02,000' is not ...". */
    public String reason() {
        return reason;
    }
}
