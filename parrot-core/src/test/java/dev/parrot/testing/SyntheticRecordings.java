package dev.parrot.testing;

import dev.parrot.audio.WavWriter;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Random;

/**
 * Small folders of recordings of tones and noise, each take a burst between short silences with its own pitch, level
 * and hiss.
 */
public final class SyntheticRecordings {

    public static final int RATE = 16_000;

    private SyntheticRecordings() {
    }

    /**
     * One take of a sound: "low" (380 to 420 Hz), "mid" (400 to 700 Hz, so sometimes mistaken for low), "high" (about
     * 3 kHz) or "rush".
     */
    public static float[] take(String sound, int take, double seconds) {
        Random random = new Random(sound.hashCode() * 31L + take);
        int n = (int) (seconds * RATE);
        int lead = n / 6;
        int burst = n - 2 * lead;
        double level = 0.2 + 0.5 * random.nextDouble();
        float[] body = switch (sound) {
            case "low" -> Signals.sine(380 + 100 * random.nextDouble(), level, RATE, burst);
            case "mid" -> Signals.sine(430 + 100 * random.nextDouble(), level, RATE, burst);
            case "high" -> Signals.sine(2900 + 200 * random.nextDouble(), level, RATE, burst);
            case "rush" -> Signals.noise(level, burst, random.nextLong());
            default -> throw new IllegalArgumentException(sound);
        };
        float[] hiss = Signals.noise(0.002, n, random.nextLong());
        for (int i = 0; i < burst; i++) {
            hiss[lead + i] += body[i];
        }
        return hiss;
    }

    /** Writes {@code takes} 16-bit takes of each sound to {@code <dir>/<sound>/take-<i>.wav}. */
    public static Path write(Path dir, int takes, double seconds, String... sounds) throws IOException {
        for (String sound : sounds) {
            for (int t = 0; t < takes; t++) {
                WavWriter.writePcm16(dir.resolve(sound).resolve("take-" + t + ".wav"), take(sound, t, seconds), RATE);
            }
        }
        return dir;
    }
}
