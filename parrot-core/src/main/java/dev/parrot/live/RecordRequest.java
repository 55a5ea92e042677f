package dev.parrot.live;

import java.nio.file.Path;

/**
 * What to record.
 *
 * @param recordingsDirectory the folder of one sub-folder per sound, as training reads it
 * @param sound the sound, whose folder the recording goes into
 * @param background whether it is background (the room, talking: what must never fire), which training learns whole:
 *        no takes are looked for
 */
public record RecordRequest(Path recordingsDirectory, String sound, boolean background) {
}
