package dev.parrot.benchmarks;

import dev.parrot.live.ArraySource;
import dev.parrot.live.RecordRequest;
import dev.parrot.live.RecordResult;
import dev.parrot.live.Recorder;
import dev.parrot.segments.SegmentFinder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * What {@code parrot:record} costs beside the microphone: a long recording (room noise at about -50 dBFS with a
 * 0.2 s tone every 1.5 s) fed to a {@link Recorder} as fast as it takes it, and separately one update of the running
 * count of takes ({@link SegmentFinder} over every 5 ms frame so far) at the length of the recording, where it costs
 * most, with the share of a core it takes at the interval the recorder updates it then. A live recorder keeps up when
 * both are far below real time.
 *
 * <pre>java -cp benchmarks/target/benchmarks.jar dev.parrot.benchmarks.RecorderTiming [minutes] [runs]</pre>
 */
public final class RecorderTiming {

    private static final int RATE = Recorder.SAMPLE_RATE;

    public static void main(String[] args) throws Exception {
        double minutes = args.length > 0 ? Double.parseDouble(args[0]) : 10;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        Random random = new Random(1);
        float[] samples = new float[(int) (minutes * 60 * RATE)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.003 * random.nextGaussian());
        }
        for (double at = 0.5; at + 0.2 < minutes * 60; at += 1.5) {
            int from = (int) (at * RATE);
            for (int i = 0; i < RATE / 5; i++) {
                samples[from + i] += (float) (0.4 * Math.sin(2 * Math.PI * 600 * i / RATE));
            }
        }
        Path dir = Files.createTempDirectory("parrot-record");

        long t0 = System.nanoTime();
        Recorder recorder = Recorder.start(new RecordRequest(dir, "click", false), LocalDateTime.now());
        recorder.record(new ArraySource(samples, RATE), progress -> { });
        long t1 = System.nanoTime();
        RecordResult result = recorder.finish();
        long t2 = System.nanoTime();
        double audio = samples.length / (double) RATE;
        System.out.printf(Locale.ROOT, "%.0f s of audio, %d takes found: recorded in %.2f s (%.0fx real time),"
                + " finished (file completed, read back, segmented, SRT written) in %.2f s%n", audio,
                result.takes().size(), (t1 - t0) / 1e9, audio / ((t1 - t0) / 1e9), (t2 - t1) / 1e9);

        SegmentFinder.FrameLevels levels = new SegmentFinder.FrameLevels(RATE);
        levels.add(samples, 0, samples.length);
        int frames = (int) (audio / SegmentFinder.FRAME_SECONDS);
        double[] millis = new double[runs];
        for (int r = 0; r < runs; r++) {
            long s = System.nanoTime();
            SegmentFinder.find(levels, "click");
            millis[r] = (System.nanoTime() - s) / 1e6;
        }
        Arrays.sort(millis);
        double every = Math.max(0.5, 0.01 * audio);
        System.out.printf(Locale.ROOT, "running count over %d frames (%.0f s), %d runs: min %.1f ms, median %.1f ms,"
                + " max %.1f ms; updated every %.1f s of audio there: %.1f%% of a core at the median%n", frames,
                audio, runs, millis[0], millis[runs / 2], millis[runs - 1], every,
                100 * millis[runs / 2] / 1000 / every);
        Files.deleteIfExists(result.wav());
        Files.deleteIfExists(result.srt());
    }
}
