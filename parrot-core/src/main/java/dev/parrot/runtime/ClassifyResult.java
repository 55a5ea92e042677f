package dev.parrot.runtime;

import dev.parrot.classify.LongRecordingEvents;
import dev.parrot.dataset.SkippedRecording;
import dev.parrot.model.UnseenEvaluation;

import java.nio.file.Path;
import java.util.List;

/**
 * What a {@link BatchClassifier} run found and wrote.
 *
 * @param recordings one entry per classified recording, in path order
 * @param skipped recordings that could not be read, with reasons
 * @param unseen the evaluation on recordings whose folder named their sound, or null when none did
 * @param classificationsFile the CSV written
 * @param unseenFile the evaluation written, or null
 * @param audioSeconds the length of the recordings classified
 * @param wallSeconds how long reading and classifying took (not loading the model)
 * @param events what the live detector reported on each long recording, in path order
 */
public record ClassifyResult(List<Classified> recordings, List<SkippedRecording> skipped, UnseenEvaluation unseen,
        Path classificationsFile, Path unseenFile, double audioSeconds, double wallSeconds,
        List<LongRecordingEvents.Result> events) {

    /**
     * @param file the path relative to the input folder (the file name for a single file)
     * @param expected the sound named by its folder, or null when the folder names none of the model's sounds
     * @param result what the model heard
     */
    public record Classified(String file, String expected, RecordingClassification result) {

        public boolean isCorrect() {
            return expected != null && expected.equals(result.overall().label());
        }
    }

    /** How many times faster than real time the recordings were classified. */
    public double realTimeFactor() {
        return wallSeconds > 0 ? audioSeconds / wallSeconds : Double.POSITIVE_INFINITY;
    }
}
