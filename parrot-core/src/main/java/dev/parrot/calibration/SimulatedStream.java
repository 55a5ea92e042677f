package dev.parrot.calibration;

import dev.parrot.augmentation.Augmenter;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import java.util.Random;

/**
 * A stream as the microphone hears it, built from held-out recordings, for calibrating the live detector's thresholds:
 * takes recorded one by one start from silence at the level the user happened to record them, while a live detector
 * meets them at any level, after and between other sounds, and spends most of its time hearing the user talk, type or
 * sit in a quiet room. Thresholds chosen on takes alone miss the quiet sounds and fire on the talking.
 * <p>
 * The recipe is the benchmark's ({@code benchmarks/streams.py}: {@code hit}, {@code decay_end}, {@code room},
 * {@code stream}), what the detection figures were measured on: after a short lead of background, stretches of 4-9 s
 * of sounds (0.4-1.2 s apart, each peaking at a random -30..-6 dBFS) alternate with stretches of 3-8 s of background
 * (the user's background recordings at -30..-20 dBFS RMS, or without them quiet room alone), all
 * over a quiet room noise at -62 dBFS RMS. Unlike the benchmark, every take is placed exactly once and whole (held
 * sounds outlast a stretch), so that a fold's figures count each of its takes.
 * <p>
 * The stream is allocated once, at its final length, and everything is added into it: a fold's stream of held-out
 * takes can last minutes at 48 kHz. What is placed where is drawn from the {@link Random} given, so a stream depends
 * only on its inputs and that generator's seed.
 */
public final class SimulatedStream {

    /** A take starts at its first sample of at least this fraction of its peak: before it, the recording waits. */
    private static final double AUDIBLE = 0.02;
    /** A short sound is over within a second; what follows in its take is the room it was recorded in. */
    private static final double SHORT_MAX_SECONDS = 1;
    /** A held sound is kept whole, up to this, so that its truth lasts as long as it is made. */
    private static final double HELD_MAX_SECONDS = 10;
    /** Cuts (the end of a take, the edges of a background piece) fade over this, so that no cut is a click. */
    private static final double FADE_SECONDS = 0.02;
    private static final double FRAME_SECONDS = 0.01;
    /** A sound is over where its 10 ms frames stay this far below its loudest (streams.py's decay_end). */
    private static final double DECAY_DB = 20;
    private static final double MIN_TRUTH_SECONDS = 0.05;
    private static final double MIN_PEAK_DBFS = -30;
    private static final double MAX_PEAK_DBFS = -6;
    private static final double MIN_BACKGROUND_DBFS = -30;
    private static final double MAX_BACKGROUND_DBFS = -20;
    private static final double ROOM_DBFS = -62;
    /** The room noise's leak: integrated white noise, brown-ish as a room's rumble is. */
    private static final double ROOM_LEAK = 0.97;

    /**
     * A held-out recording of a sound.
     *
     * @param samples the take at the stream's rate (not changed)
     * @param label the sound's, as the truth reports it
     * @param held a held sound (a hiss, a hum) is kept whole and lasts while it stays near its loudest; a short one
     *     is cut after a second and lasts until it has decayed
     */
    public record Take(float[] samples, int label, boolean held) {
        public Take {
            Objects.requireNonNull(samples, "samples");
        }
    }

    /**
     * One placed sound.
     *
     * @param startSeconds its first audible sample, exactly
     * @param endSeconds where a short sound has decayed 20 dB below its loudest 10 ms, or where a held one last was
     *     within 20 dB of it (at least 50 ms after the start either way)
     */
    public record Truth(double startSeconds, double endSeconds, int label) {
    }

    /** A stretch of background, from its start up to (not including) its end. */
    public record Span(double startSeconds, double endSeconds) {
    }

    /**
     * A simulated stream.
     *
     * @param samples the stream, clipped to [-1, 1]
     * @param truth the placed sounds, in time order, never overlapping each other or the background
     * @param background the background stretches, in time order: where a report can only be a false alarm
     * @param backgroundSeconds their total length, what false alarms per minute are counted per
     * @param seconds the stream's length
     */
    public record Built(float[] samples, List<Truth> truth, List<Span> background, double backgroundSeconds,
            double seconds) {

        public Built {
            truth = List.copyOf(truth);
            background = List.copyOf(background);
        }

        /**
         * Whether {@code seconds} lies in a background stretch. Outside them lie the sounds, with the quiet between
         * and after them, where a report is judged by the truth instead.
         */
        public boolean inBackground(double seconds) {
            int low = 0;
            int high = background.size() - 1;
            while (low <= high) {
                int middle = (low + high) >>> 1;
                Span span = background.get(middle);
                if (seconds < span.startSeconds()) {
                    high = middle - 1;
                } else if (seconds >= span.endSeconds()) {
                    low = middle + 1;
                } else {
                    return true;
                }
            }
            return false;
        }
    }

