package dev.parrot.classify;

import dev.parrot.audio.UnreadableRecordingException;
import dev.parrot.evaluation.events.Detection;
import dev.parrot.evaluation.events.HeldScore;
import dev.parrot.evaluation.events.OnsetScore;
import dev.parrot.evaluation.events.TimelineComparison;
import dev.parrot.evaluation.events.TimelineError;
import dev.parrot.model.AtomicFile;
import dev.parrot.model.EventEvaluation;
import dev.parrot.runtime.AudioInputs;
import dev.parrot.runtime.AudioSource;
import dev.parrot.runtime.SoundDetector;
import dev.parrot.runtime.SoundEvent;
import dev.parrot.runtime.SoundKind;
import dev.parrot.runtime.SoundListener;
import dev.parrot.runtime.SoundModel;
import dev.parrot.segments.RecordingSegments;
import dev.parrot.segments.Segment;
import dev.parrot.segments.SrtException;
import dev.parrot.segments.SrtFormat;
import dev.parrot.segments.SrtLocator;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The model's own live detector ({@link SoundModel#newDetector(SoundListener)}, the calibrated settings) run over a
 * long recording streamed from its file as a microphone would feed it, one hop at a time, so that a recording of any
 * length needs the memory of a few reads (and of its events). Its events are written as CSV
 * and as an SRT in Parrot.py's segment format, which opens beside the audio in a subtitle or audio editor. Where a
 * truth SRT lies beside the recording (found by {@link SrtLocator}'s rules), the events are scored against it per
 * onset ({@link OnsetScore}) and frame by frame ({@link TimelineComparison}). Part of the batch tool behind
 * {@code parrot:classify}, not of the runtime API.
 */
public final class LongRecordingEvents {

    /**
     * How long an event is marked in its SRT, and counts as heard in the frame-by-frame comparison: a click's attack.
     * The detector says when a sound starts, not when it ends.
     */
    public static final double MARK_SECONDS = 0.2;

    /**
     * What the detector reported on one recording.
     *
     * @param file the path relative to the input folder
     * @param durationSeconds its length
     * @param events in time order
     * @param srt the events as SRT
     * @param csv the events as CSV
     * @param truth the truth SRT, or null when there is none (or it could not be read: see warnings)
     * @param score the events against the truth per onset, or null without truth
     * @param timeline the events against the truth frame by frame, or null without truth
     * @param held the held sounds' spans against their truth, or null without truth
     * @param warnings what was wrong with the truth, each naming the file
     */
    public record Result(String file, double durationSeconds, List<SoundEvent> events, Path srt, Path csv,
            Path truth, OnsetScore score, TimelineComparison timeline, HeldScore held, List<String> warnings) {

        public Result {
            events = List.copyOf(events);
            warnings = List.copyOf(warnings);
        }

        /** As {@code <model>-unseen.json} holds it. */
        public EventEvaluation.Recording toJson() {
            return new EventEvaluation.Recording(file, durationSeconds, events.size(), srt.toString(),
                    csv.toString(), truth == null ? null : truth.toString(),
                    score == null ? null : figures(score, timeline, held));
        }
    }

    private LongRecordingEvents() {
    }

    /**
     * Plays a recording through the model's detector, writes its events and scores them against a truth SRT if
     * there is one.
     *
     * @param model the model, whose {@link SoundModel#detectionSettings()} decide
     * @param file the WAV file
     * @param name its path relative to the input folder, which the written files follow
     * @param soundFolder the folder its truth SRT's {@code segments/} folder would be in
     * @param sound the sound its folder names, or null: a truth SRT's segments are taken to be that sound, as
     *        training takes them; without one they keep the labels written in the SRT
     * @param eventsDirectory where {@code <name>.srt} and {@code <name>.csv} go
     * @throws UnreadableRecordingException when the file cannot be decoded
     * @throws IOException when the events cannot be written
     */
    public static Result detect(SoundModel model, Path file, String name, Path soundFolder, String sound,
            Path eventsDirectory) throws UnreadableRecordingException, IOException {
        List<SoundEvent> events = new ArrayList<>();
        SoundDetector detector = model.newDetector(SoundListener.all(events::add));
        try (AudioSource source = AudioInputs.wav(file)) {
            detector.run(source);
        } catch (IOException e) {
            if (e.getCause() instanceof UnreadableRecordingException unreadable) {
                throw unreadable;
            }
            throw new UnreadableRecordingException(file, "cannot be read: " + e.getMessage());
        }
        double duration = detector.secondsProcessed();
        List<Segment> marks = marks(events, duration);

        String base = SrtLocator.recordingName(name);
        Path srt = eventsDirectory.resolve(base + ".srt");
        Path csv = eventsDirectory.resolve(base + ".csv");
        byte[] srtBytes = SrtFormat.format(marks).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(srt, out -> out.write(srtBytes));
        byte[] csvBytes = csv(events).getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(csv, out -> out.write(csvBytes));

        List<String> warnings = new ArrayList<>();
        Optional<Path> truthFile = SrtLocator.find(file, soundFolder);
        Scored scored = truthFile.isEmpty() ? null
                : score(model, events, duration, truthFile.get(), sound, warnings);
        if (scored == null) {
            return new Result(name, duration, events, srt, csv, null, null, null, null, warnings);
        }
        return new Result(name, duration, events, srt, csv, truthFile.get(), scored.score(), scored.timeline(),
                scored.held(), warnings);
    }

    /**
     * Events against a truth: per onset, frame by frame, and the held sounds' spans.
     *
     * @param score per onset
     * @param timeline frame by frame
     * @param held the held sounds' coverage and stops
     */
    public record Scored(OnsetScore score, TimelineComparison timeline, HeldScore held) {

        /** As {@code <model>-unseen.json} holds them. */
        public EventEvaluation.Figures figures() {
            return LongRecordingEvents.figures(score, timeline, held);
        }
    }

    /**
     * Scores a detector's events against a truth SRT, as {@code parrot:classify} and {@code parrot:listen} both do,
     * or null (with a warning) when the truth cannot be read.
     *
     * @param events every event, of every phase, in time order
     * @param durationSeconds the length of the audio they were heard in
     * @param truthFile the truth SRT
     * @param sound the sound its segments are (in that sound's folder), or null to keep the SRT's labels
     * @param warnings where what was wrong with the truth goes
     */
    public static Scored score(SoundModel model, List<SoundEvent> events, double durationSeconds, Path truthFile,
            String sound, List<String> warnings) {
        List<Segment> truth = truth(model, truthFile, sound, durationSeconds, warnings);
        if (truth == null) {
            return null;
        }
        List<Segment> marks = marks(events, durationSeconds);
        double window = model.settings().windowSamples() / (double) model.settings().sampleRate();
        // A held sound is found by its start; its continuations and stop are not more onsets.
        List<Detection> detections = events.stream().filter(SoundEvent::begins)
                .map(e -> new Detection(e.sound(), e.timeSeconds() + window)).toList();
        OnsetScore score = OnsetScore.of(truth, detections, durationSeconds);
        TimelineComparison timeline = TimelineComparison.of(truth, marks, durationSeconds,
                TimelineComparison.DEFAULT_FRAME_SECONDS);
        HeldScore held = HeldScore.of(truth.stream().filter(t -> isHeld(model, t.label())).toList(),
                marks.stream().filter(m -> isHeld(model, m.label())).toList());
        return new Scored(score, timeline, held);
    }

    private static boolean isHeld(SoundModel model, String label) {
        return model.labels().contains(label) && model.kindOf(label) == SoundKind.HELD;
    }

    /**
     * The sounds of a truth SRT, or null (with a warning) when it cannot be read. In a sound's folder they are that
     * sound, as in training; elsewhere their labels are the SRT's. Segments of a background label or silence are not
     * sounds: events there are false alarms.
     */
    private static List<Segment> truth(SoundModel model, Path srt, String sound, double duration,
            List<String> warnings) {
        try {
            RecordingSegments.Result read = RecordingSegments.fromSrt(srt, sound, duration, model.silenceLabel());
            warnings.addAll(read.warnings());
            List<Segment> sounds = read.segments().stream().filter(s -> !model.isBackground(s.label())).toList();
            TreeSet<String> unknown = new TreeSet<>();
            sounds.stream().map(Segment::label).filter(l -> !model.labels().contains(l)).forEach(unknown::add);
            if (!unknown.isEmpty()) {
                warnings.add(srt + ": " + unknown + " " + (unknown.size() == 1 ? "is" : "are") + " not among the"
                        + " sounds of " + model.name() + " " + model.labels() + "; its segments count as missed");
            }
            return sounds;
        } catch (SrtException e) {
            warnings.add(e.getMessage() + "; the events are not measured");
            return null;
        }
    }

    /**
     * The events as segments: a held sound from its start to its stop (as Parrot.py's segments mark it); a short
     * sound from its window's start, {@link #MARK_SECONDS} long or up to the next event that begins something.
     */
    static List<Segment> marks(List<SoundEvent> events, double durationSeconds) {
        List<SoundEvent> begins = events.stream().filter(SoundEvent::begins).toList();
        List<Segment> marks = new ArrayList<>();
        for (int i = 0; i < begins.size(); i++) {
            SoundEvent e = begins.get(i);
            double start = e.timeSeconds();
            double end;
            if (e.phase() == SoundEvent.Phase.START) {
                end = stopOf(events, e, durationSeconds);
            } else {
                end = Math.min(start + MARK_SECONDS, durationSeconds);
                if (i + 1 < begins.size()) {
                    end = Math.min(end, begins.get(i + 1).timeSeconds());
                }
            }
            // SRT counts milliseconds: a mark shorter than one would vanish from the file.
            marks.add(new Segment(start, Math.max(end, start + 0.001), e.sound(), 0));
        }
        return marks;
    }

    /** Where the held sound that {@code start} began stopped: its next stop, or the end of the audio. */
    private static double stopOf(List<SoundEvent> events, SoundEvent start, double durationSeconds) {
        for (int j = events.indexOf(start) + 1; j < events.size(); j++) {
            SoundEvent e = events.get(j);
            if (e.sound().equals(start.sound()) && e.phase() == SoundEvent.Phase.STOP) {
                return Math.min(e.timeSeconds(), durationSeconds);
            }
        }
        return durationSeconds;
    }

    private static String csv(List<SoundEvent> events) {
        StringBuilder s = new StringBuilder("time_seconds,sound,confidence,level_dbfs,event\n");
        for (SoundEvent e : events) {
            s.append(String.format(Locale.ROOT, "%.3f", e.timeSeconds())).append(',')
                    .append(Csv.field(e.sound())).append(',')
                    .append(String.format(Locale.ROOT, "%.4f,%s", e.confidence(), Double.isFinite(e.levelDbfs())
                            ? String.format(Locale.ROOT, "%.1f", e.levelDbfs()) : ""))
                    .append(',').append(e.phase().name().toLowerCase(Locale.ROOT)).append('\n');
        }
        return s.toString();
    }

    /** The figures {@code <model>-unseen.json} holds for a score, its frame-by-frame comparison and held sounds. */
    public static EventEvaluation.Figures figures(OnsetScore score, TimelineComparison timeline, HeldScore held) {
        List<EventEvaluation.ErrorKind> errors = new ArrayList<>();
        for (TimelineError kind : TimelineError.values()) {
            errors.add(new EventEvaluation.ErrorKind(kind.label(), kind.falsePositive(), timeline.count(kind),
                    round(timeline.averageMillis(kind))));
        }
        double perMinute = score.falseAlarmsPerMinute();
        return new EventEvaluation.Figures(score.onsets(), score.found(), score.recall(), score.falseAlarms(),
                score.backgroundFalseAlarms(), score.wrongSound(), score.repeats(), score.backgroundSeconds(),
                Double.isFinite(perMinute) ? perMinute : null, finite(score.medianDelayMillis()),
                finite(score.p90DelayMillis()), errors, held.segments(),
                held.measured() ? Math.round(held.coverage() * 10000) / 10000.0 : null,
                finite(held.medianStopDelayMillis()));
    }

    /** The recordings' events pooled: null when none was measured against a truth. */
    public static EventEvaluation evaluation(List<Result> results) {
        List<Result> measured = results.stream().filter(r -> r.score() != null).toList();
        EventEvaluation.Figures overall = measured.isEmpty() ? null
                : figures(OnsetScore.pooled(measured.stream().map(Result::score).toList()),
                        TimelineComparison.pooled(measured.stream().map(Result::timeline).toList(),
                                TimelineComparison.DEFAULT_FRAME_SECONDS),
                        HeldScore.pooled(measured.stream().map(Result::held).toList()));
        return new EventEvaluation(results.stream().map(Result::toJson).toList(), overall);
    }

    /** A score in words, for the log. */
    public static String describe(EventEvaluation.Figures f) {
        StringBuilder s = new StringBuilder(String.format(Locale.ROOT, "recall of onsets %.3f (%d of %d), ",
                f.recall(), f.found(), f.onsets()));
        s.append(f.falseAlarmsPerMinute() == null ? f.falseAlarms() + " false alarms (no background audio)"
                : String.format(Locale.ROOT, "%.2f false alarms per minute (%d in %.1f s of background)",
                        f.falseAlarmsPerMinute(), f.falseAlarms(), f.backgroundSeconds()));
        s.append(f.medianDelayMillis() == null ? ", nothing found"
                : String.format(Locale.ROOT, ", median delay %.0f ms", f.medianDelayMillis()));
        if (f.heldSounds() > 0) {
            s.append(String.format(Locale.ROOT, "; held sounds (%d) reported over %.3f of their length", f.heldSounds(),
                    f.heldCoverage()));
            s.append(f.medianStopDelayMillis() == null ? ", never reported"
                    : String.format(Locale.ROOT, ", stopped a median %.0f ms after their end",
                            f.medianStopDelayMillis()));
        }
        return s.toString();
    }

    /** Parrot.py's kinds of error in words, those that occurred. */
    public static String describeErrors(EventEvaluation.Figures f) {
        StringBuilder s = new StringBuilder();
        for (EventEvaluation.ErrorKind k : f.errors()) {
            if (k.count() > 0) {
                s.append(s.isEmpty() ? "" : ", ").append(String.format(Locale.ROOT, "%s %dx (avg %.0f ms)", k.kind(),
                        k.count(), k.averageMillis()));
            }
        }
        return s.isEmpty() ? "none" : s.toString();
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? round(value) : null;
    }

    private static double round(double value) {
        return Math.round(value * 10) / 10.0;
    }
}
