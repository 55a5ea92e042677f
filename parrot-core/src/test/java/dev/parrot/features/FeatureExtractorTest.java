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
        assertEquals(40, SETTINGS.melBands());
        assertNull(SETTINGS.incompatibility());
    }

    @ParameterizedTest(name = "{0} Hz")
    @ValueSource(doubles = {1000, 250, 440, 2500, 6000})
    void aSineLandsInTheBandWhoseCentreIsNearest(double hz) {
        FeatureExtractor extractor = new FeatureExtractor(SETTINGS);
        MelFilterBank bank = extractor.melFilterBank();
        int expected = nearestBand(bank, hz);
        float[] logMel = extractor.logMelSpectrum(Signals.sine(hz, 0.5, RATE, RATE / 10), 800);
        assertEquals(SETTINGS.melBands(), logMel.length);
        int loudest = 0;
        for (int b = 1; b < logMel.length; b++) {
            if (logMel[b] > logMel[loudest]) {
                loudest = b;
            }
        }
        assertEquals(expected, loudest, "loudest band centred at " + bank.centreHz(loudest, SETTINGS.fftSize(), RATE)
                + " Hz, nearest to " + hz + " Hz is centred at " + bank.centreHz(expected, SETTINGS.fftSize(), RATE)
                + " Hz");
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
        for (FeatureSettings settings : List.of(SETTINGS, SETTINGS.withContextWindows(0), SETTINGS.withContextWindows(2))) {
            FeatureExtractor extractor = new FeatureExtractor(settings);
            assertEquals(extractor.featureNames().size(), extractor.dimension());
            assertEquals(extractor.dimension(), extractor.extract(new float[RATE], 0).length);
            assertEquals(extractor.dimension(), new HashSet<>(extractor.featureNames()).size(), "names are unique");
        }
        FeatureExtractor plain = new FeatureExtractor(SETTINGS.withContextWindows(0));
        assertEquals(2 * 13 + 8, plain.dimension());
        assertEquals("mfcc_0", plain.featureNames().get(0));
        assertEquals("crest_factor_db", plain.featureNames().get(plain.dimension() - 1));
        assertEquals(0, plain.historySamples());
        // Four envelope values, the levels 1 and 2 windows back, and the attack's 13 MFCCs.
        FeatureExtractor context = new FeatureExtractor(SETTINGS.withContextWindows(2));
        assertEquals(plain.dimension() + 4 + 2 + 13, context.dimension());
        assertEquals(2 * SETTINGS.hopSamples(), context.historySamples());
        // The defaults look half a second back: levels 1, 2, 4, 8, 16 and 32 windows back.
        FeatureExtractor defaults = new FeatureExtractor(SETTINGS);
        assertEquals(33, SETTINGS.contextWindows());
        assertEquals(plain.dimension() + 4 + 6 + 13, defaults.dimension());
        assertEquals(33 * SETTINGS.hopSamples(), defaults.historySamples());
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
    void onlyTheLevelFeaturesDependOnLoudness() {
        float[] loud = Signals.concat(Signals.noise(0.3, 2000, 7), Signals.sine(1500, 0.3, RATE, 6000));
        float[] half = Signals.scaled(loud, 0.5);
        FeatureExtractor extractor = new FeatureExtractor(SETTINGS);
        float[] x = extractor.extract(loud, 4800);
        float[] y = extractor.extract(half, 4800);
        List<String> levels = List.of("level_dbfs", "mfcc_0", "recent_peak_mfcc_0");
        for (int i = 0; i < extractor.dimension(); i++) {
            String name = extractor.featureNames().get(i);
            if (!levels.contains(name)) {
                assertEquals(x[i], y[i], 1e-3 * Math.max(1, Math.abs(x[i])), name);
            }
        }
        // The level is what changes: half the amplitude is 6 dB down.
        assertEquals(-20 * Math.log10(2), valueOf(extractor, y, "level_dbfs") - valueOf(extractor, x, "level_dbfs"),
                0.01);
    }

    @Test
    void aDcOffsetChangesNoFeature() {
        // A quiet hi-hat over a DC offset (as some drum machines' samples have) must not look like a low drum.
        float[] clean = Signals.concat(Signals.noise(0.02, 9000, 3), Signals.sine(3000, 0.01, RATE, 6000));
        float[] offset = clean.clone();
        for (int i = 0; i < offset.length; i++) {
            offset[i] += 0.01f;
        }
        FeatureExtractor extractor = new FeatureExtractor(SETTINGS);
        float[] x = extractor.extract(clean, 9600);
        float[] y = extractor.extract(offset, 9600);
        for (int i = 0; i < extractor.dimension(); i++) {
            assertEquals(x[i], y[i], 0.02 * Math.max(1, Math.abs(x[i])), extractor.featureNames().get(i));
        }
    }

    @Test
    void contextTellsADecayingTailFromAnOnset() {
        // A noise burst that decays by 60 dB a second: 300 ms in, the level is 18 dB under the attack.
        float[] burst = Signals.noise(0.5, RATE, 11);
        for (int i = 0; i < burst.length; i++) {
            burst[i] *= (float) Math.pow(10, -60.0 * i / RATE / 20);
        }
        FeatureExtractor extractor = new FeatureExtractor(SETTINGS);
        float[] onset = extractor.extract(burst, 0);
        float[] tail = extractor.extract(burst, 20 * SETTINGS.hopSamples());
        assertEquals(0, valueOf(extractor, onset, "drop_from_recent_peak_db"), 1e-6);
        assertEquals(0, valueOf(extractor, onset, "seconds_since_recent_peak"), 1e-6);
        assertEquals(-60, valueOf(extractor, onset, "level_2_windows_ago_db"), 1e-6, "silence before: the floor");
        assertEquals(20 * 0.015, valueOf(extractor, tail, "seconds_since_recent_peak"), 1e-6);
        assertEquals(18, valueOf(extractor, tail, "drop_from_recent_peak_db"), 1.5);
        assertEquals(60, valueOf(extractor, tail, "decay_db_per_second"), 5);
        assertEquals(60 * 0.015 * 16, valueOf(extractor, tail, "level_16_windows_ago_db"), 1.5);
        // The tail carries the spectrum of its attack, the loudest window half a second back: here the first.
        for (int i = 0; i < SETTINGS.mfccs(); i++) {
            assertEquals(valueOf(extractor, onset, "mfcc_" + i), valueOf(extractor, tail, "recent_peak_mfcc_" + i),
                    1e-4, "mfcc " + i);
            assertEquals(valueOf(extractor, onset, "mfcc_" + i), valueOf(extractor, onset, "recent_peak_mfcc_" + i),
                    1e-6, "the onset is its own peak");
        }
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
        FeatureSettings unknown = FeatureSettings.builder().version("parrot-features-99").contextWindows(0).build();
        assertNotNull(unknown.incompatibility());
        assertTrue(unknown.incompatibility().contains("parrot-features-99"));
        FeatureSettings frameTooLong = FeatureSettings.builder().frameSamples(512).contextWindows(0).build();
        assertThrows(IllegalArgumentException.class, () -> new FeatureExtractor(frameTooLong));
    }

    @Test
    void parrotMelFramesAddParrotPysStandardisedValuesOfEveryFrame() {
        FeatureSettings plain = FeatureSettings.defaults();
        FeatureSettings withFrames = plain.withParrotMelFrames(true);
        FeatureExtractor without = new FeatureExtractor(plain);
        FeatureExtractor with = new FeatureExtractor(withFrames);
        int parrotValues = plain.framesPerWindow() * plain.melBands();
        assertEquals(160, parrotValues);
        assertEquals(without.dimension() + parrotValues, with.dimension());
        assertEquals("mel_f0_b0", with.featureNames().get(without.dimension()));
        assertEquals("mel_f3_b39", with.featureNames().get(with.dimension() - 1));

        float[] sine = new float[4000];
        for (int i = 0; i < sine.length; i++) {
            sine[i] = (float) (0.5 * Math.sin(2 * Math.PI * 1000 * i / 16000.0));
        }
        float[] a = with.extract(sine, 1600);
        float[] b = without.extract(sine, 1600);
        // The vector without them is a prefix of the vector with them.
        assertArrayEquals(b, java.util.Arrays.copyOf(a, b.length));
        // Standardised over the window: mean 0, standard deviation 1.
        double mean = 0;
        double squares = 0;
        for (int i = b.length; i < a.length; i++) {
            mean += a[i];
            squares += a[i] * (double) a[i];
        }
        mean /= parrotValues;
        assertEquals(0, mean, 1e-4);
        assertEquals(1, Math.sqrt(squares / parrotValues - mean * mean), 1e-3);
        // The band holding 1 kHz is the loudest of its frame.
        int loudest = 0;
        for (int band = 1; band < 40; band++) {
            if (a[b.length + band] > a[b.length + loudest]) {
                loudest = band;
            }
        }
        double nearest = Double.MAX_VALUE;
        int expected = -1;
        for (int band = 0; band < 40; band++) {
            double d = Math.abs(with.melFilterBank().centreHz(band, 256, 16000) - 1000);
            if (d < nearest) {
                nearest = d;
                expected = band;
            }
        }
        assertEquals(expected, loudest);
    }
}
