package dev.parrot.features;

import java.util.Arrays;

/**
 * Where the windows of a recording start, and which of them hold sound rather than the silence around it.
 *
 * <p>A window holds sound when its level is within {@link FeatureSettings#silenceThresholdDb()} of the recording's
 * loudest window and above {@link FeatureSettings#silenceFloorDbfs()}: relative, because users record at every gain,
 * and with a floor, because a recording of pure silence has a loudest window too.
 */
public final class SoundWindows {

    private SoundWindows() {
    }

    /** Start offsets of every window of the samples; a recording shorter than one window still has one. */
    public static int[] allStarts(int sampleCount, FeatureSettings settings) {
        int count = sampleCount <= settings.windowSamples() ? 1
                : (sampleCount - settings.windowSamples()) / settings.hopSamples() + 1;
        int[] starts = new int[count];
        for (int i = 0; i < count; i++) {
            starts[i] = i * settings.hopSamples();
        }
        return starts;
    }

    /** Level of the window at {@code start} in dBFS (a full-scale sine is -3 dBFS). */
    public static double levelDbfs(float[] samples, int start, int length) {
        double sum = 0;
        int end = Math.min(samples.length, start + length);
        for (int i = Math.max(0, start); i < end; i++) {
            sum += samples[i] * (double) samples[i];
        }
        return 10 * Math.log10(sum / length + 1e-12);
    }

    /** The level a window needs to hold sound, in dBFS, in a recording whose loudest window is {@code loudest}. */
    public static double soundThreshold(double loudest, FeatureSettings settings) {
        return Math.max(loudest - settings.silenceThresholdDb(), settings.silenceFloorDbfs());
    }

    /** Start offsets of the windows that hold sound, in order; empty when the whole recording is silent. */
    public static int[] soundStarts(float[] samples, FeatureSettings settings) {
        int[] starts = allStarts(samples.length, settings);
        double[] levels = new double[starts.length];
        double loudest = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < starts.length; i++) {
            levels[i] = levelDbfs(samples, starts[i], settings.windowSamples());
            loudest = Math.max(loudest, levels[i]);
        }
        double threshold = soundThreshold(loudest, settings);
        int kept = 0;
        int[] sound = new int[starts.length];
        for (int i = 0; i < starts.length; i++) {
            if (levels[i] >= threshold) {
                sound[kept++] = starts[i];
            }
        }
        return Arrays.copyOf(sound, kept);
    }
}
