package dev.parrot.runtime;

import dev.parrot.ProgressLog;

import java.nio.file.Path;

/**
 * One run of classifying recordings with a model. The Maven goal fills it from its parameters.
 *
 * @param input a WAV file, or a folder searched recursively for WAV files; when its sub-folders are named after
 *        the model's sounds, the recordings in them are taken to be those sounds
 * @param model either of the model's files ({@code noises.json} or {@code noises.model})
 * @param reportDirectory where {@code classifications.csv} and {@code <model>-unseen.json} go
 * @param threads recordings classified at once
 * @param log where the line per recording and the summary go
 * @param eventsDirectory where the live detector's events on long recordings go, as {@code <recording>.srt} and
 *        {@code <recording>.csv} (the recording's path relative to the input, without {@code .wav})
 */
public record ClassifyRequest(Path input, Path model, Path reportDirectory, int threads, ProgressLog log,
        Path eventsDirectory) {

    /** The events folder: {@code events/} in the report folder. */
    public static final String EVENTS_FOLDER = "events";

    /** With the events in {@code <reportDirectory>/events}. */
    public ClassifyRequest(Path input, Path model, Path reportDirectory, int threads, ProgressLog log) {
        this(input, model, reportDirectory, threads, log, reportDirectory.resolve(EVENTS_FOLDER));
    }

    /** The name of the CSV in the report folder. */
    public static final String CLASSIFICATIONS_FILE = "classifications.csv";

    public Path classificationsFile() {
        return reportDirectory.resolve(CLASSIFICATIONS_FILE);
    }
}
