package dev.parrot.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import dev.parrot.ParrotException;
import dev.parrot.ProgressLog;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The figures of a model's past trainings, {@code <modelName>-history.json} beside the model: each training appends
 * one entry, so that the site report can show whether re-recording a sound helped. Only the last {@link #KEPT}
 * trainings are kept.
 *
 * @param formatVersion {@link #FORMAT_VERSION}
 * @param model the model's name
 * @param builds the trainings, oldest first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelHistory(int formatVersion, String model, List<Build> builds) {

    public static final int FORMAT_VERSION = 1;
    /** Trainings kept in the file. */
    public static final int KEPT = 100;
    static final String SUFFIX = "-history.json";

    public ModelHistory {
        builds = builds == null ? List.of() : List.copyOf(builds);
    }

    /**
     * One training.
     *
     * @param createdAt when it finished, ISO-8601
     * @param parrotVersion the Parrot that made it
     * @param classifier the learner's name
     * @param recordings recordings evaluated
     * @param windows windows evaluated
     * @param accuracy cross-validated accuracy over windows, 0..1
     * @param clipAccuracy share of recordings recognised as a whole, 0..1
     * @param recall per sound, the share of its windows recognised, in the model's label order
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Build(String createdAt, String parrotVersion, String classifier, int recordings, long windows,
            double accuracy, double clipAccuracy, Map<String, Double> recall) {

        /** The figures of a model as the train goal wrote it. */
        public static Build of(ModelDescriptor d) {
            ModelDescriptor.Evaluation e = d.evaluation();
            Map<String, Double> recall = new LinkedHashMap<>();
            if (e.perSound() != null) {
                e.perSound().forEach(m -> recall.put(m.sound(), Math.round(m.recall() * 10_000) / 10_000.0));
            }
            return new Build(d.createdAt(), d.parrotVersion(), d.classifier() == null ? null : d.classifier().name(),
                    e.recordings(), e.windows(), e.accuracy(), e.clipAccuracy(), recall);
        }
    }

    /** The history file of a model: {@code <modelName>-history.json} beside its {@code .json}. */
    public static Path file(ModelFiles model) {
        return model.descriptorFile().resolveSibling(model.name() + SUFFIX);
    }

    /** Whether a file in a models folder is a history rather than a model descriptor. */
    public static boolean isHistory(Path file) {
        return file.getFileName().toString().endsWith(SUFFIX);
    }

    /**
     * Reads a history; an empty one when the file does not exist.
     *
     * @throws ParrotException when the file is not a model history
     */
    public static ModelHistory read(Path file, String model) throws ParrotException, IOException {
        try (InputStream in = Files.newInputStream(file)) {
            ModelHistory h = ModelJson.mapper().readValue(in, ModelHistory.class);
            if (h == null) {
                throw new ParrotException(file + " is not a model history written by parrot:train: it is empty.");
            }
            return h;
        } catch (NoSuchFileException e) {
            return new ModelHistory(FORMAT_VERSION, model, List.of());
        } catch (JsonProcessingException e) {
            throw new ParrotException(file + " is not a model history written by parrot:train: "
                    + e.getOriginalMessage());
        }
    }

    /**
     * Adds a training to the model's history and writes it atomically. A history that cannot be read is moved aside
     * to {@code <file>.unreadable} with a warning, and a new one begins: it is worth less than the training that
     * just succeeded.
     */
    public static ModelHistory append(ModelFiles model, ModelDescriptor descriptor, ProgressLog log)
            throws IOException {
        // Under the model's lock, like the model's own files: two trainings of one model at once would otherwise
        // each read the history, add their line and write it back, and one line would be lost.
        try (ModelLock lock = ModelLock.forWriting(model.classifierFile().toAbsolutePath().getParent(), model.name())) {
            return appendLocked(model, descriptor, log);
        }
    }

    private static ModelHistory appendLocked(ModelFiles model, ModelDescriptor descriptor, ProgressLog log)
            throws IOException {
        Path file = file(model);
        ModelHistory history;
        try {
            history = read(file, model.name());
        } catch (ParrotException e) {
            Path aside = file.resolveSibling(file.getFileName() + ".unreadable");
            Files.move(file, aside, StandardCopyOption.REPLACE_EXISTING);
            log.warn(e.getMessage() + " It was moved to " + aside + " and a new history begins.");
            history = new ModelHistory(FORMAT_VERSION, model.name(), List.of());
        }
        List<Build> builds = new ArrayList<>(history.builds());
        builds.add(Build.of(descriptor));
        if (builds.size() > KEPT) {
            builds = builds.subList(builds.size() - KEPT, builds.size());
        }
        ModelHistory updated = new ModelHistory(FORMAT_VERSION, model.name(), builds);
        byte[] json = ModelJson.mapper().writeValueAsBytes(updated);
        AtomicFile.write(file, out -> out.write(json));
        return updated;
    }
}
