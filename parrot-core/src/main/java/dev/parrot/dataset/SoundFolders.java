package dev.parrot.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The folders of each sound and the recordings in them, as Parrot.py lays them out: {@code <sound>/*.wav} takes,
 * {@code <sound>/source/<recording>.wav} with {@code <sound>/segments/<recording>.v<N>.srt}, and, with a microphone
 * separator, one folder per microphone ({@code pop--dpa}, {@code pop--desk}) for one sound. What Parrot.py leaves
 * beside the segments ({@code _comparison.wav} buzzer tracks, {@code _thresholds.txt}) is never a recording.
 */
public final class SoundFolders {

    private static final String COMPARISON_SUFFIX = "_comparison.wav";

    private SoundFolders() {
    }

    /** The folders of each sound under a recordings folder, sounds sorted by name; hidden folders are not sounds. */
    public static Map<String, List<Path>> discover(Path recordingsDirectory, DatasetOptions options)
            throws DatasetException {
        Map<String, List<Path>> folders = new LinkedHashMap<>();
        try (Stream<Path> children = Files.list(recordingsDirectory)) {
            for (Path folder : children.filter(Files::isDirectory)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted().toList()) {
                folders.computeIfAbsent(options.soundOf(folder.getFileName().toString()), k -> new ArrayList<>())
                        .add(folder);
            }
        } catch (IOException | UncheckedIOException e) {
            throw new DatasetException("Cannot list the recordings folder " + recordingsDirectory + ": "
                    + e.getMessage());
        }
        Map<String, List<Path>> sorted = new LinkedHashMap<>();
        folders.keySet().stream().sorted().forEach(sound -> sorted.put(sound, folders.get(sound)));
        return sorted;
    }

    /**
     * The recordings of one sound folder, searched recursively and sorted by path, without Parrot.py's comparison
     * tracks and without anything in its {@code segments/} folder.
     */
    public static List<Path> recordings(Path soundFolder) throws DatasetException {
        Path segments = soundFolder.resolve("segments");
        List<Path> recordings = new ArrayList<>();
        for (Path file : DatasetReader.wavFiles(soundFolder)) {
            if (file.startsWith(segments)
                    || file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(COMPARISON_SUFFIX)) {
                continue;
            }
            recordings.add(file);
        }
        return recordings;
    }

    /** A plain recording this long is a long recording, as one in a {@code source/} folder is whatever its length. */
    public static final double LONG_RECORDING_SECONDS = 10;

    /**
     * Whether a recording is a long one (minutes of room with the sound made now and then, as Parrot.py records
     * them): {@link #LONG_RECORDING_SECONDS} or longer, or in a {@code source/} folder. Training segments such
     * recordings; {@code classify} runs the live detector over them.
     *
     * @param soundFolder the sound folder the recording was found in
     */
    public static boolean isLongRecording(Path soundFolder, Path file, double durationSeconds) {
        return inSourceFolder(soundFolder, file) || durationSeconds >= LONG_RECORDING_SECONDS;
    }

    /** Whether a recording sits in a Parrot.py {@code source/} folder: a long recording by its nature. */
    static boolean inSourceFolder(Path soundFolder, Path file) {
        return file.getParent() != null && file.getParent().equals(soundFolder.resolve("source"));
    }
}
