package dev.parrot.features;

import dev.parrot.testing.Signals;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SoundWindowsTest {

    private static final FeatureSettings SETTINGS = FeatureSettings.defaults();
    private static final int WINDOW = SETTINGS.windowSamples();
    private static final int HOP = SETTINGS.hopSamples();

    @Test
    void windowsHopHalfAWindow() {
        assertArrayEquals(new int[] {0}, SoundWindows.allStarts(100, SETTINGS), "shorter than a window");
        assertArrayEquals(new int[] {0}, SoundWindows.allStarts(WINDOW, SETTINGS));
        assertArrayEquals(new int[] {0}, SoundWindows.allStarts(WINDOW + HOP - 1, SETTINGS));
        assertArrayEquals(new int[] {0, HOP, 2 * HOP}, SoundWindows.allStarts(WINDOW + 2 * HOP, SETTINGS));
        assertEquals(65, SoundWindows.allStarts(16000, SETTINGS).length, "one second: (16000 - 480) / 240 + 1");
    }

    @Test
    void silenceAroundABurstIsDropped() {
        int burstStart = 8000;
        int burstLength = 3200;
        float[] samples = Signals.concat(new float[burstStart], Signals.noise(0.5, burstLength, 11),
                new float[8000]);
        int[] sound = SoundWindows.soundStarts(samples, SETTINGS);
        assertTrue(sound.length > 0);
        for (int start : sound) {
            assertTrue(start + WINDOW > burstStart && start < burstStart + burstLength,
                    "window at " + start + " does not overlap the burst");
        }
        // Every window lying wholly inside the burst holds sound.
        int inside = 0;
        for (int start : SoundWindows.allStarts(samples.length, SETTINGS)) {
            if (start >= burstStart && start + WINDOW <= burstStart + burstLength) {
                inside++;
                assertTrue(java.util.Arrays.stream(sound).anyMatch(s -> s == start), "window at " + start);
            }
        }
        assertTrue(inside >= 10);
        for (int i = 1; i < sound.length; i++) {
            assertTrue(sound[i] > sound[i - 1], "in order");
        }
    }

    @Test
    void quietTailsBelowTheRelativeThresholdAreDropped() {
        // -40 dB below the burst: more than the 30 dB threshold.
        float[] samples = Signals.concat(Signals.noise(0.005, 4800, 1), Signals.noise(0.5, 4800, 2),
                Signals.noise(0.005, 4800, 3));
        for (int start : SoundWindows.soundStarts(samples, SETTINGS)) {
            assertTrue(start + WINDOW > 4800 && start < 9600, "window at " + start);
        }
        // 20 dB below is within the threshold and stays.
        float[] closer = Signals.concat(Signals.noise(0.05, 4800, 1), Signals.noise(0.5, 4800, 2));
        assertEquals(SoundWindows.allStarts(closer.length, SETTINGS).length,
                SoundWindows.soundStarts(closer, SETTINGS).length);
    }

    @Test
    void allSilentSignalHasNoSoundWindows() {
        assertEquals(0, SoundWindows.soundStarts(new float[16000], SETTINGS).length);
        // Hiss at -80 dBFS is below the absolute floor, however loud it is relative to itself.
        assertEquals(0, SoundWindows.soundStarts(Signals.noise(1e-4, 16000, 5), SETTINGS).length);
    }

    @Test
    void levelOfAFullScaleSineIsMinus3Dbfs() {
        float[] sine = Signals.sine(1000, 1.0, 16000, 480);
        assertEquals(-3.01, SoundWindows.levelDbfs(sine, 0, 480), 0.01);
        assertEquals(-9.03, SoundWindows.levelDbfs(Signals.scaled(sine, 0.5), 0, 480), 0.01);
    }
}
