package dev.parrot.calibration;

import dev.parrot.calibration.SimulatedStream.Built;
import dev.parrot.calibration.SimulatedStream.Span;
import dev.parrot.calibration.SimulatedStream.Take;
import dev.parrot.calibration.SimulatedStream.Truth;
import dev.parrot.testing.Signals;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SimulatedStreamTest {

    private static final int RATE = 16_000;
    /** Every take waits this long, just above digital silence, before its sound: the cut must skip it. */
    private static final int PRE_ROLL = 400;
    private static final int SHORTS = 8;
    private static final int HELDS = 4;
    private static final List<Take> TAKES = takes();
    /** "Speech": noise in syllables; one recording longer than any stretch, so that pieces start at an offset. */
    private static final List<float[]> SPEECH = List.of(speech(2.5, 1), speech(4, 2), speech(12, 3));

    /**
     * A drum-like hit after a quiet pre-roll: a 5-sample attack to 0.9 then a 30 ms decay, of random signs so that
     * placed one sample off it is nothing like itself. Decays 20 dB in about 70 ms.
     */
    private static float[] click(long seed) {
        float[] pre = Signals.noise(0.001, PRE_ROLL, seed);
        float[] hit = new float[RATE / 2];
        Random signs = new Random(seed);
        for (int i = 0; i < hit.length; i++) {
            double envelope = 0.9 * Math.min(1, (i + 1) / 5.0) * Math.exp(-i / (0.03 * RATE));
            hit[i] = (float) ((signs.nextBoolean() ? 1 : -1) * envelope);
        }
        return Signals.concat(pre, hit, new float[RATE * 3 / 10]);
    }

    /** A hiss-like held sound of 2 s (its level wobbling by a few dB, its signs random) between quiet stretches. */
    private static float[] held(long seed) {
        float[] pre = Signals.noise(0.001, PRE_ROLL, seed);
        float[] tone = new float[2 * RATE];
        Random signs = new Random(seed);
        for (int i = 0; i < tone.length; i++) {
            double envelope = 0.5 + 0.1 * Math.sin(2 * Math.PI * 5 * i / RATE);
            tone[i] = (float) ((signs.nextBoolean() ? 1 : -1) * envelope);
        }
        return Signals.concat(pre, tone, Signals.noise(0.001, RATE / 2, seed + 100));
    }

    private static List<Take> takes() {
        List<Take> takes = new ArrayList<>();
        for (int i = 0; i < SHORTS; i++) {
            takes.add(new Take(click(i), i, false));
        }
        for (int i = 0; i < HELDS; i++) {
            takes.add(new Take(held(50 + i), SHORTS + i, true));
        }
        return takes;
    }

    private static float[] speech(double seconds, long seed) {
        float[] x = Signals.noise(0.3, (int) (seconds * RATE), seed);
        for (int i = 0; i < x.length; i++) {
            if (i / (RATE * 3 / 10) % 3 == 2) {
                x[i] *= 0.05f;
            }
        }
        return x;
    }

    private static Built build(List<float[]> backgrounds, long seed) {
        return SimulatedStream.build(TAKES, backgrounds, RATE, new Random(seed));
    }

    private static int sample(double seconds) {
        return (int) Math.round(seconds * RATE);
    }

    /** The length of the part of a take placed: from its onset, at most 1 s of a short take, all of a held one. */
    private static int cutLength(Take take) {
        return Math.min(take.samples().length - PRE_ROLL, take.held() ? 10 * RATE : RATE);
    }

    private static double peak(float[] x, int from, int to) {
        double peak = 0;
        for (int i = from; i < to; i++) {
            peak = Math.max(peak, Math.abs(x[i]));
        }
        return peak;
    }

    private static double dbfs(double amplitude) {
        return 20 * Math.log10(amplitude);
    }

    @Test
    void everyTakeIsPlacedOnceWithItsLabel() {
        for (long seed = 1; seed <= 3; seed++) {
            Built built = build(SPEECH, seed);
            int[] labels = built.truth().stream().mapToInt(Truth::label).sorted().toArray();
            int[] expected = TAKES.stream().mapToInt(Take::label).toArray();
            assertArrayEquals(expected, labels);
            int[] order = built.truth().stream().mapToInt(Truth::label).toArray();
            assertFalse(Arrays.equals(expected, order), "the takes are shuffled");
        }
    }

    @Test
    void truthsAreSortedApartAndInsideTheStreamAndOutsideTheBackground() {
        Built built = build(SPEECH, 4);
        assertEquals(built.samples().length / (double) RATE, built.seconds(), 1e-12);
        double previousEnd = 0;
        for (Truth truth : built.truth()) {
            assertTrue(truth.startSeconds() >= previousEnd, truth + " after " + previousEnd);
            assertTrue(truth.endSeconds() > truth.startSeconds(), truth.toString());
            assertTrue(truth.endSeconds() <= built.seconds(), truth.toString());
            for (double t = truth.startSeconds(); t < truth.endSeconds(); t += 0.01) {
                assertFalse(built.inBackground(t), truth + " at " + t);
            }
            previousEnd = truth.endSeconds();
        }
    }

    @Test
    void peaksLieAtRandomLevelsFromMinus30ToMinus6Dbfs() {
        List<Double> levels = new ArrayList<>();
        for (long seed = 1; seed <= 3; seed++) {
            Built built = build(SPEECH, seed);
            for (Truth truth : built.truth()) {
                Take take = TAKES.get(truth.label());
                int start = sample(truth.startSeconds());
                double level = dbfs(peak(built.samples(), start, start + cutLength(take)));
                // The room noise under a take (-62 dBFS RMS) moves its peak by a fraction of a dB at most.
                assertTrue(level >= -30.5 && level <= -5.5, truth + ": " + level + " dBFS");
                levels.add(level);
            }
        }
        double lowest = levels.stream().mapToDouble(Double::doubleValue).min().orElseThrow();
        double highest = levels.stream().mapToDouble(Double::doubleValue).max().orElseThrow();
        assertTrue(lowest < -24 && highest > -12, "spread over the range: " + lowest + ".." + highest);
    }

    /**
     * Each take is in the stream from its first audible sample, to the sample: fitted to the stream, the scaled take
     * leaves only the room noise; one sample early or late, it leaves about the whole take.
     */
    @Test
    void aTruthStartsAtItsTakesFirstAudibleSample() {
        Built built = build(SPEECH, 5);
        float[] x = built.samples();
        int window = RATE / 100;
        for (Truth truth : built.truth()) {
            Take take = TAKES.get(truth.label());
            int start = sample(truth.startSeconds());
            assertEquals(start / (double) RATE, truth.startSeconds(), 1e-12);
            double aligned = misfit(x, start, take, window);
            assertTrue(aligned < 0.2, truth + ": residual " + aligned);
            assertTrue(misfit(x, start - 1, take, window) > 1, "one sample early fits worse");
            assertTrue(misfit(x, start + 1, take, window) > 1, "one sample late fits worse");
        }
    }

    /** The RMS left after the take's onset, scaled by the best gain, is taken from the stream at {@code at}. */
    private static double misfit(float[] x, int at, Take take, int window) {
        float[] s = take.samples();
        double dot = 0;
        double norm = 0;
        for (int j = 0; j < window; j++) {
            dot += x[at + j] * (double) s[PRE_ROLL + j];
            norm += s[PRE_ROLL + j] * (double) s[PRE_ROLL + j];
        }
        double gain = dot / norm;
        double residual = 0;
        for (int j = 0; j < window; j++) {
            double r = x[at + j] - gain * s[PRE_ROLL + j];
            residual += r * r;
        }
        return Math.sqrt(residual / norm) / Math.abs(gain);
    }

    @Test
    void aHeldTakeLastsWhileItIsMadeAndAShortOneUntilItHasDecayed() {
        Built built = build(SPEECH, 6);
        for (Truth truth : built.truth()) {
            double length = truth.endSeconds() - truth.startSeconds();
            if (TAKES.get(truth.label()).held()) {
                assertTrue(length > 1.95 && length <= 2.01, truth + ": " + length);
            } else {
                // 20 dB down after 30 ms * ln 10 = 69 ms, at the end of that 10 ms frame.
                assertTrue(length >= 0.06 && length <= 0.09, truth + ": " + length);
            }
        }
    }

    @Test
    void theBackgroundStretchesAddUpAndHoldTheBackground() {
        Built built = build(SPEECH, 7);
        double sum = 0;
        double previousEnd = 0;
        for (Span span : built.background()) {
            assertTrue(span.startSeconds() >= previousEnd && span.endSeconds() > span.startSeconds(), span.toString());
            sum += span.endSeconds() - span.startSeconds();
            previousEnd = span.endSeconds();
            assertTrue(built.inBackground(span.startSeconds()), span.toString());
            assertTrue(built.inBackground((span.startSeconds() + span.endSeconds()) / 2), span.toString());
            assertFalse(built.inBackground(span.endSeconds()), "a stretch is followed by a gap: " + span);
            int from = sample(span.startSeconds());
            int to = sample(span.endSeconds());
            double level = dbfs(Signals.rms(built.samples(), from, to));
            assertTrue(level > -34 && level < -18, span + ": " + level + " dBFS RMS");
        }
        assertEquals(sum, built.backgroundSeconds(), 1e-9);
        assertTrue(built.background().size() >= 3, "several sound stretches, each followed by background");
        Span lead = built.background().get(0);
        assertEquals(0, lead.startSeconds());
        assertTrue(lead.endSeconds() >= 0.5 && lead.endSeconds() <= 2, lead.toString());
        assertEquals(built.seconds(), built.background().get(built.background().size() - 1).endSeconds(), 1e-12);
        assertFalse(built.inBackground(-0.1));
        assertFalse(built.inBackground(built.seconds()));
        assertTrue(built.backgroundSeconds() < built.seconds() - 2 * HELDS, "the sounds are outside");
        // The gap before the first sound stretch holds only the room noise.
        int gapFrom = sample(lead.endSeconds());
        int gapTo = sample(built.truth().get(0).startSeconds());
        double room = dbfs(Signals.rms(built.samples(), gapFrom, gapTo));
        assertTrue(room > -66 && room < -58, "room noise: " + room + " dBFS RMS");
    }

    @Test
    void theSameSeedGivesTheSameStreamAndAnotherSeedAnother() {
        Built a = build(SPEECH, 8);
        Built b = build(SPEECH, 8);
        Built c = build(SPEECH, 9);
        assertArrayEquals(a.samples(), b.samples());
        assertEquals(a.truth(), b.truth());
        assertEquals(a.background(), b.background());
        assertFalse(Arrays.equals(a.samples(), c.samples()));
        assertFalse(a.truth().equals(c.truth()));
    }

    @Test
    void withoutBackgroundRecordingsTheBackgroundIsQuietRoom() {
        Built built = build(List.of(), 10);
        assertEquals(TAKES.size(), built.truth().size());
        assertTrue(built.backgroundSeconds() > 0);
        for (Span span : built.background()) {
            double level = dbfs(Signals.rms(built.samples(), sample(span.startSeconds()), sample(span.endSeconds())));
            assertTrue(level > -66 && level < -58, span + ": " + level + " dBFS RMS");
        }
        // Silent recordings are no background: the same stream as none.
        Built silent = SimulatedStream.build(TAKES, List.of(new float[RATE], new float[0]), RATE, new Random(10));
        assertArrayEquals(built.samples(), silent.samples());
    }

    @Test
    void withoutTakesTheStreamIsItsLeadOfBackground() {
        Built built = SimulatedStream.build(List.of(), SPEECH, RATE, new Random(11));
        assertTrue(built.truth().isEmpty());
        assertEquals(1, built.background().size());
        assertEquals(built.seconds(), built.backgroundSeconds(), 1e-12);
        assertTrue(built.seconds() >= 0.5 && built.seconds() <= 2, "" + built.seconds());
        Built silentTake = SimulatedStream.build(List.of(new Take(new float[RATE], 3, false)), SPEECH, RATE,
                new Random(11));
        assertArrayEquals(built.samples(), silentTake.samples(), "a silent take is left out");
    }

    @Test
    void theStreamStaysWithinFullScale() {
        List<Take> loud = List.of(new Take(Signals.scaled(click(1), 1.1), 0, false));
        List<float[]> loudBackground = List.of(Signals.noise(1, RATE, 5));
        Built built = SimulatedStream.build(loud, loudBackground, RATE, new Random(12));
        for (float v : built.samples()) {
            assertTrue(v >= -1 && v <= 1);
        }
    }
}
