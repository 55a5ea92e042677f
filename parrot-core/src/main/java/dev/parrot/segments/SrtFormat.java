package dev.parrot.segments;

import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SRT files as Parrot.py writes them: per segment a counter line, {@code HH:MM:SS,mmm --> HH:MM:SS,mmm}, the label, a
 * blank line. Reading is a pure function of the file's bytes, bounded in size, so that it can be fed anything (a
 * hand-edited file, a fuzzer's bytes) and answers either with segments or with an {@link SrtException} naming the
 * file and the line.
 */
public final class SrtFormat {

    /** Larger files are refused: an hour of segments every second is under 200,000 lines, about 8 MB. */
    public static final int MAX_BYTES = 16 << 20;

    /** A time range; a '.' for the comma and one or two hour digits are accepted too, as subtitle editors write. */
    private static final Pattern RANGE = Pattern.compile(
            "(\\d{1,3}):(\\d{2}):(\\d{2})[,.](\\d{3})\\s*-->\\s*(\\d{1,3}):(\\d{2}):(\\d{2})[,.](\\d{3})(\\s.*)?");

    private SrtFormat() {
    }

    /**
     * The segments of an SRT file, in time order.
     *
     * @param file the name used in messages
     * @throws SrtException when the bytes are not UTF-8 text, are too large, or an entry is malformed, runs
     *         backwards, or overlaps the one before
     */
    public static List<Segment> parse(String file, byte[] bytes) throws SrtException {
        if (bytes.length > MAX_BYTES) {
            throw new SrtException(file, 0, "is " + bytes.length + " bytes, more than an SRT of segments can be ("
                    + MAX_BYTES + ")");
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw new SrtException(file, 0, "is not UTF-8 text");
        }
        return parse(file, text);
    }

    /** The segments of an SRT text; see {@link #parse(String, byte[])}. */
    public static List<Segment> parse(String file, String text) throws SrtException {
        if (text.length() > MAX_BYTES) {
            throw new SrtException(file, 0, "is longer than an SRT of segments can be (" + MAX_BYTES + " characters)");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\r|\n", -1);
        List<Segment> segments = new ArrayList<>();
        int i = 0;
        while (i < lines.length) {
            if (lines[i].isBlank()) {
                i++;
                continue;
            }
            Entry entry = entry(file, lines, i);
            if (!segments.isEmpty()) {
                inOrder(file, segments.get(segments.size() - 1), entry.segment());
            }
            segments.add(entry.segment());
            i = entry.next();
        }
        return segments;
    }

    /** A segment, and the index of the line after its entry. */
    private record Entry(Segment segment, int next) {
    }

    /**
     * The entry whose counter is on line index {@code i}: the counter, the time range, the label, and any further
     * text lines, which are passed over.
     */
    private static Entry entry(String file, String[] lines, int i) throws SrtException {
        int counterLine = i + 1;
        if (!lines[i].strip().matches("\\d{1,9}")) {
            throw new SrtException(file, counterLine, "expected the counter of an entry (a number), found '"
                    + shorten(lines[i]) + "'");
        }
        i++;
        if (i >= lines.length || lines[i].isBlank()) {
            throw new SrtException(file, counterLine, "entry " + lines[counterLine - 1].strip()
                    + " has no time range ('HH:MM:SS,mmm --> HH:MM:SS,mmm') on the next line");
        }
        int rangeLine = i + 1;
        Matcher m = RANGE.matcher(lines[i].strip());
        if (!m.matches()) {
            throw new SrtException(file, rangeLine, "'" + shorten(lines[i])
                    + "' is not a time range 'HH:MM:SS,mmm --> HH:MM:SS,mmm'");
        }
        double start = seconds(m, 1);
        double end = seconds(m, 5);
        if (!(m.group(3).compareTo("60") < 0 && m.group(2).compareTo("60") < 0
                && m.group(7).compareTo("60") < 0 && m.group(6).compareTo("60") < 0)) {
            throw new SrtException(file, rangeLine, "'" + shorten(lines[i])
                    + "' has minutes or seconds of 60 or more");
        }
        i++;
        if (i >= lines.length || lines[i].isBlank()) {
            throw new SrtException(file, rangeLine, "the entry has no label on the line after its time range");
        }
        String label = lines[i].strip();
        i++;
        // Subtitle files may carry more text lines; Parrot.py reads only the first as the label.
        while (i < lines.length && !lines[i].isBlank()) {
            i++;
        }
        if (end <= start) {
            throw new SrtException(file, rangeLine, "the segment ends (" + time(end) + ") before it starts ("
                    + time(start) + ")");
        }
        return new Entry(new Segment(start, end, label, rangeLine), i);
    }

    /** Refuses a segment that starts before the one before it, or overlaps it. */
    private static void inOrder(String file, Segment previous, Segment next) throws SrtException {
        if (next.startSeconds() < previous.startSeconds()) {
            throw new SrtException(file, next.line(), "the segment starting at " + time(next.startSeconds())
                    + " comes after one starting later, at " + time(previous.startSeconds())
                    + "; list the segments in time order");
        }
        if (next.startSeconds() < previous.endSeconds()) {
            throw new SrtException(file, next.line(), "the segment " + time(next.startSeconds()) + " --> "
                    + time(next.endSeconds()) + " overlaps the one on line " + previous.line() + " ("
                    + time(previous.startSeconds()) + " --> " + time(previous.endSeconds()) + ")");
        }
    }

    /** The SRT text of segments as Parrot.py writes it, numbered from 1, times rounded to the millisecond. */
    public static String format(List<Segment> segments) {
        StringBuilder out = new StringBuilder();
        int counter = 1;
        for (Segment s : segments) {
            out.append(counter++).append('\n')
                    .append(time(s.startSeconds())).append(" --> ").append(time(s.endSeconds())).append('\n')
                    .append(s.label()).append("\n\n");
        }
        return out.toString();
    }

    /** {@code HH:MM:SS,mmm}. */
    public static String time(double seconds) {
        long ms = Math.max(0, Math.round(seconds * 1000));
        return String.format(Locale.ROOT, "%02d:%02d:%02d,%03d", ms / 3_600_000, ms / 60_000 % 60, ms / 1000 % 60,
                ms % 1000);
    }

    private static double seconds(Matcher m, int group) {
        long ms = Long.parseLong(m.group(group)) * 3_600_000 + Long.parseLong(m.group(group + 1)) * 60_000
                + Long.parseLong(m.group(group + 2)) * 1000 + Long.parseLong(m.group(group + 3));
        return ms / 1000.0;
    }

    private static String shorten(String line) {
        String s = line.strip();
        return s.length() > 60 ? s.substring(0, 57) + "..." : s;
    }
}