    /** What of a take is placed: {@code length} samples from {@code from}, scaled by {@code gain} at {@code at}. */
    private record Cut(Take take, int from, int length, double peak, int truthLength) {
    }

    private record Placed(Cut cut, long at, double gain) {
    }

    /**
     * A background stretch. Without background recordings it is quiet room alone: coloured noise there made a held
     * noise (a hiss) look like a false alarm on every stretch, though nothing says the user's room sounds like that.
     */
    private record Stretch(long from, int length) {
    }

    private SimulatedStream() {
    }

    /**
     * Builds a stream.
     *
     * @param takes the held-out takes, each placed once in a random order; a take with no sound in it (all zeros)
     *     is left out, as nothing could hear it
     * @param backgrounds the held-out background recordings at {@code sampleRate} (not changed); silent ones are
     *     left out; none at all for quiet room alone
     * @param random draws everything; the same seed gives the same stream
     * @return with no (audible) takes, a single lead of background of 0.5-2 s
     */
    public static Built build(List<Take> takes, List<float[]> backgrounds, int sampleRate, Random random) {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate " + sampleRate);
        }
        List<Cut> cuts = new ArrayList<>();
        for (Take take : takes) {
            Cut cut = cut(take, sampleRate);
            if (cut != null) {
                cuts.add(cut);
            }
        }
        Collections.shuffle(cuts, random);
        List<float[]> sources = new ArrayList<>();
        List<Double> levels = new ArrayList<>();
        for (float[] background : backgrounds) {
            double power = Augmenter.meanPower(background);
            if (power > 0) {
                sources.add(background);
                levels.add(Math.sqrt(power));
            }
        }

        List<Placed> placed = new ArrayList<>();
        List<Stretch> stretches = new ArrayList<>();
        long t = 0;
        t = stretch(stretches, t, samples(Augmenter.uniform(random, 0.5, 2), sampleRate));
        int next = 0;
        while (next < cuts.size()) {
            t += samples(Augmenter.uniform(random, 0.2, 0.6), sampleRate);
            long end = t + samples(Augmenter.uniform(random, 4, 9), sampleRate);
            do {
                Cut cut = cuts.get(next++);
                double gain = Math.pow(10, Augmenter.uniform(random, MIN_PEAK_DBFS, MAX_PEAK_DBFS) / 20) / cut.peak();
                placed.add(new Placed(cut, t, gain));
                t += cut.length() + samples(Augmenter.uniform(random, 0.4, 1.2), sampleRate);
            } while (next < cuts.size() && t < end - sampleRate / 2);
            t = Math.max(t, end);
            t = stretch(stretches, t, samples(Augmenter.uniform(random, 3, 8), sampleRate));
        }
        if (t > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("a simulated stream of " + t + " samples is too long for one array");
        }

