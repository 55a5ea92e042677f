package dev.parrot.audio;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/** Finding recordings on disk. */
public final class WavFiles {

    private WavFiles() {
    }

    /**
     * The {@code .wav} files (any case) in a folder and its sub-folders, in path order, without hidden files (the
     * {@code ._x.wav} that macOS leaves beside copies are no recordings).
     *
     * @throws IOException when the folder cannot be walked
     */
    public static List<Path> under(Path folder) throws IOException {
        try (Stream<Path> files = Files.walk(folder)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
