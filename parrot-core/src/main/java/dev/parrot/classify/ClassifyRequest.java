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

    /**
     * A builder with one thread per processor, no log and the events in {@code <reportDirectory>/events}.
     *
     * @param input a WAV file or a folder of them
     * @param model either of the model's files
     * @param reportDirectory where the classifications go
     */
    public static Builder builder(Path input, Path model, Path reportDirectory) {
        return new Builder(input, model, reportDirectory);
    }

    /** Builds a request by name rather than by position; see {@link ClassifyRequest#builder}. */
    public static final class Builder {
        private final Path input;
        private final Path model;
        private final Path reportDirectory;
        private int threads = Runtime.getRuntime().availableProcessors();
        private ProgressLog log = ProgressLog.SILENT;
        private Path eventsDirectory;

        private Builder(Path input, Path model, Path reportDirectory) {
            this.input = input;
            this.model = model;
            this.reportDirectory = reportDirectory;
        }

        /** Recordings classified at once; 0 or less for one per processor. */
        public Builder threads(int count) {
            this.threads = count > 0 ? count : Runtime.getRuntime().availableProcessors();
            return this;
        }

        public Builder log(ProgressLog newLog) {
            this.log = newLog == null ? ProgressLog.SILENT : newLog;
            return this;
        }

        /** Where events on long recordings go; null for {@code <reportDirectory>/events}. */
        public Builder eventsDirectory(Path directory) {
            this.eventsDirectory = directory;
            return this;
        }

        public ClassifyRequest build() {
            return new ClassifyRequest(input, model, reportDirectory, threads, log,
                    eventsDirectory != null ? eventsDirectory : reportDirectory.resolve(EVENTS_FOLDER));
        }
    }

    /** The name of the CSV in the report folder. */
    public static final String CLASSIFICATIONS_FILE = "classifications.csv";

    public Path classificationsFile() {
        return reportDirectory.resolve(CLASSIFICATIONS_FILE);
    }
}
