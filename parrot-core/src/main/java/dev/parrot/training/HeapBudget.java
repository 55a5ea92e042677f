package dev.parrot.training;

import dev.parrot.Setting;
import dev.parrot.ParrotException;
import dev.parrot.ProgressLog;
import dev.parrot.dataset.Balancing;
import dev.parrot.dataset.RecordingFeatures;
import dev.parrot.dataset.SoundDataset;
import dev.parrot.onsets.OnsetExamples;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The heap a training needs against what the JVM may use: a warning before minutes of learning when it will likely
 * not fit, and the same figures in the failure when it did not.
 */
final class HeapBudget {

    static final String MORE_HEAP = "Give the JVM more heap (-Xmx2g, for example), or train on"
            + " fewer or shorter recordings.";

    private final long windows;
    private final long needed;
    private final long available;

    private HeapBudget(long windows, long needed, long available) {
        this.windows = windows;
        this.needed = needed;
        this.available = available;
    }

    /**
     * The budget for this data set and balancing plan, and the onset model's examples of {@code onsetDimension}
     * values each (0 without an onset model), warning on {@code log} when it is tight.
     */
    static HeapBudget check(SoundDataset dataset, Map<String, Balancing.SoundBalance> balancing, int onsetDimension,
            ProgressLog log) {
        return check(dataset, balancing, onsetDimension, log, Runtime.getRuntime().maxMemory());
    }

    /** As {@link #check(SoundDataset, Map, int, ProgressLog)} for a JVM that may use {@code available} bytes. */
    static HeapBudget check(SoundDataset dataset, Map<String, Balancing.SoundBalance> balancing, int onsetDimension,
            ProgressLog log, long available) {
        HeapBudget budget = new HeapBudget(dataset.windowCount(),
                needed(dataset, balancing) + onsetExamples(dataset, onsetDimension), available);
        if (budget.needed > budget.available * 0.8) {
            log.warn(String.format(Locale.ROOT, "Training on %d windows needs about %d MB of heap and the JVM may use"
                    + " %d MB: it may run out. %s", budget.windows, budget.needed >> 20, budget.available >> 20,
                    MORE_HEAP), Setting.HEAP);
        }
        return budget;
    }

    /**
     * Heap for training, estimated from its largest part: the window features, plus the final training set as Weka
     * holds it (a double per feature, an instance object) plus a learner's working copy of about a byte per value.
     * Measured on 10 sounds x 10 minutes: 353,000 windows, about 270 MB live at the peak (class histogram), 288 MB
     * estimated.
     */
    static long needed(SoundDataset dataset, Map<String, Balancing.SoundBalance> balancing) {
        int features = dataset.featureNames().size();
        long windows = dataset.windowCount();
        long used = balancing.values().stream().mapToLong(Balancing.SoundBalance::after).sum();
        // Plus the held-out probabilities kept for calibration: a float per window and sound.
        return windows * (4L * features + 16 + 4L * dataset.sounds().size() + 16)
                + used * (8L * (features + 1) + 16 + 40 + features);
    }

    /**
     * Heap for the onset model's examples, kept from before cross-validation to the final model: each take's and
     * segment's as recorded and in its copies, and about 3.6 onsets a second of background (as in talk; the stream
     * benchmark's speech gave 216 a minute), each 5 times shifted, up to the background audio's budget. Each is a
     * float vector, then a Weka instance and a learner's byte per value.
     */
    static long onsetExamples(SoundDataset dataset, int dimension) {
        if (dimension <= 0) {
            return 0;
        }
        long sounds = dataset.recordings().stream().filter(r -> r.part().isEmpty()
                && !dataset.background().contains(r.sound())).count()
                + dataset.segments().values().stream().mapToLong(List::size).sum();
        double backgroundSeconds = Math.min(OnsetExamples.BACKGROUND_SECONDS, dataset.recordings().stream()
                .filter(r -> dataset.background().contains(r.sound()) && !dataset.segments().containsKey(r.file()))
                .mapToDouble(RecordingFeatures::durationSeconds).sum());
        long examples = sounds * (1 + OnsetExamples.COPIES) + (long) (backgroundSeconds * 3.6 * 5);
        return examples * (4L * dimension + 16 + 8L * (dimension + 1) + 56 + dimension);
    }

    /**
     * The user's failure for running out: thrown out of one large allocation, unwinding to the caller has freed the
     * data sets, so reporting is safe.
     */
    ParrotException exhausted(OutOfMemoryError e) {
        return new ParrotException(String.format(Locale.ROOT, "Ran out of memory training on %d windows (about %d"
                + " MB of heap needed, the JVM may use %d MB). %s", windows, needed >> 20, available >> 20,
                MORE_HEAP), Setting.HEAP, e);
    }
}
