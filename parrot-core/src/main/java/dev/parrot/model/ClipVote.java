package dev.parrot.model;

import dev.parrot.Probabilities;

import java.util.Collection;
import java.util.List;
import java.util.Set;

/**
 * How a model's answer for a whole recording is formed from its windows: the label with the highest mean probability
 * over the windows that hold sound, except that a model with background labels calls the recording a sound when at
 * least {@link #SOUND_SHARE} of those windows are heard as a sound (a click in a stretch of room noise is a click).
 *
 * <p>The one vote behind both {@code SoundClassifier} (what a user's program and the classify goal get) and
 * cross-validation's clip accuracy, so that the estimate measures what classification does.
 */
public final class ClipVote {

    /** The share of a recording's sound windows heard as a sound that makes it a sound over a background label. */
    public static final double SOUND_SHARE = 0.25;

    private final List<String> labels;
    private final boolean[] background;
    private final double[] sums;
    private int windows;
    private int heardAsSound;

    /**
     * @param labels the model's labels, in class order
     * @param backgroundLabels those of them that hold things that must never fire
     */
    public ClipVote(List<String> labels, Collection<String> backgroundLabels) {
        this.labels = labels;
        Set<String> set = Set.copyOf(backgroundLabels);
        this.background = new boolean[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            background[i] = set.contains(labels.get(i));
        }
        this.sums = new double[labels.size()];
    }

    /** One window that holds sound: what the model said of it, a probability per label. */
    public void add(double[] distribution) {
        for (int i = 0; i < sums.length; i++) {
            sums[i] += distribution[i];
        }
        if (!background[Probabilities.mostProbable(distribution)]) {
            heardAsSound++;
        }
        windows++;
    }

    /** How many windows voted. */
    public int windows() {
        return windows;
    }

    /** The mean probability of each label over the windows (zeros without windows). */
    public double[] mean() {
        double[] mean = sums.clone();
        for (int i = 0; i < mean.length && windows > 0; i++) {
            mean[i] /= windows;
        }
        return mean;
    }

    /** The index of the recording's label, or -1 when no window held sound. */
    public int winner() {
        if (windows == 0) {
            return -1;
        }
        int best = Probabilities.mostProbable(sums);
        if (!background[best] || heardAsSound < SOUND_SHARE * windows) {
            return best;
        }
        int sound = -1;
        for (int i = 0; i < labels.size(); i++) {
            if (!background[i] && (sound < 0 || sums[i] > sums[sound])) {
                sound = i;
            }
        }
        return sound < 0 ? best : sound;
    }
}
