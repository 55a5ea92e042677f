package dev.parrot.classify;

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
 */
public record ClassifyRequest(Path input, Path model, Path reportDirectory, int threads, ProgressLog log) {

    /** The name of the CSV in the report folder. */
    public static final String CLASSIFICATIONS_FILE = "classifications.csv";

    public Path classificationsFile() {
        return reportDirectory.resolve(CLASSIFICATIONS_FILE);
    }
}
