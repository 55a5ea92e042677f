package dev.parrot.segments;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Which SRT file marks a recording's segments, by Parrot.py's rules: {@code <recording>.MANUAL.srt} (made or corrected
 * by hand) wins, otherwise the highest {@code <recording>.v<N>.srt} (Parrot.py's segmentation versions). They are
 * looked for beside the recording and in the sound folder's {@code segments/}, where Parrot.py writes them.
 */
public final class SrtLocator {

    public static final String MANUAL_SUFFIX = ".MANUAL.srt";
    private static final Pattern VERSIONED = Pattern.compile("\\.v(\\d{1,9})\\.srt");

    private SrtLocator() {
    }

    /** The SRT for {@code wav}, if any, looked for beside it and in {@code <soundFolder>/segments}. */
    public static Optional<Path> find(Path wav, Path soundFolder) throws IOException {
        String key = recordingName(wav.getFileName().toString());
        List<Path> folders = new ArrayList<>();
        folders.add(wav.getParent());
        Path segments = soundFolder.resolve("segments");
        if (!segments.equals(wav.getParent()) && Files.isDirectory(segments)) {
            folders.add(segments);
        }
        Path manual = null;
        Path versioned = null;
        long highest = -1;
        for (Path folder : folders) {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(folder,
                    p -> p.getFileName().toString().startsWith(key + "."))) {
                for (Path file : files) {
                    String rest = file.getFileName().toString().substring(key.length());
                    if (rest.equals(MANUAL_SUFFIX)) {
                        manual = manual == null ? file : manual;
                        continue;
                    }
                    Matcher m = VERSIONED.matcher(rest);
                    if (m.matches() && Long.parseLong(m.group(1)) > highest) {
                        highest = Long.parseLong(m.group(1));
                        versioned = file;
                    }
                }
            }
        }
        return Optional.ofNullable(manual != null ? manual : versioned);
    }

    /** The recording's name without {@code .wav}: the key its SRT files start with. */
    public static String recordingName(String wavFileName) {
        int dot = wavFileName.lastIndexOf('.');
        return dot > 0 ? wavFileName.substring(0, dot) : wavFileName;
    }
}
