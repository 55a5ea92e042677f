package dev.parrot.dataset;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * Parrot.py's automatic data set balancing, so that a sound with many recorded windows does not drown one with few.
 *
 * <p>With the windows per sound, the truncation is {@code floor(mean + std / 2)} (population standard deviation). A
 * sound under {@code truncation / 1.25} is oversampled to {@code min(2 x its count, truncation)}; a sound over
 * {@code truncation x 1.25} is undersampled to the truncation; the rest are used as they are. Which windows are
 * dropped or repeated is chosen at random from the seed.
 */
public final class Balancing {

    static final double TOLERANCE = 1.25;

    private Balancing() {
    }

    /** What balancing does to one sound. */
    public enum Action {
        KEPT, OVERSAMPLED, UNDERSAMPLED;

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * The plan for one sound.
     *
     * @param sound the sound
     * @param before windows recorded
     * @param after windows used for training
     * @param action what was done
     */
    public record SoundBalance(String sound, int before, int after, Action action) {

        /** Change in percent, negative when windows were dropped. */
        public double changePercent() {
            return before == 0 ? 0 : 100.0 * (after - before) / before;
        }

        /** "kick: undersampled -37%, 1200 -> 756 windows". */
        public String describe() {
            if (action == Action.KEPT) {
                return String.format(Locale.ROOT, "%s: kept as recorded, %d windows", sound, before);
            }
            return String.format(Locale.ROOT, "%s: %s %+.0f%%, %d -> %d windows", sound, action.label(),
                    changePercent(), before, after);
        }
    }

    /** The truncation for these counts: {@code floor(mean + std / 2)}. */
    public static int truncation(Iterable<Integer> counts) {
        double sum = 0;
        int n = 0;
        for (int c : counts) {
            sum += c;
            n++;
        }
        if (n == 0) {
            return 0;
        }
        double mean = sum / n;
        double squares = 0;
        for (int c : counts) {
            squares += (c - mean) * (c - mean);
        }
        double std = Math.sqrt(squares / n);
        return (int) Math.floor(mean + std / 2);
    }

    /** The plan for every sound, in the order of {@code windowsPerSound}. */
    public static Map<String, SoundBalance> plan(Map<String, Integer> windowsPerSound) {
        int truncation = truncation(windowsPerSound.values());
        Map<String, SoundBalance> plan = new LinkedHashMap<>();
        windowsPerSound.forEach((sound, count) -> {
            SoundBalance balance;
            if (count < truncation / TOLERANCE) {
                balance = new SoundBalance(sound, count, Math.min(2 * count, truncation), Action.OVERSAMPLED);
            } else if (count > truncation * TOLERANCE) {
                balance = new SoundBalance(sound, count, truncation, Action.UNDERSAMPLED);
            } else {
                balance = new SoundBalance(sound, count, count, Action.KEPT);
            }
            plan.put(sound, balance);
        });
        return plan;
    }

    /**
     * The plan for a training set made of these recordings: every sound in {@code sounds}, in that order, even one
     * without windows. The one plan {@link TrainingSet#build} follows and the trainer reports, so that what the log
     * and the model JSON say was done is what was done.
     *
     * @param balance false to use every window as recorded
     */
    public static Map<String, SoundBalance> planFor(List<String> sounds, List<RecordingFeatures> recordings,
            boolean balance) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        for (String sound : sounds) {
            counts.put(sound, 0);
        }
        for (RecordingFeatures recording : recordings) {
            counts.merge(recording.sound(), recording.windows().length, Integer::sum);
        }
        return balance ? plan(counts) : unbalanced(counts);
    }

    /** A plan that uses every window as recorded, for {@code automaticDatasetBalancing=false}. */
    public static Map<String, SoundBalance> unbalanced(Map<String, Integer> windowsPerSound) {
        Map<String, SoundBalance> plan = new LinkedHashMap<>();
        windowsPerSound.forEach((sound, count) -> plan.put(sound, new SoundBalance(sound, count, count, Action.KEPT)));
        return plan;
    }

    /**
     * Picks the windows that make up a sound's share after balancing: indices into its {@code before} windows, in
     * ascending order, with repeats when oversampled.
     */
    public static int[] select(SoundBalance balance, Random random) {
        int n = balance.before();
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        if (balance.after() == n) {
            return all;
        }
        shuffle(all, random);
        List<Integer> picked = new ArrayList<>(balance.after());
        if (balance.after() < n) {
            for (int i = 0; i < balance.after(); i++) {
                picked.add(all[i]);
            }
        } else {
            for (int i = 0; i < n; i++) {
                picked.add(i);
            }
            // At most twice the count, so every repeat can be a different window.
            for (int i = 0; i < balance.after() - n; i++) {
                picked.add(all[i % n]);
            }
        }
        return picked.stream().mapToInt(Integer::intValue).sorted().toArray();
    }

    private static void shuffle(int[] a, Random random) {
        for (int i = a.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = a[i];
            a[i] = a[j];
            a[j] = t;
        }
    }
}
