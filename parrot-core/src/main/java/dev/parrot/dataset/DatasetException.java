package dev.parrot.dataset;

import dev.parrot.ParrotException;
import dev.parrot.Setting;

/**
 * The recordings cannot make a data set, for a reason the user can fix: a missing folder, a sound with no usable
 * recording, fewer than two sounds. The message names the path.
 */
public class DatasetException extends ParrotException {

    private static final long serialVersionUID = 1L;

    public DatasetException(String message) {
        super(message);
    }

    /** See {@link ParrotException#ParrotException(String, Setting)}. */
    public DatasetException(String message, Setting setting) {
        super(message, setting);
    }
}
