package dev.parrot.benchmarks;

import dev.parrot.audio.WavDecoder;
import dev.parrot.dataset.DatasetOptions;
import dev.parrot.features.FeatureSettings;
import dev.parrot.model.DetectionCalibration;
import dev.parrot.runtime.DetectionSettings;
import dev.parrot.runtime.DecisionRule;
import dev.parrot.runtime.EventDecider;
import dev.parrot.runtime.SoundDetector;
import dev.parrot.runtime.SoundEvent;
import dev.parrot.runtime.SoundKind;
import dev.parrot.runtime.SoundListener;
import dev.parrot.runtime.SoundModel;
import dev.parrot.segments.Segment;
import dev.parrot.training.SoundModelTrainer;
import dev.parrot.training.TrainingRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Held and short sounds on a stream that {@code benchmarks/held_streams.py} built (issue 19): trains our model on the
 * case's {@code train/} with {@link SoundModelTrainer} (defaults, each sound's kind inferred), plays {@code
 * stream.wav} through {@code model.newDetector(SoundListener.all(...))}, the model's own settings, and scores every
 * event against {@code stream.srt}. Then Parrot.py's rule (every window from -45 dBFS, one report per sound per
 * 100 ms; {@link DetectionSettings#defaults()}) is replayed through {@link EventDecider} over the reference's
 * probabilities and ours, its threshold swept for the best coverage at no more than 1 false alarm per minute.
 *
 * <pre>
 * usage: HeldStreamBenchmark [--seed N] [--keep-margins 0.1,0.2] CASE_DIR
 * </pre>
 *
 * Prints a table, then a line {@code JSON {...}} with every figure.
 */
public final class HeldStreamBenchmark {

    static final double START_WITHIN_SECONDS = 0.3;
    static final double STOP_WITHIN_SECONDS = 0.15;
    static final double SLOT_SECONDS = 0.1;
    static final double TARGET_FALSE_ALARMS_PER_MINUTE = StreamBenchmark.TARGET_FALSE_ALARMS_PER_MINUTE;
    /** As {@link dev.parrot.evaluation.events.OnsetScore}: a report decided this early still belongs to its take. */
    static final double EARLY_SECONDS = 0.03;
    /** A short take's report counts up to this long after its start. */
    static final double SHORT_SPAN_SECONDS = 0.25;

    private HeldStreamBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long seed = 1;
        Path dir = null;
        List<Double> keepMargins = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--seed")) {
                seed = Long.parseLong(args[++i]);
            } else if (args[i].equals("--keep-margins")) {
                for (String m : args[++i].split(",")) {
                    keepMargins.add(Double.parseDouble(m));
                }
            } else {
                dir = Path.of(args[i]);
            }
        }
        FeatureSettings features = FeatureSettings.defaults();
        double hop = features.hopSamples() / (double) features.sampleRate();
        double window = features.windowSamples() / (double) features.sampleRate();

        Path models = Files.createTempDirectory("parrot-held-model");
        TrainingRequest request = TrainingRequest.defaults(dir.resolve("train"), models, "held")
                .withSeedAndFolds(seed, TrainingRequest.DEFAULT_FOLDS)
                .withDataset(DatasetOptions.builder(models.resolve("segments"))
                        .backgroundSounds(List.of(StreamBenchmark.BACKGROUND)).build());
        SoundModelTrainer.TrainingResult trained = new SoundModelTrainer().train(request);
        SoundModel model = SoundModel.load(trained.files().descriptorFile());

        float[] samples = WavDecoder.read(dir.resolve("stream.wav")).resampledTo(features.sampleRate()).samples();
        double seconds = samples.length / (double) features.sampleRate();
        List<Segment> truth = StreamBenchmark.readSrt(dir.resolve("stream.srt"));
        StreamBenchmark.Windows classified = StreamBenchmark.Windows.classify(model, samples);
        int[] starts = classified.starts();
        double[] levels = classified.levels();
        double[][] ours = classified.probabilities();
        StreamBenchmark.Scored reference = StreamBenchmark.readReference(dir.resolve("reference-probabilities.csv"),
                starts);

        Map<String, SoundKind> kinds = new LinkedHashMap<>();
        for (String sound : model.labels()) {
            if (!model.isBackground(sound)) {
                kinds.put(sound, model.kindOf(sound));
            }
        }

        // What users get: the model's own settings, on the stream as audio.
        List<SoundEvent> events = new ArrayList<>();
        SoundDetector detector = model.newDetector(SoundListener.all(events::add));
        long started = System.nanoTime();
        detector.accept(samples, 0, samples.length, features.sampleRate());
        detector.finish();
        double detectorSeconds = (System.nanoTime() - started) / 1e9;
        StreamBenchmark.Scored scored = StreamBenchmark.Scored.of(model, ours, samples);
        List<SoundEvent> replayed = replay(model.detectionSettings(), scored, levels, hop, window, seconds);
        if (replayed.size() != events.size()) {
            System.err.println("[warn] the detector reported " + events.size() + " events, the replay of its"
                    + " decisions over the same probabilities " + replayed.size());
        }
        HeldScore own = HeldScore.of(truth, kinds, events, seconds, window);
        StreamBenchmark.writeProbabilities(dir.resolve("ours-probabilities.csv"), starts, model.labels(), ours);
        writeEvents(dir.resolve("ours-events.csv"), events);

        // Parrot.py's rule, threshold swept, over both models' probabilities.
        Sweep parrotRuleRef = sweep(truth, kinds, reference, levels, hop, seconds, window);
        Sweep parrotRuleOurs = sweep(truth, kinds, new StreamBenchmark.Scored(model.labels(), ours), levels, hop,
                seconds, window);

        Map<String, Object> json = new LinkedHashMap<>();
        json.put("stream_minutes", StreamBenchmark.round(seconds / 60, 2));
        json.put("held_takes", own.heldTakes);
        json.put("short_takes", own.shortTakes);
        json.put("background_minutes", StreamBenchmark.round(own.backgroundSeconds / 60, 2));
        Map<String, Object> kindJson = new LinkedHashMap<>();
        DetectionSettings calibrated = model.detectionSettings();
        DetectionCalibration calibration = model.descriptor().calibration();
        for (Map.Entry<String, SoundKind> e : kinds.entrySet()) {
            Map<String, Object> k = new LinkedHashMap<>();
            k.put("kind", e.getValue().id());
            k.put("threshold", calibrated.confidenceOf(e.getKey()));
            if (e.getValue() == SoundKind.HELD) {
                k.put("keep", StreamBenchmark.round(calibrated.keepConfidenceOf(e.getKey()), 3));
            }
            if (calibration != null) {
                calibration.sounds().stream().filter(t -> t.sound().equals(e.getKey())).findFirst()
                        .ifPresent(t -> k.put("why", t.kindReason()));
            }
            kindJson.put(e.getKey(), k);
        }
        json.put("kinds", kindJson);
        json.put("ours_own_settings", own.json());
        json.put("detector_x_realtime", StreamBenchmark.round(seconds / detectorSeconds, 1));
        json.put("reference_parrot_rule", parrotRuleRef.json());
        json.put("ours_parrot_rule", parrotRuleOurs.json());
        // What other keep margins would have done with the same thresholds: reachable, not what users get.
        Map<String, Object> variants = new LinkedHashMap<>();
        StringBuilder variantRows = new StringBuilder();
        for (double margin : keepMargins) {
            DetectionSettings.Builder b = calibrated.toBuilder();
            for (Map.Entry<String, SoundKind> e : kinds.entrySet()) {
                double start = calibrated.confidenceOf(e.getKey());
                double keep = Math.max(0, start - margin);
                b.sound(e.getKey(), x -> x.withKeepConfidence(keep));
            }
            HeldScore v = HeldScore.of(truth, kinds, replay(b.build(), scored, levels, hop, window, seconds),
                    seconds, window);
            String name = String.format(Locale.ROOT, "ours, own thresholds, keep = start - %.2f", margin);
            variants.put(name, v.json());
            variantRows.append(String.format(Locale.ROOT, "  %-44s | %s%n", name, v.row()));
        }
        json.put("keep_variants", variants);
        Map<String, Object> goals = new LinkedHashMap<>();
        goals.put("held_started_within_300ms>=0.90", own.startRecall() >= 0.90);
        goals.put("coverage>=0.85", own.coverage() >= 0.85);
        goals.put("stop_delay_p90<=150ms", own.stopDelayPercentile(0.9) <= STOP_WITHIN_SECONDS);
        goals.put("short_found>=0.90", own.shortRecall() >= 0.90);
        goals.put("short_extra<=0.1", own.shortExtraPerTake() <= 0.1);
        goals.put("false_alarms_per_min<=1", own.falseAlarmsPerMinute() <= TARGET_FALSE_ALARMS_PER_MINUTE);
        // Compared as Parrot.py's rule can be measured: by 100 ms slots (the start-to-stop share is ours alone, and
        // is bounded by the smoothing's start delay).
        goals.put("slot_coverage_above_reference", own.slotCoverage() > parrotRuleRef.score.slotCoverage());
        json.put("goals_met", goals);

        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT, "%nHeld streams (seed %d): %.1f min, %d held and %d short takes, %.1f min"
                + " outside the takes%n", seed, seconds / 60, own.heldTakes, own.shortTakes,
                own.backgroundSeconds / 60));
        t.append("  kinds inferred: ").append(kinds).append('\n');
        t.append(String.format(Locale.ROOT, "  %-44s | %s%n", "", HeldScore.HEADER));
        t.append(String.format(Locale.ROOT, "  %-44s | %s%n", "ours, the model's own settings", own.row()));
        t.append(String.format(Locale.ROOT, "  %-44s | %s%n", String.format(Locale.ROOT,
                "reference, Parrot.py's rule at %.2f", parrotRuleRef.threshold), parrotRuleRef.score.row()));
        t.append(String.format(Locale.ROOT, "  %-44s | %s%n", String.format(Locale.ROOT,
                "ours, Parrot.py's rule at %.2f", parrotRuleOurs.threshold), parrotRuleOurs.score.row()));
        t.append(variantRows);
        t.append("  goals: ").append(goals).append('\n');
        t.append(String.format(Locale.ROOT, "  detector (model's own settings, one thread): %.0fx real time%n",
                seconds / detectorSeconds));
        System.out.println(t);
        System.out.println("JSON " + CrossSourceBenchmark.toJson(json));
    }

    /** What the detector reported, to look into. */
    static void writeEvents(Path csv, List<SoundEvent> events) throws Exception {
        StringBuilder b = new StringBuilder("time,sound,phase,confidence,level_dbfs\n");
        for (SoundEvent e : events) {
            b.append(String.format(Locale.ROOT, "%.3f,%s,%s,%.3f,%.1f%n", e.timeSeconds(), e.sound(), e.phase(),
                    e.confidence(), e.levelDbfs()));
        }
        Files.writeString(csv, b);
    }

    /** The detector's decisions over probabilities computed beforehand, every event as the listener gets it. */
    static List<SoundEvent> replay(DetectionSettings settings, StreamBenchmark.Scored scored, double[] levels,
            double hop, double window, double seconds) {
        boolean bySegment = scored.onsets() != null && settings.rule() == DecisionRule.ONSET;
        EventDecider decider = new EventDecider(settings, scored.labels(), hop, window,
                bySegment ? scored.segmentSeconds() : 0);
        List<SoundEvent> events = new ArrayList<>();
        SoundListener all = SoundListener.all(events::add);
        for (int w = 0; w < levels.length; w++) {
            double[] p = scored.probabilities()[w];
            decider.next(w * hop, levels[w], () -> p, scored.onsets(), all);
        }
        decider.finish(seconds, all);
        return events;
    }

    /** Parrot.py's rule at the threshold with the best coverage at no more than the target false alarms. */
    record Sweep(double threshold, HeldScore score) {
        Map<String, Object> json() {
            Map<String, Object> m = score.json();
            m.put("threshold", threshold);
            return m;
        }
    }

    static Sweep sweep(List<Segment> truth, Map<String, SoundKind> kinds, StreamBenchmark.Scored scored,
            double[] levels, double hop, double seconds, double window) {
        Sweep best = null;
        for (int step = 100; step >= 10; step -= 2) {
            double threshold = step / 100.0;
            DetectionSettings rule = DetectionSettings.defaults().withConfidence(threshold)
                    .withMuted(Set.of(StreamBenchmark.BACKGROUND));
            HeldScore s = HeldScore.of(truth, kinds, replay(rule, scored, levels, hop, window, seconds),
                    seconds, window);
            if (s.falseAlarmsPerMinute() <= TARGET_FALSE_ALARMS_PER_MINUTE
                    && (best == null || s.slotCoverage() > best.score.slotCoverage())) {
                best = new Sweep(threshold, s);
            }
        }
        return best;
    }

    /**
     * Events scored against the takes. An event's time is when it is decided: the end of its window. A report that
     * begins something (a short sound's one report, a held sound's start) belongs to a take when decided from
     * {@value #EARLY_SECONDS} s before its start up to the later of its end plus a window and {@value
     * #SHORT_SPAN_SECONDS} s after its start; outside every take, or naming another sound than its take, it is a false
     * alarm.
     */
    static final class HeldScore {
        static final String HEADER = "held: start<=300ms coverage slots restarts stop med/p90 ms  | short: found"
                + " extra/take | FA/min (bg, wrong)";

        int heldTakes;
        int heldStarted;
        int restarts;
        double heldSeconds;
        double coveredSeconds;
        int slots;
        int slotsReported;
        final List<Double> stopDelays = new ArrayList<>();
        int shortTakes;
        int shortFound;
        int shortExtra;
        int backgroundAlarms;
        int wrongSound;
        double backgroundSeconds;

        static HeldScore of(List<Segment> truth, Map<String, SoundKind> kinds, List<SoundEvent> events,
                double seconds, double window) {
            HeldScore s = new HeldScore();
            s.backgroundSeconds = seconds;
            for (Segment seg : truth) {
                s.backgroundSeconds -= seg.seconds();
            }
            // A held sound's on-intervals, from the decision of its start to that of its stop.
            Map<String, List<double[]>> on = new LinkedHashMap<>();
            Map<String, Double> startedAt = new LinkedHashMap<>();
            for (SoundEvent e : events) {
                double decided = e.timeSeconds() + window;
                if (e.phase() == SoundEvent.Phase.START) {
                    startedAt.put(e.sound(), decided);
                } else if (e.phase() == SoundEvent.Phase.STOP && startedAt.containsKey(e.sound())) {
                    // The stream's end is no window: a stop there is where the audio ends.
                    double stop = e.levelDbfs() == Double.NEGATIVE_INFINITY ? e.timeSeconds() : decided;
                    on.computeIfAbsent(e.sound(), k -> new ArrayList<>())
                            .add(new double[] {startedAt.remove(e.sound()), stop});
                }
            }
            int[] begun = new int[truth.size()];
            for (SoundEvent e : events) {
                if (!e.begins()) {
                    continue;
                }
                double d = e.timeSeconds() + window;
                int take = -1;
                for (int i = 0; i < truth.size(); i++) {
                    Segment seg = truth.get(i);
                    if (d >= seg.startSeconds() - EARLY_SECONDS && d < Math.max(seg.endSeconds() + window,
                            seg.startSeconds() + SHORT_SPAN_SECONDS)) {
                        take = i;
                        break;
                    }
                }
                if (take < 0) {
                    s.backgroundAlarms++;
                } else if (!truth.get(take).label().equals(e.sound())) {
                    s.wrongSound++;
                } else {
                    begun[take]++;
                }
            }
            for (int i = 0; i < truth.size(); i++) {
                Segment seg = truth.get(i);
                String sound = seg.label();
                if (kinds.get(sound) == SoundKind.HELD) {
                    s.scoreHeld(seg, on.getOrDefault(sound, List.of()), events, window, begun[i]);
                } else {
                    s.shortTakes++;
                    if (begun[i] > 0) {
                        // Counted as the issue does: a report decided from just before the start to 250 ms after.
                        boolean inTime = false;
                        for (SoundEvent e : events) {
                            double d = e.timeSeconds() + window;
                            inTime |= e.begins() && e.sound().equals(sound) && d >= seg.startSeconds()
                                    - EARLY_SECONDS && d <= seg.startSeconds() + SHORT_SPAN_SECONDS;
                        }
                        s.shortFound += inTime ? 1 : 0;
                        s.shortExtra += begun[i] - 1;
                    }
                }
            }
            return s;
        }

        private void scoreHeld(Segment seg, List<double[]> intervals, List<SoundEvent> events, double window,
                int begun) {
            heldTakes++;
            heldSeconds += seg.seconds();
            boolean startedInTime = false;
            double lastStop = Double.NaN;
            for (SoundEvent e : events) {
                double d = e.timeSeconds() + window;
                startedInTime |= e.begins() && e.sound().equals(seg.label()) && d >= seg.startSeconds()
                        - EARLY_SECONDS && d <= seg.startSeconds() + START_WITHIN_SECONDS;
            }
            for (double[] iv : intervals) {
                double overlap = Math.min(iv[1], seg.endSeconds()) - Math.max(iv[0], seg.startSeconds());
                if (overlap > 0) {
                    coveredSeconds += overlap;
                    lastStop = iv[1];
                }
            }
            heldStarted += startedInTime ? 1 : 0;
            restarts += Math.max(0, begun - 1);
            if (!Double.isNaN(lastStop)) {
                stopDelays.add(lastStop - seg.endSeconds());
            }
            // Parrot.py's view: each 100 ms slot of the take gets a report of the sound (any phase but a stop) whose
            // window overlaps it.
            int n = (int) Math.ceil(seg.seconds() / SLOT_SECONDS - 1e-9);
            for (int k = 0; k < n; k++) {
                double a = seg.startSeconds() + k * SLOT_SECONDS;
                double b = Math.min(seg.endSeconds(), a + SLOT_SECONDS);
                slots++;
                for (SoundEvent e : events) {
                    if (e.phase() != SoundEvent.Phase.STOP && e.sound().equals(seg.label())
                            && e.timeSeconds() < b && e.timeSeconds() + window > a) {
                        slotsReported++;
                        break;
                    }
                }
            }
        }

        double startRecall() {
            return heldTakes == 0 ? 0 : heldStarted / (double) heldTakes;
        }

        /** Share of the held takes' length between a start and a stop of their sound. */
        double coverage() {
            return heldSeconds == 0 ? 0 : coveredSeconds / heldSeconds;
        }

        double slotCoverage() {
            return slots == 0 ? 0 : slotsReported / (double) slots;
        }

        double stopDelayPercentile(double q) {
            if (stopDelays.isEmpty()) {
                return Double.NaN;
            }
            double[] d = stopDelays.stream().mapToDouble(Double::doubleValue).toArray();
            Arrays.sort(d);
            return d[Math.min(d.length - 1, (int) Math.ceil(q * d.length) - 1)];
        }

        double stoppedWithin() {
            return stopDelays.isEmpty() ? 0 : stopDelays.stream().filter(v -> Math.abs(v) <= STOP_WITHIN_SECONDS)
                    .count() / (double) stopDelays.size();
        }

        double shortRecall() {
            return shortTakes == 0 ? 0 : shortFound / (double) shortTakes;
        }

        double shortExtraPerTake() {
            return shortTakes == 0 ? 0 : shortExtra / (double) shortTakes;
        }

        double falseAlarmsPerMinute() {
            return (backgroundAlarms + wrongSound) / (backgroundSeconds / 60);
        }

        String row() {
            return String.format(Locale.ROOT, "%.3f %.3f %.3f %3d %4.0f/%4.0f | %.3f %.2f | %.2f (%d, %d)",
                    startRecall(), coverage(), slotCoverage(), restarts, stopDelayPercentile(0.5) * 1000,
                    stopDelayPercentile(0.9) * 1000, shortRecall(), shortExtraPerTake(), falseAlarmsPerMinute(),
                    backgroundAlarms, wrongSound);
        }

        Map<String, Object> json() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("held_takes", heldTakes);
            m.put("held_started_within_300ms", StreamBenchmark.round(startRecall(), 4));
            m.put("coverage", StreamBenchmark.round(coverage(), 4));
            m.put("slot_coverage", StreamBenchmark.round(slotCoverage(), 4));
            m.put("restarts", restarts);
            m.put("stop_delay_median_ms", StreamBenchmark.round(stopDelayPercentile(0.5) * 1000, 0));
            m.put("stop_delay_p90_ms", StreamBenchmark.round(stopDelayPercentile(0.9) * 1000, 0));
            m.put("stopped_within_150ms", StreamBenchmark.round(stoppedWithin(), 4));
            m.put("short_takes", shortTakes);
            m.put("short_found", StreamBenchmark.round(shortRecall(), 4));
            m.put("short_extra_per_take", StreamBenchmark.round(shortExtraPerTake(), 3));
            m.put("false_alarms_per_min", StreamBenchmark.round(falseAlarmsPerMinute(), 3));
            m.put("false_alarms_background", backgroundAlarms);
            m.put("false_alarms_wrong_sound", wrongSound);
            return m;
        }
    }
}
