package dev.parrot.evaluation;

import dev.parrot.model.ModelDescriptor;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What a confusion matrix says about a model: windows per sound, precision, recall and F1 per sound, and which sounds
 * it mixes up, worst first. The one definition of these measures: cross-validation, the classify goal's evaluation on
 * unseen recordings, the quality gate and the report all read them from here. Counts may be of windows or of whole
 * recordings; the measures are the same.
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

    /** Whether counts are square with a row per label: what the measures below need. */
    public static boolean fits(int labels, long[][] counts) {
        if (counts.length != labels) {
            return false;
        }
        for (long[] row : counts) {
            if (row == null || row.length != labels) {
                return false;
            }
        }
        return true;
    }

    /**
     * The analysis of a model's cross-validated confusion matrix.
     *
     * @throws IllegalArgumentException when the evaluation has no confusion matrix, or one that does not fit its
     *     labels, with a message that completes "its descriptor has ..."
     */
    public static ConfusionAnalysis of(ModelDescriptor.Evaluation evaluation) {
        if (evaluation == null || evaluation.confusionMatrix() == null
                || evaluation.confusionMatrix().labels() == null || evaluation.confusionMatrix().counts() == null) {
            throw new IllegalArgumentException("no evaluation (accuracy and confusion matrix)");
        }
        return of(evaluation.confusionMatrix().labels(), evaluation.confusionMatrix().counts());
    }

    /**
     * The analysis of counts by actual (rows) and predicted (columns) label.
     *
     * @throws IllegalArgumentException when the counts are not square with one row per label
     */
    public static ConfusionAnalysis of(List<String> labels, long[][] counts) {
        if (!fits(labels.size(), counts)) {
            throw new IllegalArgumentException("a confusion matrix that is not " + labels.size() + " x "
                    + labels.size());
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

    /** How often a label was the answer: its column's total. */
    public long predicted(int label) {
        long total = 0;
        for (long[] row : counts) {
            total += row[label];
        }
        return total;
    }

    /** The share of the answers naming a label that were right; 0 when none named it. */
    public double precision(int label) {
        return share(counts[label][label], predicted(label));
    }

    /** The harmonic mean of precision and recall; 0 when both are. */
    public double f1(int label) {
        double precision = precision(label);
        double recall = recall(label);
        return precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
    }

    /** Precision, recall, F1 and support of each of {@code sounds} (labels of this matrix), in their order. */
    public List<ModelDescriptor.SoundMetrics> perSound(List<String> sounds) {
        List<ModelDescriptor.SoundMetrics> metrics = new ArrayList<>();
        for (String sound : sounds) {
            int s = labels.indexOf(sound);
            metrics.add(new ModelDescriptor.SoundMetrics(sound, precision(s), recall(s), f1(s), total(s)));
        }
        return metrics;
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

    /**
     * How often the background would have fired: its windows, and those of them heard as a sound. The one figure the
     * training summary and the report both give for a model with background labels.
     *
     * @param labels the background labels, as the model lists them
     * @param windows their windows evaluated
     * @param heardAsSound of those, the windows heard as a sound
     */
    public record BackgroundAlarms(List<String> labels, long windows, long heardAsSound) {
        /** The share of background windows heard as a sound, 0 when there were none. */
        public double share() {
            return ConfusionAnalysis.share(heardAsSound, windows);
        }
    }

    /** The background's false alarms, see {@link BackgroundAlarms}. */
    public BackgroundAlarms backgroundAlarms(List<String> background) {
        return new BackgroundAlarms(List.copyOf(background), windowsOf(background),
                backgroundHeardAsSound(background));
    }

    /**
     * One cell of the matrix with the row it is a share of: how many of a sound's windows were heard as a label. On
     * the diagonal, the sound heard right.
     *
     * @param actual the index of the sound recorded
     * @param as the index of the label it was heard as
     * @param windows how many of its windows
     * @param of all its windows
     */
    public record Entry(int actual, int as, long windows, long of) {

        /** {@code windows / of}, 0 for a sound without windows. */
        public double share() {
            return ConfusionAnalysis.share(windows, of);
        }

        /** Whether the sound was heard as itself. */
        public boolean right() {
            return actual == as;
        }
    }

    /** How many of {@code actual}'s windows were heard as {@code as}, out of all of them. */
    public Entry entry(int actual, int as) {
        return new Entry(actual, as, counts[actual][as], total(actual));
    }

    /** The ways a pair was mixed up: the worse direction first, each only when it happened at all. */
    public List<Entry> directions(ConfusedPair pair) {
        return Stream.of(entry(pair.first(), pair.second()), entry(pair.second(), pair.first()))
                .filter(way -> way.windows() > 0).toList();
    }

    /** What a sound's windows were heard as instead, each only when it happened, most often first. */
    public List<Entry> heardAs(int actual) {
        List<Entry> ways = new ArrayList<>();
        for (int p = 0; p < labels.size(); p++) {
            if (p != actual && counts[actual][p] > 0) {
                ways.add(entry(actual, p));
            }
        }
        ways.sort(Comparator.comparingLong(Entry::windows).reversed());
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
