package dev.parrot.maven.report;

import dev.parrot.ParrotException;
import dev.parrot.ProgressLog;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.ModelFiles;
import dev.parrot.model.ModelHistory;
import dev.parrot.model.ModelJson;
import dev.parrot.model.UnseenEvaluation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The models the train goal left in a folder: every {@code *.json} there that is a model descriptor with an
 * evaluation. Other JSON files (the classify goal writes its own next to the models) are passed over quietly; a
 * descriptor beside its {@code .model} that cannot be read is worth a warning, because the user expects it on the
 * page.
 */
public final class ModelsFolder {

    private ModelsFolder() {
    }

    /** A model found: its descriptor file and what it holds. */
    public record FoundModel(Path file, ModelDescriptor descriptor) {
    }

    /**
     * The models in {@code directory}, by name; none when it does not exist.
     *
     * @throws IOException when the folder cannot be listed
     */
    public static List<FoundModel> scan(Path directory, ProgressLog log) throws IOException {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        List<Path> candidates;
        try (Stream<Path> files = Files.list(directory)) {
            candidates = files.filter(p -> p.getFileName().toString().endsWith(ModelFiles.DESCRIPTOR_EXTENSION))
                    .filter(p -> !ModelHistory.isHistory(p))
                    .filter(Files::isRegularFile)
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        }
        List<FoundModel> found = new ArrayList<>();
        for (Path file : candidates) {
            boolean besideModel = Files.isRegularFile(ModelFiles.of(file).classifierFile());
            String problem;
            try (InputStream in = Files.newInputStream(file)) {
                ModelDescriptor descriptor = ModelJson.parseDescriptor(in, file.toString());
                problem = ModelView.problem(descriptor);
                if (problem == null) {
                    found.add(new FoundModel(file, descriptor));
                    continue;
                }
                problem = file + " is left out of the report: " + problem + ".";
            } catch (ParrotException e) {
                problem = e.getMessage();
            } catch (IOException e) {
                problem = "Cannot read " + file + ": " + e.getMessage();
            }
            if (besideModel) {
                log.warn(problem);
            } else {
                log.debug(problem + " (not a model: no " + ModelFiles.of(file).classifierFile().getFileName()
                        + " beside it)");
            }
        }
        return found;
    }

    /**
     * The figures of the model's past trainings, {@code <modelName>-history.json} beside it, when the train goal kept
     * one. A file that cannot be read is warned about and left out.
     */
    public static Optional<ModelHistory> history(FoundModel model, ProgressLog log) {
        Path file = ModelHistory.file(ModelFiles.of(model.file()));
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(ModelHistory.read(file, model.descriptor().name()));
        } catch (ParrotException e) {
            log.warn(e.getMessage() + " It is left out of the report.");
        } catch (IOException e) {
            log.warn("Cannot read " + file + ": " + e.getMessage() + ". It is left out of the report.");
        }
        return Optional.empty();
    }

    /**
     * What {@code parrot:classify} measured for a model on recordings it never saw, when it left
     * {@code <modelName>-unseen.json} in {@code classificationsDirectory}. A file that cannot be read is warned about
     * and left out; the rest of the page does not depend on it.
     */
    public static Optional<UnseenEvaluation> unseen(Path classificationsDirectory, ModelDescriptor model,
            ProgressLog log) {
        Path file = UnseenEvaluation.file(classificationsDirectory, model.name());
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(UnseenEvaluation.read(file));
        } catch (ParrotException e) {
            log.warn(e.getMessage() + " It is left out of the report.");
        } catch (IOException e) {
            log.warn("Cannot read " + file + ": " + e.getMessage() + ". It is left out of the report.");
        }
        return Optional.empty();
    }
}
