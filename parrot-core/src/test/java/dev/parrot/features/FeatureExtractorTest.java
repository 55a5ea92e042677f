package dev.parrot.features;

import dev.parrot.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HashSet;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class FeatureExtractorTest {

    private static final FeatureSettings SETTINGS = FeatureSettings.defaults();
    private static final int RATE = SETTINGS.sampleRate();
    private static final int MEL_VALUES = SETTINGS.framesPerWindow() * SETTINGS.melBands();

    private static int nearestBand(MelFilterBank bank, double hz) {
        int best = 0;
        for (int b = 1; b < bank.bands(); b++) {
            if (Math.abs(bank.centreHz(b, SETTINGS.fftSize(), RATE) - hz)
                    < Math.abs(bank.centreHz(best, SETTINGS.fftSize(), RATE) - hz)) {
                best = b;
            }
        }
        return best;
    }

    private static float valueOf(FeatureExtractor extractor, float[] features, String name) {
        return features[extractor.featureNames().indexOf(name)];
    }

    @Test
    void parrotPyLayout() {
        assertEquals(4, SETTINGS.framesPerWindow());
        assertEquals(160, MEL_VALUES);
        assertNull(SETTINGS.incompatibility());
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {1000, 250, 440, 2500, 6000})
    void aSineLandsInTheBandWhoseCentreIsNearest(double hz) {
        FeatureExtractor extractor = new FeatureExtractor(SETTINGS);
        MelFilterBank bank = extractor.melFilterBank();
        int expected = nearestBand(bank, hz);
        float[] features = extractor.extract(Signals.sine(hz, 0.5, RATE, RATE / 10), 800);
        int bands = SETTINGS.melBands();
        for (int frame = 0; frame < SETTINGS.framesPerWindow(); frame++) {
            int loudest = 0;
            for (int b = 1; b < bands; b++) {
                if (features[frame * bands + b] > features[frame * bands + loudest]) {
                    loudest = b;
                }
            }
            assertEquals(expected, loudest, "frame " + frame + ": loudest band centred at "
                    + bank.centreHz(loudest, SETTINGS.fftSize(), RATE) + " Hz, nearest to " + hz + " Hz is centred at "
                    + bank.centreHz(expected, SETTINGS.fftSize(), RATE) + " Hz");
        }
    }

    @Test
    void melCentresRiseFromZeroToNyquist() {
        MelFilterBank bank = new MelFilterBank(40, 256, RATE);
        double previous = 0;
        for (int b = 0; b < 40; b++) {
            double centre = bank.centreHz(b, 256, RATE);
            assertTrue(centre > previous && centre < RATE / 2.0, "band " + b + " at " + centre);
            previous = centre;
        }
        assertEquals(1000.0, MelFilterBank.hzToMel(1000), 0.5, "1000 Hz is about 1000 mel");
        assertEquals(1234.5, MelFilterBank.melToHz(MelFilterBank.hzToMel(1234.5)), 1e-9);
    }

    @Test
    void dimensionMatchesNamesAndOutput() {
        for (FeatureSettings settings : List.of(SETTINGS, SETTINGS.withContextWindows(2))) {
            FeatureExtractor extractor = new FeatureExtractor(settings);
            assertEquals(extractor.featureNames().size(), extractor.dimension());
            assertEquals(extractor.dimension(), extractor.extract(new float[RATE], 0).length);
            assertEquals(extractor.dimension(), new HashSet<>(extractor.featureNames()).size(), "names are unique");
        }
        FeatureExtractor plain = new FeatureExtractor(SETTINGS);
        assertEquals(160 + 2 * 13 + 8, plain.dimension());
        assertEquals("mel_f0_b0", plain.featureNames().get(0));
        assertEquals("mel_f3_b39", plain.featureNames().get(159));
        FeatureExtractor context = new FeatureExtractor(SETTINGS.withContextWindows(2));
        assertEquals(plain.dimension() + 41, context.dimension());
        assertEquals(2 * SETTINGS.hopSamples(), context.historySamples());
        assertEquals(0, plain.historySamples());
    }

    @Test
    void extractionIsDeterministicAndKeepsNoStateBetweenWindows() {
        float[] a = Signals.concat(Signals.noise(0.3, 4000, 1), Signals.sine(700, 0.4, RATE, 4000));
        float[] b = Signals.sine(3000, 0.8, RATE, 2000);
        FeatureSettings settings = SETTINGS.withContextWindows(2);
        FeatureExtractor one = new FeatureExtractor(settings);
        float[] first = one.extract(a, 3900);
        one.extract(b, 0);
        float[] out = new float[one.dimension()];
        one.extract(a, 3900, out);
        assertArrayEquals(first, out, "same extractor after another window");
        assertArrayEquals(first, new FeatureExtractor(settings).extract(a, 3900), "a fresh extractor");
        assertTrue(!java.util.Arrays.equals(first, one.extract(a, 240)), "another window gives other values");
    }

    @Test
    void normalisedLogMelValuesDoNotDependOnLoudness() {
        float[] loud = Signals.concat(Signals.noise(0.3, 2000, 7), Signals.sine(1500, 0.3, RATE, 2000));
        float[] half = Signals.scaled(loud, 0.5);
        FeatureExtractor extractor = new FeatureExtractor(SETTINGS);
        float[] x = extractor.extract(loud, 1800);
        float[] y = extractor.extract(half, 1800);
        for (int i = 0; i < MEL_VALUES; i++) {
            assertEquals(x[i], y[i], 1e-3, extractor.featureNames().get(i));
        }
        // The level is what changes: half the amplitude is 6 dB down.
        assertEquals(-20 * Math.log10(2), valueOf(extractor, y, "level_dbfs") - valueOf(extractor, x, "level_dbfs"),
                0.01);
    }

    @Test
    void spectralShapeTellsLowFromHigh() {
        FeatureExtractor extractor = new FeatureExtractor(SETTINGS);
        float[] low = extractor.extract(Signals.sine(300, 0.5, RATE, 2000), 480);
        float[] high = extractor.extract(Signals.sine(6000, 0.5, RATE, 2000), 480);
        float[] noise = extractor.extract(Signals.noise(0.5, 2000, 3), 480);
        assertTrue(valueOf(extractor, low, "spectral_centroid") < valueOf(extractor, high, "spectral_centroid"));
        assertTrue(valueOf(extractor, low, "high_band_ratio") < 0.05);
        assertTrue(valueOf(extractor, high, "high_band_ratio") > 0.95);
        assertTrue(valueOf(extractor, noise, "spectral_flatness") > 10 * valueOf(extractor, low, "spectral_flatness"));
        // 300 Hz crosses zero 600 times a second.
        assertEquals(600.0 / RATE, valueOf(extractor, low, "zero_crossing_rate"), 2.0 / SETTINGS.windowSamples());
        assertEquals(-20 * Math.log10(2 * Math.sqrt(2)), valueOf(extractor, low, "level_dbfs"), 0.1);
    }

    @Test
    void samplesPastTheEndCountAsSilence() {
        FeatureExtractor extractor = new FeatureExtractor(SETTINGS);
        float[] shortClip = Signals.sine(1000, 0.5, RATE, 100);
        float[] padded = java.util.Arrays.copyOf(shortClip, 2000);
        assertArrayEquals(extractor.extract(padded, 0), extractor.extract(shortClip, 0));
    }

    @Test
    void inconsistentSettingsAreRefused() {
        FeatureSettings unknown = new FeatureSettings("parrot-features-99", 16000, 480, 240, 240, 80, 256, 40, 13, 0.5,
                30, -70, 0);
        assertNotNull(unknown.incompatibility());
        assertTrue(unknown.incompatibility().contains("parrot-features-99"));
        FeatureSettings frameTooLong = new FeatureSettings(FeatureSettings.CURRENT_VERSION, 16000, 480, 240, 512, 80,
                256, 40, 13, 0.5, 30, -70, 0);
        assertThrows(IllegalArgumentException.class, () -> new FeatureExtractor(frameTooLong));
    }
}
