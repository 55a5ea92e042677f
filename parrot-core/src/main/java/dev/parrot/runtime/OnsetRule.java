package dev.parrot.runtime;

import dev.parrot.features.FeatureSettings;
import dev.parrot.features.SoundWindows;

import java.util.ArrayList;
import java.util.List;

/**
 * Where the detector's onset rule ({@link DecisionRule#ONSET}: a rise above the running noise floor) finds onsets.
 * Training runs this same rule over its examples, so that the onset model learns segments that start where the
 * detector's will start, a few milliseconds before or after the true onset as the rule happens to find it.
 */
public final class OnsetRule {

    private final EventDecider.Onsets onsets;

    /**
     * @param settings the rule's levels (its rise and its quietest level)
     * @param hopSeconds the time between windows
     */
    public OnsetRule(DetectionSettings settings, double hopSeconds) {
        this.onsets = new EventDecider.Onsets(settings.rule() == DecisionRule.ONSET ? settings
                : settings.toBuilder().onsets(settings.onsetRiseDb(), settings.onsetWindows()).build(), hopSeconds);
    }

    /** Takes the next window's level; whether that window starts an onset. */
    public boolean next(double levelDbfs) {
        onsets.next(levelDbfs);
        return onsets.started();
    }

    /**
     * The sample offsets of the windows of {@code samples} at which the rule finds an onset, the stream starting with
     * {@code samples[0]} (before which is silence).
     */
    public static List<Integer> onsets(float[] samples, FeatureSettings features, DetectionSettings settings) {
        OnsetRule rule = new OnsetRule(settings, features.hopSamples() / (double) features.sampleRate());
        List<Integer> found = new ArrayList<>();
        int window = features.windowSamples();
        for (int start = 0; start + window <= samples.length; start += features.hopSamples()) {
            if (rule.next(SoundWindows.levelDbfs(samples, start, window))) {
                found.add(start);
            }
        }
        return found;
    }
}
