package dev.parrot.calibration;

import dev.parrot.dataset.RecordingFeatures;
import dev.parrot.dataset.SoundDataset;
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
 * its attack. A sound whose kind the user set keeps it.
 */
public final class SoundKinds {

    /**
     * A sound is held when its recordings stay within {@value #SUSTAIN_DB} dB of their loudest window for at least
     * this long (the median over its recordings). Parrot.py's short noises last 30-100 ms; a hiss held to scroll lasts
     * from about half a second.
     */
    public static final double HELD_FROM_SECONDS = 0.25;

    /** How far below its loudest a sound may fall and still count as going on. */
    public static final double SUSTAIN_DB = 10;

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
        int level = dataset.featureNames().indexOf("level_dbfs");
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
                sustains.addAll(sustains(r.windows(), level, hopSeconds, r.part().isEmpty()));
            }
            double median = median(sustains);
            SoundKind kind = median >= HELD_FROM_SECONDS ? SoundKind.HELD : SoundKind.SHORT;
            kinds.put(sound, new Choice(kind, String.format(Locale.ROOT, "its recordings stay within %.0f dB of"
                    + " their loudest for %.2f s (median of %d); held from %.2f s", SUSTAIN_DB, median,
                    sustains.size(), HELD_FROM_SECONDS), median));
        }
        return kinds;
    }

    /**
     * How long the sound stays near its loudest: in a take, the windows within {@link #SUSTAIN_DB} of its loudest;
     * in a part of a long recording (several segments, their windows side by side), each run of such windows.
     */
    static List<Double> sustains(float[][] windows, int level, double hopSeconds, boolean take) {
        float loudest = Float.NEGATIVE_INFINITY;
        for (float[] w : windows) {
            loudest = Math.max(loudest, w[level]);
        }
        List<Double> out = new ArrayList<>();
        int run = 0;
        int total = 0;
        for (float[] w : windows) {
            if (w[level] >= loudest - SUSTAIN_DB) {
                run++;
                total++;
            } else if (run > 0) {
                out.add(run * hopSeconds);
                run = 0;
            }
        }
        if (run > 0) {
            out.add(run * hopSeconds);
        }
        return take ? (total == 0 ? List.of() : List.of(total * hopSeconds)) : out;
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
