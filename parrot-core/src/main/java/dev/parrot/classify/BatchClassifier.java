package dev.parrot.classify;

import dev.parrot.Setting;
import dev.parrot.Parallel;
import dev.parrot.ParrotException;
import dev.parrot.ProgressLog;
import dev.parrot.audio.UnreadableRecordingException;
import dev.parrot.dataset.SkippedRecording;
import dev.parrot.dataset.SoundFolders;
import dev.parrot.model.EventEvaluation;
import dev.parrot.model.UnseenEvaluation;
import dev.parrot.runtime.RecordingClassification;
import dev.parrot.runtime.SoundClassifier;
import dev.parrot.runtime.SoundModel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Classifies a folder of recordings (or one file) with a model, as {@code parrot:classify} does: one line per
 * recording in the log and in {@code classifications.csv}, and, when the sub-folders name the model's sounds, the
 * accuracy and confusion matrix on these recordings the model never saw, in {@code <model>-unseen.json}. Long
 * recordings ({@link SoundFolders#isLongRecording}) are also played through the model's own live detector, whose
 * events are written per recording ({@link LongRecordingEvents}) and, where a truth SRT lies beside a recording,
 * measured against it into the same JSON.
 *
 * <p>A recording that cannot be read is reported by name and skipped; it never stops the others.
 */
public final class BatchClassifier {

    /** What one recording came to: a classification or the reason it was skipped. */
    private record Outcome(ClassifyResult.Classified classified, SkippedRecording skipped) {
    }

    /**
     * Runs the classification and writes its files.
     *
     * @throws ParrotException when the model or the input is missing or unusable
     * @throws IOException when the report files cannot be written
     */
    public ClassifyResult classify(ClassifyRequest request) throws ParrotException, IOException {
        ProgressLog log = request.log();
        SoundModel model = SoundModel.load(request.model());
        model.formatNote().ifPresent(log::info);
        List<ClassifyInput.Job> jobs = ClassifyInput.jobs(request.input(), model.labels());
        int threads = Math.max(1, Math.min(request.threads(), jobs.size()));
        log.info("Classifying " + ClassifyLog.recordings(jobs.size()) + " from "
                + request.input() + " with " + model.name() + " " + model.labels() + " (" + threads + " thread"
                + (threads == 1 ? "" : "s") + ")");

        long started = System.nanoTime();
        List<Outcome> outcomes = classifyAll(model, jobs, threads);
        double wall = (System.nanoTime() - started) / 1e9;

        List<ClassifyResult.Classified> classified = new ArrayList<>();
        List<SkippedRecording> skipped = new ArrayList<>();
        List<ClassifyInput.Job> longRecordings = new ArrayList<>();
        double audio = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome o = outcomes.get(i);
            if (o.skipped() != null) {
                skipped.add(o.skipped());
                log.warn("Skipped " + o.skipped().file() + ": " + o.skipped().reason());
                continue;
            }
            classified.add(o.classified());
            audio += o.classified().result().durationSeconds();
            log.info(ClassifyLog.line(o.classified()));
            ClassifyInput.Job job = jobs.get(i);
            if (SoundFolders.isLongRecording(job.soundFolder(), job.file(),
                    o.classified().result().durationSeconds())) {
                longRecordings.add(job);
            }
        }
        Path csv = request.classificationsFile();
        Csv.writeClassifications(csv, classified);
        log.info(String.format(Locale.ROOT, "%s (%.1f s of audio) classified in %.2f s, %.0fx real time;"
                + " %d skipped. Written to %s", ClassifyLog.recordings(classified.size()), audio, wall,
                wall > 0 ? audio / wall : 0, skipped.size(), csv));

        List<LongRecordingEvents.Result> events = detectEvents(model, longRecordings, request.eventsDirectory(), log);

        UnseenEvaluation unseen = UnseenMeasurement.of(model, request.input(), classified, skipped);
        EventEvaluation eventEvaluation = events.isEmpty() ? null : LongRecordingEvents.evaluation(events);
        if (eventEvaluation != null && (unseen != null || eventEvaluation.measured())) {
            unseen = (unseen != null ? unseen : UnseenMeasurement.withoutRecordings(model, request.input(), skipped))
                    .withEvents(eventEvaluation);
        }
        Path unseenFile = null;
        if (unseen != null) {
            unseenFile = UnseenEvaluation.file(request.reportDirectory(), model.name());
            unseen.write(unseenFile);
            if (unseen.recordings() > 0) {
                ClassifyLog.evaluation(log, unseen, unseenFile);
            } else {
                log.info("Written to " + unseenFile);
            }
        }
        return new ClassifyResult(List.copyOf(classified), List.copyOf(skipped), unseen, csv, unseenFile, audio,
                wall, events);
    }

    /**
     * Plays each long recording through the model's own detector, writes its events and, where it has a truth SRT,
     * logs how they compare with it.
     */
    private static List<LongRecordingEvents.Result> detectEvents(SoundModel model,
            List<ClassifyInput.Job> longRecordings, Path eventsDirectory, ProgressLog log) throws IOException {
        if (longRecordings.isEmpty()) {
            return List.of();
        }
        log.info("");
        log.info("Events of the model's own live detector (" + model.detectionSettings().rule() + " rule) on "
                + (longRecordings.size() == 1 ? "1 long recording" : longRecordings.size() + " long recordings")
                + ", written to " + eventsDirectory + ":");
        List<LongRecordingEvents.Result> results = new ArrayList<>();
        for (ClassifyInput.Job job : longRecordings) {
            LongRecordingEvents.Result r;
            try {
                r = LongRecordingEvents.detect(model, job.file(), job.name(), job.soundFolder(), job.expected(),
                        eventsDirectory);
            } catch (UnreadableRecordingException e) {
                // Read a moment ago to classify it: only a file changed meanwhile gets here.
                log.warn("Skipped the events of " + job.name() + ": " + e.reason());
                continue;
            }
            results.add(r);
            r.warnings().forEach(log::warn);
            log.info(String.format(Locale.ROOT, "  %-32s %d events", job.name(), r.events().size()));
            if (r.score() != null) {
                EventEvaluation.Figures f = LongRecordingEvents.figures(r.score(), r.timeline(), r.held());
                log.info("    against " + r.truth().getFileName() + ": " + LongRecordingEvents.describe(f));
            }
        }
        ClassifyLog.events(log, LongRecordingEvents.evaluation(results));
        return results;
    }

    private static List<Outcome> classifyAll(SoundModel model, List<ClassifyInput.Job> jobs, int threads)
            throws ParrotException {
        if (threads == 1) {
            SoundClassifier classifier = model.newClassifier();
            try {
                return jobs.stream().map(job -> classifyOne(classifier, job)).toList();
            } catch (OutOfMemoryError e) {
                throw outOfMemory(jobs.size());
            }
        }
        // Each thread gets its own classifier, so that threads never wait for one another: the first the loaded
        // one, the others copies (copying a forest of 100 trees takes longer than classifying a short recording).
        AtomicBoolean originalTaken = new AtomicBoolean();
        ThreadLocal<SoundClassifier> classifiers = ThreadLocal.withInitial(() ->
                (originalTaken.compareAndSet(false, true) ? model : model.copy()).newClassifier());
        try {
            return Parallel.map(jobs, threads, job -> classifyOne(classifiers.get(), job));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ParrotException("Interrupted while classifying recordings");
        } catch (OutOfMemoryError e) {
            throw outOfMemory(jobs.size());
        }
    }

    private static Outcome classifyOne(SoundClassifier classifier, ClassifyInput.Job job) {
        String sound = job.expected() == null ? "" : job.expected();
        try {
            RecordingClassification result = classifier.classify(job.file());
            return new Outcome(new ClassifyResult.Classified(job.name(), job.expected(), result), null);
        } catch (UnreadableRecordingException e) {
            return new Outcome(null, new SkippedRecording(job.name(), sound, e.reason()));
        } catch (RuntimeException e) {
            // A decoder bug must not cost the user the other recordings; the file is named either way.
            return new Outcome(null, new SkippedRecording(job.name(), sound, "cannot be decoded: " + e));
        }
    }

    /** Not the fault of the file at hand when it struck: the heap is too small for the work. */
    private static ParrotException outOfMemory(int recordings) {
        return new ParrotException("Ran out of memory classifying " + recordings + " recordings (the JVM may use "
                + (Runtime.getRuntime().maxMemory() >> 20) + " MB). Give the JVM more heap (-Xmx2g, for example),"
                + " or classify fewer recordings at once.", Setting.HEAP);
    }
}
