package dev.parrot.segments;

import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Feeds the SRT reader arbitrary bytes: it must answer with segments in time order that do not overlap, which it
 * writes back and reads again unchanged, or refuse with an {@link SrtException} naming the file; nothing else. Run as
 * {@link dev.parrot.audio.WavDecoderFuzzTest} is: the corpus and every crasher under
 * {@code src/test/resources/dev/parrot/segments/SrtFormatFuzzTestInputs/parse/}, fuzzed by surefire's {@code fuzz-srt}.
 */
class SrtFormatFuzzTest {

    @FuzzTest(maxDuration = "5s")
    void parse(byte[] data) {
        List<Segment> segments;
        try {
            segments = SrtFormat.parse("fuzzed.srt", data);
        } catch (SrtException e) {
            assertTrue(e.getMessage().contains("fuzzed.srt"), e.getMessage());
            return;
        }
        double end = 0;
        for (Segment s : segments) {
            assertTrue(Double.isFinite(s.startSeconds()) && s.startSeconds() >= end, "out of order: " + segments);
            assertTrue(s.endSeconds() > s.startSeconds(), "empty or backwards: " + s);
            assertTrue(!s.label().isBlank() && s.line() > 0, "no label or line: " + s);
            end = s.endSeconds();
        }
        List<Segment> again;
        try {
            again = SrtFormat.parse("written.srt", SrtFormat.format(segments));
        } catch (SrtException e) {
            throw new AssertionError("what was read cannot be read back once written: " + e.getMessage(), e);
        }
        assertEquals(segments.size(), again.size());
        for (int i = 0; i < segments.size(); i++) {
            assertEquals(segments.get(i).startSeconds(), again.get(i).startSeconds(), 1e-9);
            assertEquals(segments.get(i).endSeconds(), again.get(i).endSeconds(), 1e-9);
            assertEquals(segments.get(i).label(), again.get(i).label());
        }
    }
}
