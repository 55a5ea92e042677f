package dev.parrot.audio;

import dev.parrot.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ResamplingTest {

    private static final int TARGET = 16_000;

    /** Index of the largest magnitude of a plain DFT at whole-Hz resolution over one second of samples. */
    private static int peakHz(float[] samples, int sampleRate, int fromHz, int toHz) {
        int best = fromHz;
        double bestPower = -1;
        for (int hz = fromHz; hz <= toHz; hz++) {
            double re = 0;
            double im = 0;
            for (int i = 0; i < sampleRate; i++) {
                double phase = 2 * Math.PI * hz * i / sampleRate;
                re += samples[i] * Math.cos(phase);
                im -= samples[i] * Math.sin(phase);
            }
            double power = re * re + im * im;
            if (power > bestPower) {
                bestPower = power;
                best = hz;
            }
        }
        return best;
    }

    @ParameterizedTest(name = "{0} Hz, {1} Hz tone")
    @CsvSource({"44100, 440", "44100, 3000", "48000, 1000", "48000, 6500", "8000, 440", "8000, 3000",
            "22050, 5000", "16001, 2000"})
    void keepsDurationFrequencyAndAmplitude(int fromRate, double toneHz) {
        int seconds = 2;
        float[] in = Signals.sine(toneHz, 0.5, fromRate, fromRate * seconds);
        float[] out = Resampling.resample(in, fromRate, TARGET);

        assertEquals(Math.round(in.length * (double) TARGET / fromRate), out.length, "length keeps the duration");
        // Away from the edges, where the filter sees half silence.
        int from = TARGET / 10;
        int to = out.length - TARGET / 10;
        double hz = Signals.zeroCrossingsPerSecond(out, from, to, TARGET) / 2;
        assertEquals(toneHz, hz, toneHz * 0.005, "frequency by zero crossings");
        float[] oneSecond = java.util.Arrays.copyOfRange(out, TARGET / 2, TARGET / 2 + TARGET);
        assertEquals((int) toneHz, peakHz(oneSecond, TARGET, (int) toneHz - 20, (int) toneHz + 20),
                "frequency by spectral peak");
        assertEquals(0.5 / Math.sqrt(2), Signals.rms(out, from, to), 0.5 / Math.sqrt(2) * 0.03, "amplitude");
    }

    @Test
    void doesNotShiftTheSignalInTime() {
        // A click in the middle of a second stays in the middle: features and windows rely on it.
        float[] in = new float[48000];
        in[24000] = 1f;
        float[] out = Resampling.resample(in, 48000, TARGET);
        int peak = 0;
        for (int i = 1; i < out.length; i++) {
            if (Math.abs(out[i]) > Math.abs(out[peak])) {
                peak = i;
            }
        }
        assertEquals(8000, peak, 1);
    }

    @Test
    void filtersWhatTheNewRateCannotHold() {
        // 10 kHz is above the 8 kHz Nyquist limit of 16 kHz: without a low-pass it would alias to 6 kHz.
        float[] in = Signals.sine(10_000, 0.5, 48000, 48000);
        float[] out = Resampling.resample(in, 48000, TARGET);
        double rms = Signals.rms(out, 1600, out.length - 1600);
        assertTrue(rms < 0.5 / Math.sqrt(2) * 0.05, "aliased energy " + rms);
    }

    @Test
    void emptyAndSameRate() {
        assertEquals(0, Resampling.resample(new float[0], 44100, TARGET).length);
        float[] in = {0.1f, 0.2f};
        float[] same = Resampling.resample(in, TARGET, TARGET);
        assertEquals(2, same.length);
        assertTrue(same != in, "a copy, so callers can change it");
    }

    @Test
    void shortRecordingsKeepTheirLength() {
        for (int n = 1; n < 40; n++) {
            float[] out = Resampling.resample(Signals.sine(440, 0.5, 44100, n), 44100, TARGET);
            assertEquals(Math.round(n * TARGET / 44100.0), out.length, n + " samples");
        }
    }

    @Test
    void refusesNonPositiveRates() {
        assertThrows(IllegalArgumentException.class, () -> Resampling.resample(new float[4], 0, TARGET));
    }

    @Test
    void recordingResampledToItsOwnRateIsItself() {
        Recording r = new Recording(Path.of("x.wav"), new float[160], TARGET);
        assertSame(r, r.resampledTo(TARGET));
        Recording up = new Recording(Path.of("x.wav"), new float[441], 44100).resampledTo(TARGET);
        assertEquals(TARGET, up.sampleRate());
        assertEquals(160, up.samples().length);
        assertEquals(Path.of("x.wav"), up.source());
    }
}
