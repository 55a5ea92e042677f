package dev.parrot.live;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SourcesTest {

    private static float[] ramp(int n) {
        float[] x = new float[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        return x;
    }

    @Test
    void aPacedSourceHandsOutAudioNoFasterThanItPlays() throws Exception {
        long[] now = {1_000};
        List<Long> sleeps = new ArrayList<>();
        PacedSource paced = new PacedSource(new ArraySource(ramp(1000), 100), () -> now[0], nanos -> {
            sleeps.add(nanos);
            now[0] += nanos;
        });
        float[] chunk = new float[50];

        assertEquals(50, paced.read(chunk, 0, 50)); // the first half second goes out at once
        now[0] += 100_000_000; // the reader took 0.1 s over it
        assertEquals(50, paced.read(chunk, 0, 50)); // due at 0.5 s: waits the remaining 0.4 s
        now[0] += 600_000_000; // behind: 1.1 s in, 1.0 s due
        assertEquals(50, paced.read(chunk, 0, 50));

        assertEquals(List.of(400_000_000L), sleeps);
        assertEquals(100f, chunk[0]);
    }

    @Test
    void aLimitedSourceEndsAfterItsSecondsOfAudio() throws Exception {
        LimitedSource limited = new LimitedSource(new ArraySource(ramp(1000), 100), 2.5);
        float[] chunk = new float[100];
        int total = 0;
        for (int n; (n = limited.read(chunk, 0, 100)) > 0; ) {
            total += n;
        }
        assertEquals(250, total);
        assertEquals(249f, chunk[49]);

        LimitedSource unlimited = new LimitedSource(new ArraySource(ramp(1000), 100), 0);
        total = 0;
        for (int n; (n = unlimited.read(chunk, 0, 100)) > 0; ) {
            total += n;
        }
        assertEquals(1000, total);
    }

    @Test
    void enterCallsBackOnceAndOnlyAfterTheLineIsEnded() throws Exception {
        PipedOutputStream keyboard = new PipedOutputStream();
        PipedInputStream console = new PipedInputStream(keyboard);
        CountDownLatch pressed = new CountDownLatch(1);
        try (EnterKey key = EnterKey.watch(console, pressed::countDown)) {
            keyboard.write("stop".getBytes());
            keyboard.flush();
            assertFalse(pressed.await(3 * EnterKey.POLL_MILLIS, TimeUnit.MILLISECONDS), "no Enter yet");
            keyboard.write('\n');
            keyboard.flush();
            assertTrue(pressed.await(5, TimeUnit.SECONDS));
        }
    }

    @Test
    void closingStopsWatchingWithoutCallingBack() throws Exception {
        CountDownLatch pressed = new CountDownLatch(1);
        EnterKey key = EnterKey.watch(new ByteArrayInputStream(new byte[0]), pressed::countDown);
        key.close();
        assertFalse(pressed.await(3 * EnterKey.POLL_MILLIS, TimeUnit.MILLISECONDS));
    }
}
