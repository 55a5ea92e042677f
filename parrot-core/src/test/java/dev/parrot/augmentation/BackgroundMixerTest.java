package dev.parrot.augmentation;

import dev.parrot.model.AugmentationSettings;
import dev.parrot.testing.Signals;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BackgroundMixerTest {

    private static final int RATE = 16_000;
    /** A steady 440 Hz tone of 0.5 s: its loudest 30 ms is its mean power. */
    private static final float[] SOUND = Signals.sine(440, 0.5, RATE, 8000);
    /** "Speech": a louder steady tone of another pitch, 2 s. */
    private static final float[] SPEECH = Signals.sine(150, 0.3, RATE, 32_000);

    private static AugmentationSettings context(double minSnr, double maxSnr, double maxLead) {
        return AugmentationSettings.off().withContext(1, minSnr, maxSnr, maxLead);
    }

    private static double db(double rmsA, double rmsB) {
        return 20 * Math.log10(rmsA / rmsB);
    }

    @Test
    void theSameSeedGivesTheSameMixAndAnotherSeedAnother() {
        BackgroundMixer mixer = new BackgroundMixer(context(0, 30, 0.6), RATE, List.of(SPEECH));
        BackgroundMixer.Mixed a = mixer.mix(SOUND, new Random(7));
        BackgroundMixer.Mixed b = mixer.mix(SOUND, new Random(7));
        BackgroundMixer.Mixed c = mixer.mix(SOUND, new Random(8));
        assertArrayEquals(a.samples(), b.samples());
        assertEquals(a.soundStart(), b.soundStart());
        assertFalse(Arrays.equals(a.samples(), c.samples()));
    }

    @Test
    void theBackgroundLiesBeforeTheSoundAtTheChosenRatio() {
        float[] before = SOUND.clone();
        BackgroundMixer mixer = new BackgroundMixer(context(12, 12, 0.5), RATE, List.of(SPEECH));
        for (int seed = 0; seed < 5; seed++) {
            BackgroundMixer.Mixed mixed = mixer.mix(SOUND, new Random(seed));
            int lead = mixed.soundStart();
            assertTrue(lead >= 0 && lead <= RATE / 2, "lead " + lead);
            assertEquals(lead + SOUND.length, mixed.samples().length);
            if (lead >= 1600) {
                // The lead is the background alone, 12 dB below the sound.
                assertEquals(-12, db(Signals.rms(mixed.samples(), 0, lead), Signals.rms(SOUND, 0, SOUND.length)),
                        0.5);
            }
            // Under the sound: the mix minus the sound is the background at the same level.
            float[] under = new float[SOUND.length];
            for (int i = 0; i < SOUND.length; i++) {
                under[i] = mixed.samples()[lead + i] - SOUND[i];
            }
            assertEquals(-12, db(Signals.rms(under, 0, under.length), Signals.rms(SOUND, 0, SOUND.length)), 0.5);
        }
        assertArrayEquals(before, SOUND);
    }

    @Test
    void withoutBackgroundRecordingsTheBedIsNoiseAtTheChosenRatio() {
        BackgroundMixer mixer = new BackgroundMixer(context(20, 20, 0), RATE, List.of(new float[4000]));
        BackgroundMixer.Mixed mixed = mixer.mix(SOUND, new Random(2));
        float[] under = new float[SOUND.length];
        for (int i = 0; i < SOUND.length; i++) {
            under[i] = mixed.samples()[mixed.soundStart() + i] - SOUND[i];
        }
        // A silent background recording is no background: coloured noise instead, 20 dB down.
        double noise = Signals.rms(under, 0, under.length);
        assertTrue(noise > 0);
        assertEquals(-20, db(noise, Signals.rms(SOUND, 0, SOUND.length)), 0.5);
    }

    @Test
    void contextIsDescribedAndChecked() {
        AugmentationSettings standard = AugmentationSettings.standard(2).withContext();
        assertNull(standard.problem());
        assertTrue(standard.describe().contains("50% in context"), standard.describe());
        assertFalse(AugmentationSettings.standard(2).describe().contains("context"));
        assertNotNull(AugmentationSettings.standard(2).withContext(1, 30, 0, 0.5).problem());
        assertNotNull(AugmentationSettings.standard(2).withContext(1.5, 0, 30, 0.5).problem());
    }
}
