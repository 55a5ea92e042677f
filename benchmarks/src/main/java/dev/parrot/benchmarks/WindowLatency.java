package dev.parrot.benchmarks;

import dev.parrot.runtime.SoundClassifier;
import dev.parrot.runtime.SoundModel;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Locale;

/**
 * The per-window latency of {@link WindowBenchmark#windowToProbabilities} measured twice per call: as wall time
 * (what JMH reports) and as the CPU time of the measuring thread. On a machine shared with other busy processes the
 * wall time's tail is the time the thread waited for a core; the CPU time is what recognition itself costs.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.parrot.benchmarks.WindowLatency [windows]</pre>
 */
public final class WindowLatency {

    public static void main(String[] args) throws Exception {
        int measured = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        SoundModel model = SoundModel.load(SampleModel.train());
        SoundClassifier classifier = model.newClassifier();
        SampleModel.Windows windows = SampleModel.soundWindows(model.settings());
        float[][] audio = windows.audio();
        int[] starts = windows.offsets();
        double[] out = new double[model.labels().size()];
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (int i = 0; i < 20_000; i++) {
            int w = i % windows.count();
            classifier.probabilities(audio[w], starts[w], out);
        }
        long[] wall = new long[measured];
        long[] cpu = new long[measured];
        for (int i = 0; i < measured; i++) {
            int w = i % windows.count();
            long c0 = threads.getCurrentThreadCpuTime();
            long t0 = System.nanoTime();
            classifier.probabilities(audio[w], starts[w], out);
            wall[i] = System.nanoTime() - t0;
            cpu[i] = threads.getCurrentThreadCpuTime() - c0;
        }
        System.out.println(measured + " windows of 30 ms to probabilities (" + windows.count() + " distinct)");
        print("wall time", wall);
        print("thread CPU time", cpu);
    }

    private static void print(String what, long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        System.out.printf(Locale.ROOT, "%-16s p50 %7.1f us  p90 %7.1f us  p99 %7.1f us  p99.9 %8.1f us  max %9.1f us%n",
                what, at(sorted, 0.50), at(sorted, 0.90), at(sorted, 0.99), at(sorted, 0.999),
                sorted[sorted.length - 1] / 1e3);
    }

    private static double at(long[] sorted, double quantile) {
        return sorted[(int) Math.min(sorted.length - 1, Math.floor(quantile * sorted.length))] / 1e3;
    }
}
