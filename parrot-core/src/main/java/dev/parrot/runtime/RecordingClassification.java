package dev.parrot.runtime;

import java.nio.file.Path;
import java.util.List;

/**
 * What a model heard in a whole recording.
 *
 * @param source the file, or null for audio that came from elsewhere
 * @param durationSeconds the recording's length
 * @param timeline every window in time order, those below the silence threshold as silence
 * @param overall the sound with the highest mean probability over the windows that hold sound, with that mean as
 *        its confidence; {@link Prediction#silence()} when no window does
 */
public record RecordingClassification(Path source, double durationSeconds, List<WindowResult> timeline,
        Prediction overall) {

    public RecordingClassification {
        timeline = List.copyOf(timeline);
    }

    /** How many windows were loud enough to be classified. */
    public int soundWindows() {
        return (int) timeline.stream().filter(WindowResult::holdsSound).count();
    }

    public boolean isSilence() {
        return overall.isSilence();
    }
}