        float[] x = new float[(int) t];
        room(x, random);
        int fade = Math.max(1, samples(FADE_SECONDS, sampleRate));
        List<Span> spans = new ArrayList<>();
        long backgroundSamples = 0;
        for (Stretch stretch : stretches) {
            if (!sources.isEmpty()) {
                addBackground(x, stretch, sources, levels, fade, random);
            }
            spans.add(new Span(stretch.from() / (double) sampleRate,
                    (stretch.from() + stretch.length()) / (double) sampleRate));
            backgroundSamples += stretch.length();
        }
        List<Truth> truth = new ArrayList<>();
        for (Placed p : placed) {
            addTake(x, p, fade);
            truth.add(new Truth(p.at() / (double) sampleRate,
                    (p.at() + p.cut().truthLength()) / (double) sampleRate, p.cut().take().label()));
        }
        for (int i = 0; i < x.length; i++) {
            x[i] = Math.max(-1, Math.min(1, x[i]));
        }
        return new Built(x, truth, spans, backgroundSamples / (double) sampleRate, x.length / (double) sampleRate);
    }

    private static long stretch(List<Stretch> stretches, long from, int length) {
        stretches.add(new Stretch(from, length));
        return from + length;
    }

    private static int samples(double seconds, int sampleRate) {
        return (int) Math.round(seconds * sampleRate);
    }

    /**
     * What of a take to place, as streams.py's {@code hit} cuts it, and how long its sound lasts; null for a silent
     * take. The fade at the cut is included in the peak and the truth, as it will be in the stream.
     */
    private static Cut cut(Take take, int sampleRate) {
        float[] s = take.samples();
        double peak = 0;
        for (float v : s) {
            peak = Math.max(peak, Math.abs(v));
        }
        if (peak == 0) {
            return null;
        }
        int from = 0;
        while (Math.abs(s[from]) < AUDIBLE * peak) {
            from++;
        }
        int length = Math.min(s.length - from,
                samples(take.held() ? HELD_MAX_SECONDS : SHORT_MAX_SECONDS, sampleRate));
        int fade = Math.min(length, Math.max(1, samples(FADE_SECONDS, sampleRate)));
        int frame = Math.max(1, samples(FRAME_SECONDS, sampleRate));
        int frames = Math.max(1, length / frame);
        double[] power = new double[frames];
        double cutPeak = 0;
        for (int f = 0; f < frames; f++) {
            int end = Math.min(length, (f + 1) * frame);
            double sum = 0;
            for (int j = f * frame; j < end; j++) {
                double v = s[from + j] * fadeOut(j, length, fade);
                sum += v * v;
                cutPeak = Math.max(cutPeak, Math.abs(v));
            }
            power[f] = sum / (end - f * frame);
        }
        for (int j = frames * frame; j < length; j++) {
            cutPeak = Math.max(cutPeak, Math.abs(s[from + j] * fadeOut(j, length, fade)));
        }
        int loudest = 0;
        for (int f = 1; f < frames; f++) {
            if (power[f] > power[loudest]) {
                loudest = f;
            }
        }
        double floor = power[loudest] * Math.pow(10, -DECAY_DB / 10);
        int end;
        if (take.held()) {
            int last = loudest;
            for (int f = frames - 1; f > loudest; f--) {
                if (power[f] >= floor) {
                    last = f;
                    break;
                }
            }
            end = Math.min(length, (last + 1) * frame);
        } else {
            end = length;
            for (int f = loudest + 1; f < frames; f++) {
                if (power[f] < floor) {
                    end = f * frame;
                    break;
                }
            }
        }
        if (cutPeak == 0) {
            return null;
        }
        return new Cut(take, from, length, cutPeak, Math.max(end, samples(MIN_TRUTH_SECONDS, sampleRate)));
    }

    /** streams.py's fade at the cut: 1 down to 0 over the last {@code fade} samples. */
    private static double fadeOut(int j, int length, int fade) {
        int into = j - (length - fade);
        if (into < 0 || fade == 1) {
            return 1;
        }
        return 1 - into / (double) (fade - 1);
    }

    /** In and out over {@code fade} samples at both edges, for pieces whose start is no sound's onset. */
    private static double edges(int j, int length, int fade) {
        int f = Math.min(fade, Math.max(1, length / 2));
        return Math.min(1, Math.min((j + 0.5) / f, (length - j - 0.5) / f));
    }

    private static void addTake(float[] x, Placed p, int fade) {
        Cut cut = p.cut();
        float[] s = cut.take().samples();
        int at = (int) p.at();
        int fadeLength = Math.min(cut.length(), fade);
        for (int j = 0; j < cut.length(); j++) {
            x[at + j] += (float) (s[cut.from() + j] * fadeOut(j, cut.length(), fadeLength) * p.gain());
        }
    }

    /**
     * Pieces of random background recordings until the stretch is full: a recording shorter than what is left whole
     * (an utterance, as streams.py's speech stretches), a longer one from a random offset. Each piece is as loud as
     * its recording is at a random {@value #MIN_BACKGROUND_DBFS}..{@value #MAX_BACKGROUND_DBFS} dBFS RMS, so that the
     * pauses in it stay quiet.
     */
    private static void addBackground(float[] x, Stretch stretch, List<float[]> sources, List<Double> levels,
            int fade, Random random) {
        int at = (int) stretch.from();
        int left = stretch.length();
        while (left > 0) {
            int k = random.nextInt(sources.size());
            float[] source = sources.get(k);
            int piece = Math.min(source.length, left);
            int offset = random.nextInt(source.length - piece + 1);
            double gain = Math.pow(10, Augmenter.uniform(random, MIN_BACKGROUND_DBFS, MAX_BACKGROUND_DBFS) / 20)
                    / levels.get(k);
            for (int j = 0; j < piece; j++) {
                x[at + j] += (float) (source[offset + j] * gain * edges(j, piece, fade));
            }
            at += piece;
            left -= piece;
        }
    }

    /**
     * Quiet room noise over the whole (still empty) stream, written in place: leaky integrated white noise, its mean
     * removed, at {@value #ROOM_DBFS} dBFS RMS, as streams.py's {@code room}. A stream never falls to digital
     * silence, which no microphone gives and which would make every level look like an onset.
     */
    private static void room(float[] x, Random random) {
        double y = 0;
        double sum = 0;
        double squares = 0;
        for (int i = 0; i < x.length; i++) {
            y = random.nextGaussian() + ROOM_LEAK * y;
            x[i] = (float) y;
            sum += x[i];
            squares += x[i] * (double) x[i];
        }
        if (x.length == 0) {
            return;
        }
        double mean = sum / x.length;
        double variance = squares / x.length - mean * mean;
        double gain = variance > 0 ? Math.pow(10, ROOM_DBFS / 20) / Math.sqrt(variance) : 0;
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) ((x[i] - mean) * gain);
        }
    }
}
