package dev.parrot.classify;

import dev.parrot.Setting;
import dev.parrot.Parallel;
import dev.parrot.ParrotException;
import dev.parrot.ProgressLog;
import dev.parrot.audio.UnreadableRecordingException;
import dev.parrot.dataset.DatasetReader;
import dev.parrot.dataset.SkippedRecording;
import dev.parrot.dataset.SoundFolders;
import dev.parrot.evaluation.ConfusionAnalysis;
import dev.parrot.model.EventEvaluation;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.ModelFingerprint;
import dev.parrot.model.ModelFiles;
import dev.parrot.model.UnseenEvaluation;
import dev.parrot.runtime.Prediction;
import dev.parrot.runtime.RecordingClassification;
import dev.parrot.runtime.SoundClassifier;
import dev.parrot.runtime.SoundModel;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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

    /** A recording, its name relative to the input, the sound its folder names (or null) and that folder. */
    private record Job(Path file, String name, String expected, Path soundFolder) {
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
        List<Job> jobs = jobs(request.input(), model.labels());
        int threads = Math.max(1, Math.min(request.threads(), jobs.size()));
        log.info("Classifying " + recordings(jobs.size()) + " from "
                + request.input() + " with " + model.name() + " " + model.labels() + " (" + threads + " thread"
                + (threads == 1 ? "" : "s") + ")");

        long started = System.nanoTime();
        List<Outcome> outcomes = classifyAll(model, jobs, threads);
        double wall = (System.nanoTime() - started) / 1e9;

        List<ClassifyResult.Classified> classified = new ArrayList<>();
        List<SkippedRecording> skipped = new ArrayList<>();
        List<Job> longRecordings = new ArrayList<>();
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
            log.info(line(o.classified()));
            Job job = jobs.get(i);
            if (SoundFolders.isLongRecording(job.soundFolder(), job.file(),
                    o.classified().result().durationSeconds())) {
                longRecordings.add(job);
            }
        }
        Path csv = request.classificationsFile();
        writeCsv(csv, classified);
        log.info(String.format(Locale.ROOT, "%s (%.1f s of audio) classified in %.2f s, %.0fx real time;"
                + " %d skipped. Written to %s", recordings(classified.size()), audio, wall,
                wall > 0 ? audio / wall : 0, skipped.size(), csv));

        List<LongRecordingEvents.Result> events = detectEvents(model, longRecordings, request.eventsDirectory(), log);

        UnseenEvaluation unseen = evaluate(model, request.input(), classified, skipped);
        EventEvaluation eventEvaluation = events.isEmpty() ? null : LongRecordingEvents.evaluation(events);
        if (eventEvaluation != null && (unseen != null || eventEvaluation.measured())) {
            unseen = (unseen != null ? unseen : withoutRecordings(model, request.input(), skipped))
                    .withEvents(eventEvaluation);
        }
        Path unseenFile = null;
        if (unseen != null) {
            unseenFile = UnseenEvaluation.file(request.reportDirectory(), model.name());
            unseen.write(unseenFile);
            if (unseen.recordings() > 0) {
                logEvaluation(log, unseen, unseenFile);
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
    private static List<LongRecordingEvents.Result> detectEvents(SoundModel model, List<Job> longRecordings,
            Path eventsDirectory, ProgressLog log) throws IOException {
        if (longRecordings.isEmpty()) {
            return List.of();
        }
        log.info("");
        log.info("Events of the model's own live detector (" + model.detectionSettings().rule() + " rule) on "
                + (longRecordings.size() == 1 ? "1 long recording" : longRecordings.size() + " long recordings")
                + ", written to " + eventsDirectory + ":");
        List<LongRecordingEvents.Result> results = new ArrayList<>();
        for (Job job : longRecordings) {
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
                EventEvaluation.Figures f = LongRecordingEvents.figures(r.score(), r.timeline());
                log.info("    against " + r.truth().getFileName() + ": " + LongRecordingEvents.describe(f));
            }
        }
        EventEvaluation all = LongRecordingEvents.evaluation(results);
        if (all.measured()) {
            long measured = all.recordings().stream().filter(r -> r.figures() != null).count();
            log.info("Live detection on " + recordings((int) measured) + " with a truth SRT: "
                    + LongRecordingEvents.describe(all.overall()));
            log.info("  Parrot.py's kinds of error (each event marked for "
                    + Math.round(LongRecordingEvents.MARK_SECONDS * 1000) + " ms): "
                    + LongRecordingEvents.describeErrors(all.overall()));
        } else {
            log.info("No truth SRT beside them (<recording>.MANUAL.srt or <recording>.v<N>.srt, beside it or in"
                    + " segments/): events written, not measured.");
        }
        return results;
    }

    /** The recordings to classify, each with the sound its first sub-folder names, if it names one. */
    private static List<Job> jobs(Path input, List<String> labels) throws ParrotException {
        if (Files.isRegularFile(input)) {
            // A single recording's SRT may be in segments/ beside its source/ folder, as Parrot.py lays them out.
            Path parent = input.toAbsolutePath().getParent();
            boolean inSource = parent.getFileName() != null && parent.getFileName().toString().equals("source")
                    && parent.getParent() != null;
            return List.of(new Job(input, input.getFileName().toString(), null,
                    inSource ? parent.getParent() : parent));
        }
        if (!Files.isDirectory(input)) {
            throw new ParrotException("Nothing to classify: " + input + " does not exist. Give a WAV file or a"
                    + " folder of them.", Setting.INPUT);
        }
        // The same WAV files training would read from a folder; a hidden folder at the top is not input either.
        List<Path> files = DatasetReader.wavFiles(input).stream()
                .filter(p -> !input.relativize(p).toString().startsWith("."))
                .toList();
        if (files.isEmpty()) {
            throw new ParrotException("Nothing to classify: no .wav file in " + input + " or its sub-folders.");
        }
        List<Job> jobs = new ArrayList<>();
        for (Path file : files) {
            Path relative = input.relativize(file);
            String folder = relative.getNameCount() > 1 ? relative.getName(0).toString() : null;
            String expected = folder != null && labels.contains(folder) ? folder : null;
            jobs.add(new Job(file, relative.toString().replace('\\', '/'), expected,
                    folder != null ? input.resolve(folder) : input));
        }
        return jobs;
    }

    private static List<Outcome> classifyAll(SoundModel model, List<Job> jobs, int threads) throws ParrotException {
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

    private static Outcome classifyOne(SoundClassifier classifier, Job job) {
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

    private static String line(ClassifyResult.Classified c) {
        Prediction p = c.result().overall();
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "  %-32s %-12s %5.1f%%", c.file(), p.label(),
                100 * p.confidence()));
        if (p.runnerUp() != null) {
            s.append(String.format(Locale.ROOT, "  runner-up %s %.1f%%", p.runnerUp(), 100 * p.runnerUpConfidence()));
        }
        s.append(String.format(Locale.ROOT, "  (%d of %d windows hold sound)", c.result().soundWindows(),
                c.result().timeline().size()));
        if (c.expected() != null && !c.isCorrect()) {
            s.append("  WRONG: expected ").append(c.expected());
        }
        return s.toString();
    }

    private static void writeCsv(Path csv, List<ClassifyResult.Classified> classified) throws IOException {
        StringBuilder s = new StringBuilder("file,label,confidence,runner_up,runner_up_confidence,windows,"
                + "sound_windows,duration_seconds,expected\n");
        for (ClassifyResult.Classified c : classified) {
            Prediction p = c.result().overall();
            s.append(csvField(c.file())).append(',')
                    .append(csvField(p.label())).append(',')
                    .append(String.format(Locale.ROOT, "%.4f", p.confidence())).append(',')
                    .append(p.runnerUp() == null ? "" : csvField(p.runnerUp())).append(',')
                    .append(p.runnerUp() == null ? "" : String.format(Locale.ROOT, "%.4f", p.runnerUpConfidence()))
                    .append(',')
                    .append(c.result().timeline().size()).append(',')
                    .append(c.result().soundWindows()).append(',')
                    .append(String.format(Locale.ROOT, "%.3f", c.result().durationSeconds())).append(',')
                    .append(c.expected() == null ? "" : csvField(c.expected()))
                    .append('\n');
        }
        byte[] bytes = s.toString().getBytes(StandardCharsets.UTF_8);
        ModelFiles.writeAtomically(csv, out -> out.write(bytes));
    }

    /** RFC 4180: quoted when it holds a comma, quote or line break. */
    static String csvField(String value) {
        if (value.indexOf(',') < 0 && value.indexOf('"') < 0 && value.indexOf('\n') < 0 && value.indexOf('\r') < 0) {
            return value;
        }
        return '"' + value.replace("\"", "\"\"") + '"';
    }

    /** Accuracy, confusion and per-sound metrics over the recordings whose folder named their sound. */
    static UnseenEvaluation evaluate(SoundModel model, Path input, List<ClassifyResult.Classified> classified,
            List<SkippedRecording> skipped) {
        List<ClassifyResult.Classified> labelled = classified.stream().filter(c -> c.expected() != null).toList();
        if (labelled.isEmpty()) {
            return null;
        }
        List<String> sounds = model.labels();
        List<String> columns = new ArrayList<>(sounds);
        boolean silence = labelled.stream().anyMatch(c -> c.result().isSilence());
        if (silence && !columns.contains(Prediction.SILENCE)) {
            columns.add(Prediction.SILENCE);
        }
        long[][] counts = new long[columns.size()][columns.size()];
        List<UnseenEvaluation.Miss> misses = new ArrayList<>();
        int correct = 0;
        for (ClassifyResult.Classified c : labelled) {
            Prediction p = c.result().overall();
            counts[columns.indexOf(c.expected())][columns.indexOf(p.label())]++;
            if (c.isCorrect()) {
                correct++;
            } else {
                misses.add(new UnseenEvaluation.Miss(c.file(), c.expected(), p.label(),
                        Math.round(p.confidence() * 10_000) / 10_000.0));
            }
        }
        List<ModelDescriptor.SoundMetrics> perSound = ConfusionAnalysis.of(columns, counts).perSound(sounds);
        Path folder = input.toAbsolutePath().normalize();
        ModelFingerprint fingerprint = model.descriptor().fingerprint();
        return new UnseenEvaluation(UnseenEvaluation.FORMAT_VERSION, model.name(), model.descriptor().createdAt(),
                folder.toString(), isTrainingData(model, folder), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                correct / (double) labelled.size(), labelled.size(), correct,
                List.copyOf(sounds), new ModelDescriptor.ConfusionMatrix(List.copyOf(columns), counts), perSound,
                misses, skippedList(skipped), fingerprint == null ? null : fingerprint.inputs());
    }

    /** An evaluation of no recordings as a whole, to hold the events of long recordings no sound folder named. */
    private static UnseenEvaluation withoutRecordings(SoundModel model, Path input, List<SkippedRecording> skipped) {
        Path folder = input.toAbsolutePath().normalize();
        List<String> sounds = List.copyOf(model.labels());
        ModelFingerprint fingerprint = model.descriptor().fingerprint();
        return new UnseenEvaluation(UnseenEvaluation.FORMAT_VERSION, model.name(), model.descriptor().createdAt(),
                folder.toString(), isTrainingData(model, folder), Instant.now().truncatedTo(ChronoUnit.SECONDS).toString(),
                0, 0, 0, sounds, new ModelDescriptor.ConfusionMatrix(sounds, new long[sounds.size()][sounds.size()]),
                List.of(), List.of(), skippedList(skipped), fingerprint == null ? null : fingerprint.inputs());
    }

    private static List<ModelDescriptor.Skipped> skippedList(List<SkippedRecording> skipped) {
        return skipped.stream().map(s -> new ModelDescriptor.Skipped(s.file(), s.sound(), s.reason())).toList();
    }

    /** Whether the folder is, or is inside, the one the model was trained on. */
    private static boolean isTrainingData(SoundModel model, Path folder) {
        ModelDescriptor.Training training = model.descriptor().training();
        if (training == null || training.recordingsDirectory() == null) {
            return false;
        }
        return folder.startsWith(Path.of(training.recordingsDirectory()).toAbsolutePath().normalize());
    }

    private static final String NOT_APPLICABLE = "n/a";

    private static String figure(double value) {
        return String.format(Locale.ROOT, "%.3f", value);
    }

    /** "1 recording", "2 recordings". */
    static String recordings(int n) {
        return n + (n == 1 ? " recording" : " recordings");
    }

    private static void logEvaluation(ProgressLog log, UnseenEvaluation e, Path file) {
        log.info("");
        if (e.trainingData()) {
            log.warn(e.input() + " holds the recordings " + e.model() + " was trained on: the accuracy below is"
                    + " on recordings it has seen, and says little about new ones. Classify recordings made apart"
                    + " from the training set to measure that.");
            log.info(String.format(Locale.ROOT, "Accuracy on %s the model was trained on: %.4f (%d right)",
                    recordings(e.recordings()), e.accuracy(), e.correct()));
        } else {
            log.info(String.format(Locale.ROOT, "Accuracy on %s the model never saw: %.4f (%d right)",
                    recordings(e.recordings()), e.accuracy(), e.correct()));
        }
        List<String> columns = e.confusionMatrix().labels();
        int width = Math.max(8, columns.stream().mapToInt(String::length).max().orElse(8) + 1);
        String corner = "actual \\ heard";
        int first = Math.max(width, corner.length() + 1);
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "  %-" + first + "s", corner));
        for (String c : columns) {
            head.append(String.format(Locale.ROOT, "%" + width + "s", c));
        }
        log.info("Confusion matrix (recordings):");
        log.info(head.toString());
        long[][] counts = e.confusionMatrix().counts();
        for (int a = 0; a < e.labels().size(); a++) {
            StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "  %-" + first + "s", columns.get(a)));
            for (int p = 0; p < columns.size(); p++) {
                row.append(String.format(Locale.ROOT, "%" + width + "d", counts[a][p]));
            }
            log.info(row.toString());
        }
        log.info(String.format(Locale.ROOT, "  %-16s %8s %8s %8s %8s", "sound", "precision", "recall", "F1",
                "recordings"));
        for (int s = 0; s < e.perSound().size(); s++) {
            ModelDescriptor.SoundMetrics m = e.perSound().get(s);
            // Without a recording of the sound its recall means nothing; without an answer naming it, its precision.
            boolean anyAnswer = false;
            for (long[] row : counts) {
                anyAnswer |= row[s] > 0;
            }
            boolean recorded = m.support() > 0;
            log.info(String.format(Locale.ROOT, "  %-16s %8s %8s %8s %8d", m.sound(),
                    anyAnswer ? figure(m.precision()) : NOT_APPLICABLE, recorded ? figure(m.recall()) : NOT_APPLICABLE,
                    anyAnswer && recorded ? figure(m.f1()) : NOT_APPLICABLE, m.support()));
        }
        log.info("Written to " + file);
    }
}
