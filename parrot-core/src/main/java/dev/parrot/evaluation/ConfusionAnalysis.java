package dev.parrot.evaluation;

import dev.parrot.model.ModelDescriptor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;

/**
 * What a confusion matrix says about a model: windows per sound, recall per sound, and which sounds it mixes up,
 * worst first. Read by the quality gate and by the report, so that both name the same sounds and pairs.
 *
 * @param labels row and column labels
 * @param counts {@code counts[actual][predicted]}, square, one row per label
 */
public record ConfusionAnalysis(List<String> labels, long[][] counts) {

    /**
     * Two sounds mixed up, by the worse of the two directions.
     *
     * @param first the index of the sound heard wrongly more often (by share of its windows)
     * @param second the index of the other
     * @param rate the share of {@code first}'s windows heard as {@code second}
     * @param windows windows mixed up either way
     */
    public record ConfusedPair(int first, int second, double rate, long windows) {
    }

    /**
     * One way a sound is heard wrongly.
     *
     * @param as the sound it was heard as
     * @param windows how many of its windows
     * @param share their share of its windows
     */
    public record HeardAs(String as, long windows, double share) {
    }

    /**
     * The analysis of a model's cross-validated confusion matrix.
     *
     * @throws IllegalArgumentException when the descriptor has no matrix, or one that is not square
     */
    public static ConfusionAnalysis of(ModelDescriptor.Evaluation evaluation) {
        if (evaluation == null || evaluation.confusionMatrix() == null
                || evaluation.confusionMatrix().labels() == null || evaluation.confusionMatrix().counts() == null) {
            throw new IllegalArgumentException("no confusion matrix");
        }
        List<String> labels = evaluation.confusionMatrix().labels();
        long[][] counts = evaluation.confusionMatrix().counts();
        if (counts.length != labels.size()) {
            throw new IllegalArgumentException("a confusion matrix of " + counts.length + " rows for "
                    + labels.size() + " sounds");
        }
        for (long[] row : counts) {
            if (row == null || row.length != labels.size()) {
                throw new IllegalArgumentException("a confusion matrix that is not " + labels.size() + " x "
                        + labels.size());
            }
        }
        return new ConfusionAnalysis(List.copyOf(labels), counts);
    }

    /** Windows of a sound evaluated: its row's total. */
    public long total(int actual) {
        long total = 0;
        for (long c : counts[actual]) {
            total += c;
        }
        return total;
    }

    /** The share of a sound's windows recognised as it; 0 for a sound without windows. */
    public double recall(int actual) {
        return share(counts[actual][actual], total(actual));
    }

    /** The share of all windows recognised as what they were. */
    public double accuracy() {
        long right = 0;
        long all = 0;
        for (int a = 0; a < labels.size(); a++) {
            right += counts[a][a];
            all += total(a);
        }
        return share(right, all);
    }

    /** Windows of the given labels evaluated, e.g. of a model's background labels. */
    public long windowsOf(Collection<String> of) {
        long windows = 0;
        for (int a = 0; a < labels.size(); a++) {
            windows += of.contains(labels.get(a)) ? total(a) : 0;
        }
        return windows;
    }

    /**
     * Windows of the background labels heard as a sound: each would have fired. A background window heard as
     * another background label (the room as talking) fires nothing and is not counted.
     */
    public long backgroundHeardAsSound(Collection<String> background) {
        long fired = 0;
        for (int a = 0; a < labels.size(); a++) {
            if (!background.contains(labels.get(a))) {
                continue;
            }
            for (int p = 0; p < labels.size(); p++) {
                fired += background.contains(labels.get(p)) ? 0 : counts[a][p];
            }
        }
        return fired;
    }

    /** What a sound's windows were heard as instead, most often first. */
    public List<HeardAs> heardAs(int actual) {
        long total = total(actual);
        List<HeardAs> ways = new ArrayList<>();
        for (int p = 0; p < labels.size(); p++) {
            if (p != actual && counts[actual][p] > 0) {
                ways.add(new HeardAs(labels.get(p), counts[actual][p], share(counts[actual][p], total)));
            }
        }
        ways.sort(Comparator.comparingLong(HeardAs::windows).reversed());
        return ways;
    }

    /** Every pair of sounds mixed up at least once, the highest rate first, then the most windows. */
    public List<ConfusedPair> confusedPairs() {
        List<ConfusedPair> pairs = new ArrayList<>();
        for (int a = 0; a < labels.size(); a++) {
            for (int b = a + 1; b < labels.size(); b++) {
                long windows = counts[a][b] + counts[b][a];
                if (windows == 0) {
                    continue;
                }
                double ab = share(counts[a][b], total(a));
                double ba = share(counts[b][a], total(b));
                // The worse direction first: it is the one advice is about.
                pairs.add(ab >= ba ? new ConfusedPair(a, b, ab, windows) : new ConfusedPair(b, a, ba, windows));
            }
        }
        pairs.sort(Comparator.comparingDouble(ConfusedPair::rate).reversed()
                .thenComparing(Comparator.comparingLong(ConfusedPair::windows).reversed()));
        return pairs;
    }

    /** {@code n / total}, or 0 when there is nothing to share. */
    public static double share(long n, long total) {
        return total == 0 ? 0 : (double) n / total;
    }
}
