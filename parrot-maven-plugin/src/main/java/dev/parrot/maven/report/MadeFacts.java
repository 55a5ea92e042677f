package dev.parrot.maven.report;

import dev.parrot.features.FeatureSettings;
import dev.parrot.model.ModelDescriptor;

import java.util.ArrayList;
import java.util.List;

/**
 * "How it was made": the learner, the features, the evaluation and the training run, and the recordings training
 * left out. What someone needs to reproduce the model or to tell why two trainings differ; sample counts are given
 * in milliseconds, the unit one thinks of sounds in.
 */
public final class MadeFacts {

    private MadeFacts() {
    }

    /**
     * A line of "how the model was made".
     *
     * @param label what it is
     * @param value its value
     * @param code whether the value is something to type (options, class names, paths)
     */
    public record Fact(String label, String value, boolean code) {
    }

    /** A recording left out of training, and why. */
    public record Skipped(String file, String reason) {
    }

    /** The facts of a model, those its description lacks left out or shown as "?". */
    static List<Fact> of(ModelDescriptor d, ReportLabels l) {
        List<Fact> facts = new ArrayList<>();
        ModelDescriptor.ClassifierInfo c = d.classifier();
        if (c != null) {
            String name = c.name() == null || c.name().equals(c.wekaClass()) ? c.wekaClass()
                    : c.name() + " (" + c.wekaClass() + ")";
            facts.add(new Fact(l.get("made.classifier"), name, false));
            facts.add(new Fact(l.get("made.options"), c.options() == null || c.options().isBlank() ? "-"
                    : c.options(), true));
        }
        FeatureSettings f = d.features().settings();
        if (f != null) {
            features(f, d.features().dimension(), facts, l);
        }
        ModelDescriptor.Evaluation e = d.evaluation();
        facts.add(new Fact(l.get("made.evaluation"), e.method() == null ? "?" : e.method(), false));
        ModelDescriptor.Training t = d.training();
        if (t != null) {
            facts.add(new Fact(l.get("made.balancing"),
                    l.get(t.balanced() ? "made.balancing.on" : "made.balancing.off"), false));
            facts.add(new Fact(l.get("made.seed"), Long.toString(t.seed()), true));
            facts.add(new Fact(l.get("made.recordings"), l.get("made.recordings.value",
                    t.recordingsDirectory() == null ? "?" : t.recordingsDirectory(),
                    l.number(t.audioSeconds(), 1) + " s"), false));
        }
        facts.add(new Fact(l.get("made.trained"), l.get("made.trained.value", l.instant(d.createdAt()),
                t == null ? "?" : l.duration(t.durationMillis()),
                d.parrotVersion() == null ? "?" : d.parrotVersion()), false));
        return facts;
    }

    private static void features(FeatureSettings f, int dimension, List<Fact> facts, ReportLabels l) {
        double msPerSample = 1000.0 / f.sampleRate();
        facts.add(new Fact(l.get("made.features"), l.get("made.features.value", l.count(dimension),
                f.version(), f.melBands(), f.mfccs(), l.number(f.windowSamples() * msPerSample, 1),
                l.number(f.hopSamples() * msPerSample, 1), l.number(f.frameSamples() * msPerSample, 1),
                l.number(f.strideSamples() * msPerSample, 1), l.count(f.sampleRate())), false));
        facts.add(new Fact(l.get("made.silence"), l.get("made.silence.value",
                l.number(f.silenceThresholdDb(), 1), l.number(f.silenceFloorDbfs(), 1)), false));
        facts.add(new Fact(l.get("made.context"), f.contextWindows() == 0 ? l.get("made.context.none")
                : l.get("made.context.some", f.contextWindows()), false));
        facts.add(new Fact(l.get("made.parrotMelFrames"), l.get(f.parrotMelFrames() ? "made.parrotMelFrames.on"
                : "made.parrotMelFrames.off", f.framesPerWindow() * f.melBands()), false));
    }

    /** The recordings training left out, none for a description without them. */
    static List<Skipped> skipped(ModelDescriptor.Training t) {
        if (t == null || t.skipped() == null) {
            return List.of();
        }
        return t.skipped().stream().map(s -> new Skipped(s.file(), s.reason())).toList();
    }
}
