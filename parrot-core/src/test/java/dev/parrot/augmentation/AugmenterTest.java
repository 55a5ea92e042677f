package dev.parrot.augmentation;

import dev.parrot.model.AugmentationSettings;
import dev.parrot.testing.Signals;
import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AugmenterTest {

    private static final int RATE = 16_000;
    private static final float[] SOUND = Signals.concat(Signals.noise(0.4, 1600, 1), Signals.sine(440, 0.5, RATE,
            6400), new float[4000]);

    private static double rms(float[] x, int from, int to) {
        double sum = 0;
        for (int i = from; i < to; i++) {
            sum += x[i] * (double) x[i];
        }
        return Math.sqrt(sum / (to - from));
    }

    @Test
    void theSameSeedGivesTheSameCopyAndAnotherSeedAnother() {
        Augmenter augmenter = new Augmenter(AugmentationSettings.standard(1), RATE);
        float[] a = augmenter.vary(SOUND, new Random(5));
        float[] b = augmenter.vary(SOUND, new Random(5));
        float[] c = augmenter.vary(SOUND, new Random(6));
        assertArrayEquals(a, b);
        assertFalse(java.util.Arrays.equals(a, c));
    }

    @Test
    void theRecordingIsNotChangedAndCopiesNeverClip() {
        float[] before = SOUND.clone();
        Augmenter augmenter = new Augmenter(AugmentationSettings.standard(1), RATE);
        for (int seed = 0; seed < 20; seed++) {
            float[] copy = augmenter.vary(SOUND, new Random(seed));
            for (float v : copy) {
                assertTrue(Math.abs(v) <= 1f);
            }
            // A speed change of at most 5% changes the length by at most that.
            assertEquals(SOUND.length, copy.length, SOUND.length * 0.06);
        }
        assertArrayEquals(before, SOUND);
    }

    @Test
    void gainAloneScalesTheRecordingWithinItsRange() {
        AugmentationSettings gainOnly = new AugmentationSettings(1, -20, -10, 0, 0, 3000, 0, 0, 0, 0, 0, 0);
        Augmenter augmenter = new Augmenter(gainOnly, RATE);
        for (int seed = 0; seed < 10; seed++) {
            float[] copy = augmenter.vary(SOUND, new Random(seed));
            double db = 20 * Math.log10(rms(copy, 0, copy.length) / rms(SOUND, 0, SOUND.length));
            assertTrue(db >= -20.01 && db <= -9.99, "gain " + db);
        }
    }

    @Test
    void noiseFillsTheSilenceAtTheChosenRatio() {
        AugmentationSettings noiseOnly = new AugmentationSettings(1, 0, 0, 0, 0, 3000, 1, 20, 20, 0, 0, 0);
        float[] copy = new Augmenter(noiseOnly, RATE).vary(SOUND, new Random(3));
        double silence = rms(copy, 8000, 12000);
        double loudest = rms(SOUND, 1600, 8000);
        assertEquals(-20, 20 * Math.log10(silence / loudest), 1.0);
    }

    @Test
    void aRoomLeavesATailAfterTheSound() {
        AugmentationSettings roomOnly = new AugmentationSettings(1, 0, 0, 0, 0, 3000, 0, 0, 0, 1, 0.4, 0);
        float[] copy = new Augmenter(roomOnly, RATE).vary(SOUND, new Random(4));
        // The sound stops at 8000 samples; 50 ms later the room still rings.
        assertTrue(rms(copy, 8800, 9600) > 1e-3, "tail " + rms(copy, 8800, 9600));
        assertEquals(0.0, rms(SOUND, 8800, 9600), 0.0);
    }

    @Test
    void settingsThatMakeNoSenseAreRefused() {
        assertNull(AugmentationSettings.standard(2).problem());
        assertNull(AugmentationSettings.off().problem());
        AugmentationSettings backwards = new AugmentationSettings(1, 6, -30, 0, 0, 3000, 0, 0, 0, 0, 0, 0);
        assertNotNull(backwards.problem());
        assertThrows(IllegalArgumentException.class, () -> new Augmenter(backwards, RATE));
    }
}
