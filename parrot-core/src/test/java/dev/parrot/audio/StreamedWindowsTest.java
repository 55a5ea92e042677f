package dev.parrot.audio;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class StreamedWindowsTest {

    private static float[] noise(int n) {
        Random random = new Random(n);
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            // never 0, so that a zero in a window can only be padding
            x[i] = 0.01f + random.nextFloat();
        }
        return x;
    }

    @ParameterizedTest(name = "{0} samples, window {1}, hop {2}, history {3}")
    @CsvSource({"50000, 480, 240, 7680, 207", "16384, 480, 240, 0, 67", "100000, 1000, 333, 20000, 298",
            "480, 480, 240, 7680, 1", "479, 480, 240, 100, 1"})
    void everyWindowSitsInItsContextAsInTheWholeRecording(int length, int window, int hop, int history,
            long expectedCount) throws Exception {
        float[] whole = noise(length);
        StreamedWindows windows = new StreamedWindows(SampleStream.of(new Recording(Path.of("x.wav"), whole, 16000)),
                window, hop, history);
        assertEquals(expectedCount, windows.count());
        long seen = 0;
        while (windows.next()) {
            assertEquals(seen, windows.index());
            long start = seen * hop;
            assertEquals(start, windows.start());
            float[] samples = windows.samples();
            int offset = windows.offset();
            for (int k = -history; k < window; k++) {
                long at = start + k;
                float expected = at < 0 || at >= length ? 0f : whole[(int) at];
                assertEquals(expected, samples[offset + k], "window " + seen + ", sample " + k);
            }
            seen++;
        }
        assertEquals(expectedCount, seen);
        assertFalse(windows.next(), "the end stays the end");
    }

    @Test
    void aLongStreamNeedsNoMoreThanItsReads() throws Exception {
        int length = 16000 * 60;
        StreamedWindows windows = new StreamedWindows(SampleStream.of(new Recording(null, noise(length), 16000)),
                480, 240, 7680);
        int largest = 0;
        while (windows.next()) {
            largest = Math.max(largest, windows.samples().length);
        }
        assertTrue(largest < 7680 + 480 + 20_000, "a buffer of " + largest + " samples for a minute of audio");
    }
}
