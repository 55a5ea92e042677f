package dev.parrot.benchmarks;

import dev.parrot.runtime.AudioSource;
import dev.parrot.runtime.SoundDetector;
import dev.parrot.runtime.SoundModel;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The detector run for hours in one JVM, as a microphone would feed it all day: two hours (by default) of a quiet room
 * with a sample take every 2 to 4 seconds ({@link SyntheticSession}), made as it is read, through
 * {@link SoundDetector#run} on one thread, with the model the example project trains and its calibrated settings.
 * Every 10 minutes of audio the heap is measured after a full GC; the run fails (exit code 1) when it grew by more
 * than {@value #FLAT_MB} MB from the first measurement to the last. It reports how many windows the detector went
 * through per second of its own time (the GCs of the measurements left out) and that as a multiple of real time.
 *
 * <pre>java -Xmx256m -XX:ActiveProcessorCount=1 -cp benchmarks/target/benchmarks.jar dev.parrot.benchmarks.AllDayDetection [HOURS]</pre>
 */
public final class AllDayDetection {

    /** Growth of the heap after GC, first to last measurement, still counted as flat: the GC's own slack. */
    static final double FLAT_MB = 2;
    private static final double EVERY_SECONDS = 600;

    private AllDayDetection() {
    }

    public static void main(String[] args) throws Exception {
        double hours = args.length > 0 ? Double.parseDouble(args[0]) : 2;
        if (hours * 3600 < 2 * EVERY_SECONDS) {
            throw new IllegalArgumentException("at least " + 2 * EVERY_SECONDS / 3600 + " h, to measure twice");
        }
        SoundModel model = SoundModel.load(SampleModel.train());
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        List<Double> heapMb = new ArrayList<>();
        long[] events = new long[1];
        long[] measuring = new long[1];
        SoundDetector detector = model.newDetector(event -> events[0]++);
        SyntheticSession audio = new SyntheticSession(hours * 3600, List.of(), 2026);
        // The source measures as it hands out audio, so the measurements fall at the same points of every run.
        long every = Math.round(EVERY_SECONDS * SyntheticSession.RATE);
        long[] handed = new long[1];
        AudioSource measured = new AudioSource() {
            @Override
            public int sampleRate() {
                return audio.sampleRate();
            }

            @Override
            public int read(float[] buffer, int offset, int count) {
                if (handed[0] == 0 || handed[0] / every != (handed[0] + count) / every) {
                    long started = System.nanoTime();
                    System.gc();
                    heapMb.add(memory.getHeapMemoryUsage().getUsed() / 1048576.0);
                    measuring[0] += System.nanoTime() - started;
                }
                int n = audio.read(buffer, offset, count);
                handed[0] += Math.max(n, 0);
                return n;
            }

            @Override
            public void close() {
                audio.close();
            }
        };
        long started = System.nanoTime();
        detector.run(measured);
        double seconds = (System.nanoTime() - started - measuring[0]) / 1e9;
        double audioSeconds = audio.length() / (double) SyntheticSession.RATE;
        double windows = audioSeconds * model.settings().sampleRate() / model.settings().hopSamples();
        System.out.printf(Locale.ROOT, "audio: %.0f min, %.0f windows, %d events%n", audioSeconds / 60, windows,
                events[0]);
        System.out.printf(Locale.ROOT, "detector: %.1f s, %.0f windows/s, %.0fx real time (one thread, %d cores"
                + " available)%n", seconds, windows / seconds, audioSeconds / seconds,
                Runtime.getRuntime().availableProcessors());
        StringBuilder heap = new StringBuilder();
        for (int i = 0; i < heapMb.size(); i++) {
            heap.append(String.format(Locale.ROOT, "%s%.0f min %.2f MB", i == 0 ? "" : ", ",
                    i * EVERY_SECONDS / 60, heapMb.get(i)));
        }
        System.out.println("heap after GC: " + heap);
        // The first measurement is before the detector's first window: its buffers and the JIT's work come after.
        double growth = heapMb.get(heapMb.size() - 1) - heapMb.get(1);
        System.out.printf(Locale.ROOT, "growth from 10 min to the end: %+.2f MB (flat within %.0f MB: %s)%n", growth,
                FLAT_MB, Math.abs(growth) <= FLAT_MB ? "yes" : "NO");
        if (Math.abs(growth) > FLAT_MB) {
            System.exit(1);
        }
    }
}
