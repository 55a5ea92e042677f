package dev.parrot.live;

import dev.parrot.classify.LongRecordingEvents;
import dev.parrot.evaluation.events.OnsetScore;
import dev.parrot.model.EventEvaluation;
import dev.parrot.runtime.AudioSource;
import dev.parrot.runtime.SoundDetector;
import dev.parrot.runtime.SoundEvent;
import dev.parrot.runtime.SoundListener;
import dev.parrot.runtime.SoundModel;
import dev.parrot.segments.SrtLocator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A model's own detector ({@link SoundModel#newDetector}, the calibrated settings) on a source, each event handed on
 * as it is heard (a held sound's start, continuations and stop too), and a summary at the end: the sounds heard per
 * sound (a held sound once, by its start), and, for a recording with a truth SRT beside it
 * (found by {@link SrtLocator}'s rules, as {@code classify} finds it), the recall of onsets and the false alarms per
 * minute, counted as {@code classify} counts them ({@link OnsetScore}).
 *
 * <p>{@link #stop()} may be called from another thread (the Enter key's).
 */
public final class Listening {

    /**
     * What was heard.
     *
     * @param seconds the audio listened to
     * @param events in time order, every phase
     * @param perSound sounds heard per sound (short sounds and held sounds' starts), every sound of the model in its
     *        order
     * @param truth the truth SRT the events were scored against, or null
     * @param figures the score against it, or null
     * @param warnings what was wrong with the truth
     */
    public record Result(double seconds, List<SoundEvent> events, Map<String, Integer> perSound, Path truth,
            EventEvaluation.Figures figures, List<String> warnings) {

        /** The summary for the log. */
        public List<String> summary() {
            List<String> lines = new ArrayList<>();
            StringBuilder counts = new StringBuilder();
            perSound.forEach((sound, n) -> counts.append(counts.isEmpty() ? "" : ", ").append(sound).append(' ')
                    .append(n));
            int heard = perSound.values().stream().mapToInt(Integer::intValue).sum();
            lines.add(String.format(Locale.ROOT, "Heard %d sound%s in %.1f s: %s", heard, heard == 1 ? "" : "s",
                    seconds, counts));
            if (figures != null) {
                lines.add("Against " + truth + ": " + LongRecordingEvents.describe(figures));
            }
            return lines;
        }
    }

    private final SoundModel model;
    private final SoundDetector detector;
    private final List<SoundEvent> events = new ArrayList<>();

    /** @param heard gets each event as it is heard, on the listening thread */
    public Listening(SoundModel model, Consumer<SoundEvent> heard) {
        this.model = model;
        this.detector = model.newDetector(SoundListener.all(event -> {
            events.add(event);
            heard.accept(event);
        }));
    }

    /**
     * Listens to {@code source} until it ends or {@link #stop()} is called. The source is not closed.
     *
     * @throws IOException when the source cannot be read
     */
    public void listen(AudioSource source) throws IOException {
        detector.run(source);
    }

    /** Makes {@link #listen} return after the chunk it is on; safe from any thread. */
    public void stop() {
        detector.stop();
    }

    /**
     * What was heard, scored against a truth SRT when {@code recording} (the file listened to, or null for a
     * microphone) has one.
     *
     * @throws IOException when the folders cannot be searched for the truth
     */
    public Result result(Path recording) throws IOException {
        double seconds = detector.secondsProcessed();
        Map<String, Integer> perSound = new LinkedHashMap<>();
        model.labels().stream().filter(l -> !model.isBackground(l)).forEach(l -> perSound.put(l, 0));
        events.stream().filter(SoundEvent::begins).forEach(e -> perSound.merge(e.sound(), 1, Integer::sum));
        if (recording == null) {
            return new Result(seconds, events, perSound, null, null, List.of());
        }
        Path folder = recording.toAbsolutePath().getParent();
        // Parrot.py's layout: <sound>/source/<recording>.wav, its truth in <sound>/segments/.
        Path soundFolder = folder.getFileName() != null && folder.getFileName().toString().equals("source")
                && folder.getParent() != null ? folder.getParent() : folder;
        Optional<Path> truth = SrtLocator.find(recording.toAbsolutePath(), soundFolder);
        if (truth.isEmpty()) {
            return new Result(seconds, events, perSound, null, null, List.of());
        }
        String folderName = soundFolder.getFileName() == null ? null : soundFolder.getFileName().toString();
        // In a sound's folder its segments are that sound, as training reads them; elsewhere they keep their labels.
        String sound = folderName != null && model.labels().contains(folderName) && !model.isBackground(folderName)
                ? folderName : null;
        List<String> warnings = new ArrayList<>();
        LongRecordingEvents.Scored scored = LongRecordingEvents.score(model, events, seconds, truth.get(), sound,
                warnings);
        return new Result(seconds, events, perSound, scored == null ? null : truth.get(),
                scored == null ? null : scored.figures(), warnings);
    }

    /**
     * An event as a line of the log: time, sound, confidence, level and phase ({@code once} for a short sound;
     * {@code start}, {@code continuing}, {@code stop} for a held one), with the precision and words of classify's
     * events CSV so that the two can be compared line by line. A stop decided on a window too quiet to measure has no
     * level.
     */
    public static String line(SoundEvent event) {
        String level = Double.isFinite(event.levelDbfs())
                ? String.format(Locale.ROOT, "%6.1f dBFS", event.levelDbfs()) : "     - dBFS";
        return String.format(Locale.ROOT, "%9.3f s  %-12s %.4f  %s  %s", event.timeSeconds(), event.sound(),
                event.confidence(), level, event.phase().name().toLowerCase(Locale.ROOT));
    }
}
