package dev.parrot.benchmarks;

import dev.parrot.training.SoundModelTrainer;
import dev.parrot.training.TrainingRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * What a repeated build with nothing changed costs in {@code parrot:train}: the fingerprint of the recordings and
 * settings, reading the model's JSON and hashing its classifier file. Copies the sample recordings {@code copies}
 * times into a temporary folder (5 sounds x 12 takes each), trains once, then times
 * {@link SoundModelTrainer#trainIfChanged} on the unchanged folder.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.parrot.benchmarks.UpToDateTiming data/recordings [copies] [runs]</pre>
 */
public final class UpToDateTiming {

    public static void main(String[] args) throws Exception {
        Path samples = Path.of(args.length > 0 ? args[0] : "data/recordings");
        int copies = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        Path dir = Files.createTempDirectory("parrot-uptodate");
        Path recordings = dir.resolve("recordings");
        int count = 0;
        try (var sounds = Files.list(samples)) {
            for (Path sound : sounds.filter(Files::isDirectory).toList()) {
                Path target = Files.createDirectories(recordings.resolve(sound.getFileName().toString()));
                try (var takes = Files.list(sound)) {
                    for (Path take : takes.filter(p -> p.toString().endsWith(".wav")).toList()) {
                        for (int c = 0; c < copies; c++) {
                            Files.copy(take, target.resolve(c + "-" + take.getFileName()));
                            count++;
                        }
                    }
                }
            }
        }
        TrainingRequest request = TrainingRequest.defaults(recordings, dir.resolve("models"), "timing")
                .withSounds(List.of());
        SoundModelTrainer trainer = new SoundModelTrainer();
        long t0 = System.nanoTime();
        trainer.trainIfChanged(request);
        double trainSeconds = (System.nanoTime() - t0) / 1e9;
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long s = System.nanoTime();
            if (trainer.trainIfChanged(request).trained()) {
                throw new IllegalStateException("retrained an unchanged model");
            }
            millis[i] = (System.nanoTime() - s) / 1e6;
        }
        double first = millis[0];
        Arrays.sort(millis);
        System.out.printf(Locale.ROOT, "%d recordings, classifier file %d KB; training took %.1f s%n", count,
                Files.size(dir.resolve("models/timing.model")) >> 10, trainSeconds);
        System.out.printf(Locale.ROOT, "up-to-date check over %d runs: first %.1f ms, min %.1f ms, median %.1f ms,"
                + " max %.1f ms%n", runs, first, millis[0], millis[runs / 2], millis[runs - 1]);
    }
}
