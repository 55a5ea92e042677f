package dev.parrot.benchmarks;

import dev.parrot.model.UnseenEvaluation;
import dev.parrot.classify.BatchClassifier;
import dev.parrot.classify.ClassifyRequest;
import dev.parrot.classify.ClassifyResult;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * How much faster than real time {@code parrot:classify} gets through a folder: classifies the sample recordings
 * (what the goal does, without Maven's start-up) with one thread and with two, several rounds each, and prints
 * seconds of audio per second of wall time. The first round includes the JVM warming up, as a one-off
 * {@code mvn parrot:classify} does.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.parrot.benchmarks.ClassifyThroughput [rounds]</pre>
 */
public final class ClassifyThroughput {

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Path model = SampleModel.train();
        Path input = SampleModel.recordings();
        Path reports = Files.createTempDirectory("parrot-bench-reports");
        reports.toFile().deleteOnExit();
        reports.resolve(ClassifyRequest.CLASSIFICATIONS_FILE).toFile().deleteOnExit();
        // The sample folders name their sounds, so the run also writes an accuracy file (of no interest here).
        UnseenEvaluation.file(reports, "noises").toFile().deleteOnExit();
        System.out.println("model: random-forest, 100 trees, trained on " + input);
        System.out.println("threads round  recordings  audio_s  wall_s  x_real_time");
        for (int threads : new int[] {1, 2}) {
            for (int round = 1; round <= rounds; round++) {
                ClassifyResult r = new BatchClassifier()
                        .classify(ClassifyRequest.builder(input, model, reports).threads(threads).build());
                System.out.printf(Locale.ROOT, "%7d %5d %11d %8.1f %7.3f %12.0f%n", threads, round,
                        r.recordings().size(), r.audioSeconds(), r.wallSeconds(), r.realTimeFactor());
            }
        }
    }
}
