package dev.parrot.maven.report;

import dev.parrot.ProgressLog;
import dev.parrot.audio.Recording;
import dev.parrot.audio.UnreadableRecordingException;
import dev.parrot.audio.WavDecoder;
import dev.parrot.audio.WavWriter;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.UnseenEvaluation;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Short excerpts of the recordings a model got wrong, copied into the site beside {@code parrot.html} so that the page
 * plays them wherever it is published: {@code parrot-clips/<model>/cv-01.wav} for cross-validation's mistakes and
 * {@code new-01.wav} for classify's misses. Each is at most {@link #MAX_SECONDS} of 16 kHz mono 16-bit audio around
 * the loudest moment, so a page holds at most {@link #PER_LIST} x 2 x 96 KB per model.
 */
public final class ReportClips {

    /** The folder beside {@code parrot.html}. */
    static final String FOLDER = "parrot-clips";
    static final double MAX_SECONDS = 3.0;
    static final int PER_LIST = 10;
    private static final int RATE = 16_000;
    /** A fade at a cut edge, so that an excerpt does not start or end with a click. */
    private static final double FADE_SECONDS = 0.01;

    private ReportClips() {
    }

    /**
     * Where the clips of a model are, by the file name the model's JSON gives for the recording, as links relative
     * to the page.
     *
     * @param training cross-validation's mistakes
     * @param unseen classify's misses
     */
    public record Clips(Map<String, String> training, Map<String, String> unseen) {

        public static final Clips NONE = new Clips(Map.of(), Map.of());
    }

    /**
     * Copies the clips of one model into {@code siteDirectory}, replacing the ones an earlier report left. A recording
     * that is gone or cannot be read gets no clip; the page then shows its name without a player.
     */
    public static Clips copy(Path siteDirectory, ModelDescriptor model, Optional<UnseenEvaluation> unseen,
            ProgressLog log) throws IOException {
        Path folder = siteDirectory.resolve(FOLDER).resolve(ModelView.anchor(model.name()));
        deleteRecursively(folder);
        Map<String, String> training = new LinkedHashMap<>();
        ModelDescriptor.Training t = model.training();
        if (t != null && t.recordingsDirectory() != null) {
            List<String> files = model.evaluation().mistakes().stream().map(ModelDescriptor.Mistake::file).toList();
            training = copyAll(Path.of(t.recordingsDirectory()), files, folder, "cv", log);
        }
        Map<String, String> misses = new LinkedHashMap<>();
        if (unseen.isPresent() && unseen.get().input() != null && unseen.get().misclassified() != null) {
            List<String> files = unseen.get().misclassified().stream().map(UnseenEvaluation.Miss::file).toList();
            misses = copyAll(Path.of(unseen.get().input()), files, folder, "new", log);
        }
        return new Clips(Map.copyOf(training), Map.copyOf(misses));
    }

    private static Map<String, String> copyAll(Path from, List<String> files, Path folder, String prefix,
            ProgressLog log) throws IOException {
        Map<String, String> links = new LinkedHashMap<>();
        int n = 0;
        for (String file : files.subList(0, Math.min(PER_LIST, files.size()))) {
            Path source = from.resolve(file);
            Recording recording;
            try {
                recording = WavDecoder.read(source).resampledTo(RATE);
            } catch (UnreadableRecordingException e) {
                log.debug("No clip of " + source + " on the report: " + e.reason());
                continue;
            }
            String name = String.format(Locale.ROOT, "%s-%02d.wav", prefix, ++n);
            WavWriter.writePcm16(folder.resolve(name), excerpt(recording.samples(), RATE), RATE);
            links.put(file, FOLDER + "/" + folder.getFileName() + "/" + name);
        }
        return links;
    }

    /** At most {@link #MAX_SECONDS} around the loudest sample, faded in and out where it was cut. */
    static float[] excerpt(float[] samples, int rate) {
        int length = (int) (MAX_SECONDS * rate);
        if (samples.length <= length) {
            return samples.clone();
        }
        int loudest = 0;
        for (int i = 1; i < samples.length; i++) {
            if (Math.abs(samples[i]) > Math.abs(samples[loudest])) {
                loudest = i;
            }
        }
        // The loudest moment a quarter in: a sound's onset is what tells it apart, and the tail comes after.
        int start = Math.max(0, Math.min(samples.length - length, loudest - length / 4));
        float[] clip = new float[length];
        System.arraycopy(samples, start, clip, 0, length);
        int fade = (int) (FADE_SECONDS * rate);
        for (int i = 0; i < fade; i++) {
            float gain = i / (float) fade;
            if (start > 0) {
                clip[i] *= gain;
            }
            if (start + length < samples.length) {
                clip[length - 1 - i] *= gain;
            }
        }
        return clip;
    }

    private static void deleteRecursively(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
