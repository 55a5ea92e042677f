package dev.parrot.segments;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SrtFormatTest {

    /** What Parrot.py's persist_srt_file writes. */
    private static final String PARROT_PY = "1\n00:00:01,230 --> 00:00:01,470\npop\n\n"
            + "2\n00:01:02,005 --> 00:01:02,500\npop\n\n";

    @Test
    void readsWhatParrotPyWrites() throws SrtException {
        List<Segment> segments = SrtFormat.parse("a.v3.srt", PARROT_PY);
        assertEquals(List.of(new Segment(1.23, 1.47, "pop", 2), new Segment(62.005, 62.5, "pop", 6)), segments);
    }

    @Test
    void writesWhatItReads() throws SrtException {
        List<Segment> segments = List.of(new Segment(1.23, 1.47, "pop", 0), new Segment(3723.0, 3723.25, "pop", 0));
        String text = SrtFormat.format(segments);
        assertEquals("1\n00:00:01,230 --> 00:00:01,470\npop\n\n2\n01:02:03,000 --> 01:02:03,250\npop\n\n", text);
        List<Segment> back = SrtFormat.parse("x.srt", text);
        assertEquals(3723.25, back.get(1).endSeconds(), 1e-9);
    }

    @Test
    void toleratesWindowsLineEndsABomExtraTextAndNoTrailingBlankLine() throws SrtException {
        String text = "\uFEFF1\r\n00:00:01.000 --> 00:00:02,000\r\npop\r\nsecond line\r\n\r\n\r\n2\r\n"
                + "00:00:03,000 --> 00:00:04,000\r\npop";
        List<Segment> segments = SrtFormat.parse("w.srt", text.getBytes(StandardCharsets.UTF_8));
        assertEquals(2, segments.size());
        assertEquals("pop", segments.get(0).label());
        assertEquals(3.0, segments.get(1).startSeconds(), 1e-9);
    }

    @Test
    void anEmptyFileHasNoSegments() throws SrtException {
        assertEquals(List.of(), SrtFormat.parse("e.srt", "\n\n"));
    }

    private static SrtException fails(String text) {
        return assertThrows(SrtException.class, () -> SrtFormat.parse("rec.v2.srt", text));
    }

    private static void failsAt(String text, int line, String words) {
        SrtException e = fails(text);
        assertTrue(e.getMessage().startsWith("rec.v2.srt:" + line + ": "), e.getMessage());
        assertTrue(e.getMessage().contains(words), e.getMessage());
        assertTrue(e.reason().startsWith("line " + line + ": "), e.reason());
    }

    @Test
    void everyMalformedEntryIsNamedByFileAndLine() {
        failsAt("pop\n00:00:01,000 --> 00:00:02,000\npop\n", 1, "expected the counter");
        failsAt("1\n\npop\n", 1, "has no time range");
        failsAt("1\n", 1, "has no time range");
        failsAt("1\n00:00:01 --> 00:00:02\npop\n", 2, "is not a time range");
        failsAt("1\n00:00:01,000 -> 00:00:02,000\npop\n", 2, "is not a time range");
        failsAt("1\n00:00:01,000 --> 00:00:0x,000\npop\n", 2, "is not a time range");
        failsAt("1\n00:61:01,000 --> 00:61:02,000\npop\n", 2, "60 or more");
        failsAt("1\n00:00:01,000 --> 00:00:02,000\n\n", 2, "no label");
        failsAt("1\n00:00:01,000 --> 00:00:02,000", 2, "no label");
        failsAt("1\n00:00:02,000 --> 00:00:01,000\npop\n", 2, "ends (00:00:01,000) before it starts");
        failsAt("1\n00:00:01,000 --> 00:00:01,000\npop\n", 2, "before it starts");
        failsAt(PARROT_PY + "3\n00:01:02,400 --> 00:01:03,000\npop\n", 10, "overlaps the one on line 6");
        failsAt("1\n00:00:05,000 --> 00:00:06,000\npop\n\n2\n00:00:01,000 --> 00:00:02,000\npop\n", 6,
                "list the segments in time order");
    }

    @Test
    void refusesWhatIsNotTextOrTooLarge() {
        SrtException binary = assertThrows(SrtException.class,
                () -> SrtFormat.parse("b.srt", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}));
        assertTrue(binary.getMessage().contains("b.srt: is not UTF-8 text"), binary.getMessage());
        SrtException large = assertThrows(SrtException.class,
                () -> SrtFormat.parse("l.srt", new byte[SrtFormat.MAX_BYTES + 1]));
        assertTrue(large.getMessage().contains("l.srt: is " + (SrtFormat.MAX_BYTES + 1) + " bytes"),
                large.getMessage());
    }

    @Test
    void formatsTimesAsSrtDoes() {
        assertEquals("00:00:00,000", SrtFormat.time(0));
        assertEquals("00:00:00,015", SrtFormat.time(0.0149));
        assertEquals("10:00:00,001", SrtFormat.time(36000.001));
    }
}
