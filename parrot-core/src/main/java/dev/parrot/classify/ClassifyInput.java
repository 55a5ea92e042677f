package dev.parrot.classify;

import dev.parrot.ParrotException;
import dev.parrot.Setting;
import dev.parrot.dataset.DatasetReader;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What classify is given, as recordings: a WAV file, or the WAV files of a folder, each with the sound its first
 * sub-folder names when that is one of the model's sounds (so that classify can measure the model on it).
 */
final class ClassifyInput {

    /**
     * A recording to classify.
     *
     * @param name its path relative to the input, with '/' on every system
     * @param expected the sound its folder names, or null
     * @param soundFolder the folder of its sound, where Parrot.py keeps {@code segments/}
     */
    record Job(Path file, String name, String expected, Path soundFolder) {
    }

    private ClassifyInput() {
    }

    /** The recordings of {@code input}, in the order training would read them. */
    static List<Job> jobs(Path input, List<String> labels) throws ParrotException {
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
            throw new ParrotException("Nothing to classify: no .wav file in " + input + " or its sub-folders.",
                    Setting.INPUT);
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
}
