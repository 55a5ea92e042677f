package dev.parrot.features;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

class OnsetFeaturesTest {

    private static final FeatureSettings SETTINGS = FeatureSettings.defaults();
    private static final int RATE = SETTINGS.sampleRate();

    /** Quiet noise, then a decaying 900 Hz burst with noise in it from {@code at}. */
    private static float[] hit(int at, double gain) {
        Random random = new Random(3);
        float[] x = new float[at + RATE / 2];
        for (int i = 0; i < x.length; i++) {
            double v = 0.0005 * random.nextGaussian();
            if (i >= at) {
                double t = (i - at) / (double) RATE;
                v += Math.exp(-t * 30) * (0.5 * Math.sin(2 * Math.PI * 900 * t) + 0.2 * random.nextGaussian());
            }
            x[i] = (float) (v * gain);
        }
        return x;
    }

    @Test
    void namesEveryValueOfASegmentFrameByFrame() {
        OnsetFeatures features = new OnsetFeatures(SETTINGS, 75);
        // 75 ms: frames of 15 ms every 5 ms, 13 of them; 40 bands and 3 measures each, a mean profile, and 2 more.
        assertEquals(13 * 43 + 40 + 2, features.dimension());
        assertEquals(features.dimension(), features.featureNames().size());
        assertEquals(1200, features.segmentSamples());
        assertEquals(800, features.beforeSamples());
        assertEquals(features.dimension(), features.extract(hit(4000, 1), 3800).length);
    }

    @Test
    void aHitSoundsTheSameNearAndFarFromTheMicrophone() {
        OnsetFeatures features = new OnsetFeatures(SETTINGS, 75);
        float[] near = features.extract(hit(4000, 1), 3800);
        float[] far = features.extract(hit(4000, 0.1), 3800);
        // 20 dB apart: every value is relative to the segment's loudest frame, so only rounding moves them.
        assertArrayEquals(near, far, 0.05f);
    }

    @Test
    void readsNothingAfterItsSegmentNorMoreThanItsReachBefore() {
        OnsetFeatures features = new OnsetFeatures(SETTINGS, 60);
        float[] x = hit(4000, 1);
        float[] before = features.extract(x, 3800);
        float[] changed = x.clone();
        for (int i = 3800 + features.segmentSamples(); i < changed.length; i++) {
            changed[i] = 0.9f;
        }
        for (int i = 0; i < 3800 - features.beforeSamples(); i++) {
            changed[i] = 0.9f;
        }
        assertArrayEquals(before, features.extract(changed, 3800), 0f);
        changed[3800 + features.segmentSamples() - 1] = 0.9f;
        assertFalse(java.util.Arrays.equals(before, features.extract(changed, 3800)), "the segment's last sample counts");
    }

    @Test
    void aSegmentShorterThanAFrameIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new OnsetFeatures(SETTINGS, 10));
    }
}
