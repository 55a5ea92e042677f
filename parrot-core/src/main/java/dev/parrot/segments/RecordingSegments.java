package dev.parrot.segments;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The segments of one long recording: read from its SRT file (checked against the folder's sound and the audio's
 * length), or found by {@link SegmentFinder} and written as an SRT the user can inspect and correct.
 */
public final class RecordingSegments {

    /** Where a recording's segments came from. */
    public enum Origin {
        SRT, DETECTED
    }

    /**
     * @param segments the sound's segments, in time order, within the audio
     * @param origin SRT or detected
     * @param file the SRT read or written
     * @param warnings what was wrong with single segments and was left out or mended, each naming file and line
     */
    public record Result(List<Segment> segments, Origin origin, Path file, List<String> warnings) {

        public double soundSeconds() {
            return segments.stream().mapToDouble(Segment::seconds).sum();
        }
    }

    private RecordingSegments() {
    }

    /**
     * Reads an SRT file. As in Parrot.py the label comes from the folder: a segment labelled otherwise is read as
     * {@code sound} with a warning, and one labelled {@code silenceLabel} marks background, not sound. Without a
     * {@code sound} (a recording of several sounds, outside a sound's folder) the segments keep their labels. A segment past
     * the end of the audio is left out, one running past it is cut at the end, each with a warning.
     *
     * @throws SrtException when the file cannot be read as SRT
     */
    public static Result fromSrt(Path srt, String sound, double durationSeconds, String silenceLabel)
            throws SrtException {
        byte[] bytes;
        try {
            if (Files.size(srt) > SrtFormat.MAX_BYTES) {
                throw new SrtException(srt.toString(), 0, "is " + Files.size(srt) + " bytes, more than an SRT of"
                        + " segments can be (" + SrtFormat.MAX_BYTES + ")");
            }
            bytes = Files.readAllBytes(srt);
        } catch (IOException e) {
            throw new SrtException(srt.toString(), 0, "cannot be read: " + e.getMessage());
        }
        List<Segment> kept = new ArrayList<>();
        List<String> warnings = new ArrayList<>();
        for (Segment s : SrtFormat.parse(srt.toString(), bytes)) {
            String where = srt + ":" + s.line() + ": ";
            if (s.label().equalsIgnoreCase(silenceLabel)) {
                continue;
            }
            if (sound != null && !s.label().equalsIgnoreCase(sound)) {
                warnings.add(where + "the label '" + s.label() + "' is not the folder's sound '" + sound
                        + "'; the segment is learned as '" + sound + "', as Parrot.py does");
            }
            if (s.startSeconds() >= durationSeconds) {
                warnings.add(String.format(Locale.ROOT, "%sthe segment %s --> %s starts past the end of the audio"
                        + " (%s); left out", where, SrtFormat.time(s.startSeconds()), SrtFormat.time(s.endSeconds()),
                        SrtFormat.time(durationSeconds)));
                continue;
            }
            if (s.endSeconds() > durationSeconds) {
                warnings.add(String.format(Locale.ROOT, "%sthe segment %s --> %s runs past the end of the audio"
                        + " (%s); cut there", where, SrtFormat.time(s.startSeconds()), SrtFormat.time(s.endSeconds()),
                        SrtFormat.time(durationSeconds)));
                s = new Segment(s.startSeconds(), durationSeconds, s.label(), s.line());
            }
            kept.add(new Segment(s.startSeconds(), s.endSeconds(), sound != null ? sound : s.label(), s.line()));
        }
        return new Result(List.copyOf(kept), Origin.SRT, srt, List.copyOf(warnings));
    }

    /**
     * Finds the segments of a recording without an SRT and writes them to {@code output} (unless null), replacing what
     * an earlier build wrote there (a temporary file moved into place, so a reader never sees half of it).
     */
    public static Result detect(float[] samples, int sampleRate, String sound, Path output) throws IOException {
        SegmentFinder.FrameLevels levels = new SegmentFinder.FrameLevels(sampleRate);
        levels.add(samples, 0, samples.length);
        return detect(levels, sound, output);
    }

    /** As {@link #detect(float[], int, String, Path)}, from the levels of the recording's frames. */
    public static Result detect(SegmentFinder.FrameLevels levels, String sound, Path output) throws IOException {
        SegmentFinder.Found found = SegmentFinder.find(levels, sound);
        if (output == null) {
            return new Result(found.segments(), Origin.DETECTED, null, List.of());
        }
        Files.createDirectories(output.getParent());
        Path temporary = output.resolveSibling(output.getFileName() + ".tmp");
        Files.writeString(temporary, SrtFormat.format(found.segments()), StandardCharsets.UTF_8);
        Files.move(temporary, output, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new Result(found.segments(), Origin.DETECTED, output, List.of());
    }
}
