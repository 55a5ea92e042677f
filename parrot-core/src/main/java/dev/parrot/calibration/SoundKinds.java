package dev.parrot.calibration;

import dev.parrot.dataset.RecordingFeatures;
import dev.parrot.dataset.SoundDataset;
import dev.parrot.dataset.Sustain;
import dev.parrot.runtime.SoundKind;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether each sound is short or held, from how long it lasts in its recordings: a held sound (a hiss, a hum, a
 * whistle) stays near its loudest for as long as it is made, a short one (a click, a pop, a drum hit) falls away from
 * its attack. A take counts by the time it stays within {@value #SUSTAIN_DB} dB of its loudest window, a segment of a
 * long recording by its length (as its SRT or the automatic segmentation marks it). A sound whose kind the user set
 * keeps it.
 */
public final class SoundKinds {

    /**
     * A sound is held when its recordings stay within {@value #SUSTAIN_DB} dB of their loudest window for at least
     * this long (the median over its recordings). Parrot.py's short noises last 30-100 ms; a hiss held to scroll lasts
     * from about half a second.
     */
    public static final double HELD_FROM_SECONDS = 0.25;

    /** How far below its loudest a sound may fall and still count as going on. */
    public static final double SUSTAIN_DB = Sustain.DB;

    /**
     * A sound's kind and why.
     *
     * @param kind short or held
     * @param reason what the recordings showed, or that the kind was set
     * @param sustainSeconds the median time its recordings stay near their loudest (NaN when the kind was set)
     */
    public record Choice(SoundKind kind, String reason, double sustainSeconds) {
    }

    private SoundKinds() {
    }

    /**
     * @param dataset the recordings, whose features hold each window's level
     * @param hopSeconds the time between windows
     * @param set kinds the user chose, which win
     * @param how the words for where the user's choice came from, e.g. "set in the POM"
     * @return per sound (background labels have none), in the data set's order
     */
    public static Map<String, Choice> choose(SoundDataset dataset, double hopSeconds, Map<String, SoundKind> set,
            String how) {
        int level = dataset.levelFeature();
        Map<String, Choice> kinds = new LinkedHashMap<>();
        for (String sound : dataset.sounds()) {
            if (dataset.background().contains(sound)) {
                continue;
            }
            if (set.containsKey(sound)) {
                kinds.put(sound, new Choice(set.get(sound), how, Double.NaN));
                continue;
            }
            List<Double> sustains = new ArrayList<>();
            for (RecordingFeatures r : dataset.recordingsOf(sound)) {
                if (r.part().isEmpty() && r.windows().length > 0) {
                    sustains.add(sustain(r.windows(), level, hopSeconds));
                }
            }
            // A long recording's parts hold its segments' windows side by side: each segment was measured as read.
            sustains.addAll(dataset.segmentSeconds().getOrDefault(sound, List.of()));
            double median = median(sustains);
            SoundKind kind = median >= HELD_FROM_SECONDS ? SoundKind.HELD : SoundKind.SHORT;
            kinds.put(sound, new Choice(kind, String.format(Locale.ROOT, "it lasts %.2f s (median of %d: a"
                    + " take's or segment's time within %.0f dB of its loudest); held from %.2f s", median,
                    sustains.size(), SUSTAIN_DB, HELD_FROM_SECONDS), median));
        }
        return kinds;
    }

    /** How long a take stays near its loudest: its windows within {@link #SUSTAIN_DB} of its loudest window. */
    static double sustain(float[][] windows, int level, double hopSeconds) {
        float[] levels = new float[windows.length];
        for (int i = 0; i < windows.length; i++) {
            levels[i] = windows[i][level];
        }
        return Sustain.seconds(levels, levels.length, hopSeconds);
    }

    private static double median(List<Double> values) {
        if (values.isEmpty()) {
            return 0;
        }
        double[] v = values.stream().mapToDouble(Double::doubleValue).toArray();
        Arrays.sort(v);
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
