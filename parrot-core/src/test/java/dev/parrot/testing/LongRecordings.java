package dev.parrot.testing;

import dev.parrot.audio.WavWriter;
import dev.parrot.segments.Segment;
import dev.parrot.segments.SrtFormat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Long recordings as Parrot.py makes them: minutes (here seconds) of room noise with a sound made now and then. Each
 * knows where its sounds truly are, so tests can check segments found or written against the truth.
 *
 * @param samples mono at {@link SyntheticRecordings#RATE}
 * @param truth where the sounds are, labelled with the sound
 */
public record LongRecordings(float[] samples, List<Segment> truth) {

    /**
     * Writes a recording where Parrot.py's recorder puts it, {@code <soundFolder>/source/<name>.wav}, with its
     * segments in {@code <soundFolder>/segments/<name>.v3.srt}; returns the WAV file.
     */
    public static Path writeAsParrotPy(Path soundFolder, String name, float[] samples, int rate, List<Segment> segments)
            throws IOException {
        Files.createDirectories(soundFolder.resolve("source"));
        Files.createDirectories(soundFolder.resolve("segments"));
        Path wav = soundFolder.resolve("source/" + name + ".wav");
        WavWriter.writePcm16(wav, samples, rate);
        Files.writeString(soundFolder.resolve("segments/" + name + ".v3.srt"), SrtFormat.format(segments));
        return wav;
    }

    /** Room noise peak level (RMS about -55 dBFS): a quiet room through a desk microphone. */
    public static final double ROOM = 0.003;

    /**
     * {@code seconds} of room noise with a burst of {@code sound} (see {@link SyntheticRecordings#take}) of 100 to 300
     * ms every 0.6 to 1.2 s, deterministic for a seed.
     */
    public static LongRecordings of(String sound, double seconds, long seed) {
        Random random = new Random(seed);
        int rate = SyntheticRecordings.RATE;
        float[] samples = Signals.noise(ROOM, (int) (seconds * rate), random.nextLong());
        List<Segment> truth = new ArrayList<>();
        double at = 0.4 + 0.3 * random.nextDouble();
        int take = 0;
        while (true) {
            double length = 0.1 + 0.2 * random.nextDouble();
            if (at + length > seconds - 0.3) {
                break;
            }
            // A take's burst is its middle two thirds; cut it out so the burst starts exactly at 'at'.
            float[] t = SyntheticRecordings.take(sound, (int) (seed * 100 + take++), length * 1.5);
            int lead = t.length / 6;
            int burst = t.length - 2 * lead;
            int start = (int) Math.round(at * rate);
            for (int i = 0; i < burst && start + i < samples.length; i++) {
                samples[start + i] += t[lead + i];
            }
            truth.add(new Segment(at, at + burst / (double) rate, sound, 0));
            at += burst / (double) rate + 0.6 + 0.6 * random.nextDouble();
        }
        return new LongRecordings(samples, List.copyOf(truth));
    }

    /** Room noise alone. */
    public static float[] room(double seconds, long seed) {
        return Signals.noise(ROOM, (int) (seconds * SyntheticRecordings.RATE), seed);
    }
}
