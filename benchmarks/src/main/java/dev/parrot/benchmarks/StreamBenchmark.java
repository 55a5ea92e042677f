package dev.parrot.benchmarks;

import dev.parrot.audio.WavDecoder;
import dev.parrot.classify.LongRecordingEvents;
import dev.parrot.dataset.DatasetOptions;
import dev.parrot.evaluation.events.Detection;
import dev.parrot.evaluation.events.OnsetScore;
import dev.parrot.evaluation.events.TimelineComparison;
import dev.parrot.evaluation.events.TimelineError;
import dev.parrot.features.FeatureSettings;
import dev.parrot.features.SoundWindows;
import dev.parrot.model.AugmentationSettings;
import dev.parrot.runtime.DetectionSettings;
import dev.parrot.runtime.EventDecider;
import dev.parrot.runtime.AudioInputs;
import dev.parrot.runtime.AudioSource;
import dev.parrot.runtime.DecisionRule;
import dev.parrot.runtime.SoundDetector;
import dev.parrot.runtime.SoundListener;
import dev.parrot.runtime.OnsetRule;
import dev.parrot.runtime.SoundKind;
import dev.parrot.features.OnsetFeatures;
import java.util.HashMap;
import dev.parrot.runtime.SoundClassifier;
import dev.parrot.runtime.SoundEvent;
import dev.parrot.runtime.SoundModel;
import dev.parrot.runtime.tarsos.TarsosDetector;
import dev.parrot.runtime.tarsos.TarsosInputs;
import dev.parrot.segments.Segment;
import dev.parrot.segments.SrtFormat;
import dev.parrot.training.SoundModelTrainer;
import dev.parrot.training.TrainingRequest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Live detection on streams that {@code benchmarks/streams.py} built: for each case folder ({@code train/} with one
 * folder per sound and a background folder {@code speech}, {@code stream.wav}, its truth {@code stream.srt}, and the
 * reference's {@code reference-probabilities.csv}), trains our model on {@code train/} (or the folder {@code --train}
 * names, such as {@code train-long/}: the same sounds as long recordings with SRTs) with {@link SoundModelTrainer},
 * classifies every window of the stream, and replays the detector's decisions ({@link EventDecider}) over our
 * probabilities and the reference's, scoring them with {@link OnsetScore} and {@link TimelineComparison}. The cases
 * given together are one setup: each threshold is applied to all of them, and their scores are pooled.
 *
 * <pre>
 * usage: StreamBenchmark [--seed N] [--name SETUP] [--augmentation COPIES] [--options WEKA] [--train FOLDER]
 *                        CASE_DIR...
 * </pre>
 *
 * Prints a table, then a line {@code JSON {...}} with every figure.
 */
public final class StreamBenchmark {

    static final String BACKGROUND = "speech";
    static final double TARGET_FALSE_ALARMS_PER_MINUTE = 1.0;
    /** How long a report counts as "heard" in Parrot.py's frame-by-frame comparison, as classify marks its events. */
    static final double HEARD_SECONDS = LongRecordingEvents.MARK_SECONDS;

    private StreamBenchmark() {
    }

    /**
     * One stream, classified by both models.
     *
     * @param muted what is never reported: the background folder and the other labels our model holds background
     *        (the silence it learned between the segments of long recordings)
     */
    record Case(String name, double seconds, List<Segment> truth, double[] levels, Scored ours, Scored reference,
            DetectionSettings calibrated, Set<String> muted) {
    }

    /**
     * A model's probabilities for every window of a stream, and of its onset segments when it has an onset model.
     *
     * @param onsets the onset model's probabilities of the segment at an onset (seconds), computed once per onset;
     *        null for a model without one
     * @param segmentSeconds the onset model's segment, 0 without one
     */
    record Scored(List<String> labels, double[][] probabilities, EventDecider.OnsetSource onsets,
            double segmentSeconds) {

        Scored(List<String> labels, double[][] probabilities) {
            this(labels, probabilities, null, 0);
        }

        /** Our model's probabilities: its onset model's too, computed when an onset first asks for them. */
        static Scored of(SoundModel model, double[][] probabilities, float[] samples) {
            if (model.onsetSegmentMillis() == 0) {
                return new Scored(model.labels(), probabilities);
            }
            OnsetFeatures features = new OnsetFeatures(model.settings(), model.onsetSegmentMillis());
            int rate = model.settings().sampleRate();
            Map<Long, double[]> cache = new HashMap<>();
            EventDecider.OnsetSource onsets = seconds -> cache.computeIfAbsent(Math.round(seconds * rate), at -> {
                double[] p = new double[model.labels().size() + 1];
                model.onsetProbabilities(features.extract(samples, (int) (long) at), p);
                return p;
            });
            return new Scored(model.labels(), probabilities, onsets, model.onsetSegmentMillis() / 1000.0);
        }
    }

    /**
     * Every window of a stream, as the benchmarks replay them: where each starts, its level, and the model's
     * probabilities of it.
     */
    record Windows(int[] starts, double[] levels, double[][] probabilities) {

        static Windows classify(SoundModel model, float[] samples) {
            FeatureSettings features = model.settings();
            int[] starts = SoundWindows.allStarts(samples.length, features);
            double[] levels = new double[starts.length];
            double[][] probabilities = new double[starts.length][model.labels().size()];
            SoundClassifier classifier = model.newClassifier();
            for (int w = 0; w < starts.length; w++) {
                levels[w] = SoundWindows.levelDbfs(samples, starts[w], features.windowSamples());
                classifier.probabilities(samples, starts[w], probabilities[w]);
            }
            return new Windows(starts, levels, probabilities);
        }
    }

    /**
     * The onset model's most probable sound at the short hits: the first onset the detector's rule finds from a window
     * before a hit to 60 ms into it, and whether the model names the hit's sound there. What recall reaches at best,
     * before any threshold; a measure of the model alone, free of calibration's choices.
     *
     * @param hits the short sounds' hits
     * @param found those with an onset there
     * @param right those whose sound is the most probable there
     */
    record OnsetTopOne(int hits, int found, int right, Map<String, Integer> mixUps) {

        static OnsetTopOne of(List<Case> cases, List<List<Segment>> shortTruth, double hop, double window) {
            int hits = 0;
            int found = 0;
            int right = 0;
            Map<String, Integer> mixUps = new HashMap<>();
            for (int i = 0; i < cases.size(); i++) {
                Case c = cases.get(i);
                if (c.ours().onsets() == null) {
                    return null;
                }
                OnsetRule rule = new OnsetRule(onsets().settings(), hop);
                List<Double> onsetSeconds = new ArrayList<>();
                for (int w = 0; w < c.levels().length; w++) {
                    if (rule.next(c.levels()[w])) {
                        onsetSeconds.add(w * hop);
                    }
                }
                List<String> labels = c.ours().labels();
                for (Segment hit : shortTruth.get(i)) {
                    hits++;
                    Double at = onsetSeconds.stream().filter(o -> o >= hit.startSeconds() - window
                            && o <= hit.startSeconds() + 0.06).findFirst().orElse(null);
                    if (at == null) {
                        continue;
                    }
                    found++;
                    double[] p = c.ours().onsets().probabilities(at);
                    int best = 0;
                    for (int k = 1; k < p.length; k++) {
                        best = p[k] > p[best] ? k : best;
                    }
                    String heard = best < labels.size() ? labels.get(best) : "(no sound)";
                    if (heard.equals(hit.label())) {
                        right++;
                    } else {
                        mixUps.merge(hit.label() + " as " + heard, 1, Integer::sum);
                    }
                }
            }
            return new OnsetTopOne(hits, found, right, mixUps);
        }

        Map<String, Object> json() {
            return Map.of("hits", hits, "found", found, "right", right, "mix_ups", mixUps);
        }

        /** The most frequent mix-ups, most first. */
        String mostMixedUp(int n) {
            return mixUps.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(n)
                    .map(e -> e.getKey() + " " + e.getValue()).collect(java.util.stream.Collectors.joining(", "));
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "the onset model's most probable sound at the short hits: right at %d of"
                    + " %d (%.3f; the rule found an onset at %d); most mixed up: %s", right, hits,
                    right / (double) Math.max(1, hits), found, mostMixedUp(8));
        }
    }

    /** A decision rule to study, before the threshold is swept. */
    record Variant(String name, DetectionSettings settings) {
    }

    public static void main(String[] args) throws Exception {
        long seed = 1;
        AugmentationSettings augmentation = AugmentationSettings.off();
        String options = "";
        String name = "streams";
        String train = "train";
        List<Path> dirs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--name" -> name = args[++i];
                case "--augmentation" -> augmentation = CrossSourceBenchmark.augmentation(args[++i]);
                case "--options" -> options = args[++i];
                case "--train" -> train = args[++i];
                default -> dirs.add(Path.of(args[i]));
            }
        }
        FeatureSettings features = FeatureSettings.defaults();
        double hop = features.hopSamples() / (double) features.sampleRate();
        double window = features.windowSamples() / (double) features.sampleRate();
        List<Case> cases = new ArrayList<>();
        List<List<Detection>> ownDetections = new ArrayList<>();
        // The model's short sounds' reports alone, and the truth of the sounds it calls short: what the goals are of.
        List<List<Detection>> ownShort = new ArrayList<>();
        List<List<Segment>> shortTruth = new ArrayList<>();
        double detectorSeconds = 0;
        double streamSeconds = 0;
        for (Path dir : dirs) {
            Path models = Files.createTempDirectory("parrot-stream-model");
            TrainingRequest request = TrainingRequest.defaults(dir.resolve(train), models, "stream")
                    .withSeedAndFolds(seed, TrainingRequest.DEFAULT_FOLDS)
                    .withClassifier(TrainingRequest.DEFAULT_CLASSIFIER, options)
                    .withDataset(DatasetOptions.builder(models.resolve("segments"))
                            .backgroundSounds(List.of(BACKGROUND)).build())
                    .withAugmentation(augmentation);
            SoundModelTrainer.TrainingResult trained = new SoundModelTrainer().train(request);
            SoundModel model = SoundModel.load(trained.files().descriptorFile());
            float[] samples = WavDecoder.read(dir.resolve("stream.wav")).resampledTo(features.sampleRate()).samples();
            Windows classified = Windows.classify(model, samples);
            int[] starts = classified.starts();
            double[] levels = classified.levels();
            double[][] ours = classified.probabilities();
            writeProbabilities(dir.resolve("ours-probabilities.csv"), starts, model.labels(), ours);
            Scored reference = readReference(dir.resolve("reference-probabilities.csv"), starts);
            Set<String> muted = new LinkedHashSet<>(List.of(BACKGROUND));
            muted.addAll(model.backgroundLabels());
            Case c = new Case(dir.getFileName().toString(), samples.length / (double) features.sampleRate(),
                    readSrt(dir.resolve("stream.srt")), levels, Scored.of(model, ours, samples), reference,
                    model.detectionSettings(), Set.copyOf(muted));
            cases.add(c);
            // The real detector on the stream as a file, one thread: its speed, and that it decides as the replay does.
            DetectionSettings live = onsets().settings().withMuted(c.muted());
            List<SoundEvent> events = new ArrayList<>();
            long started = System.nanoTime();
            var dispatcher = TarsosInputs.wav(dir.resolve("stream.wav"), 1024);
            TarsosDetector.attach(model.newDetector(live, events::add), dispatcher);
            dispatcher.run();
            detectorSeconds += (System.nanoTime() - started) / 1e9;
            streamSeconds += c.seconds();
            int replayed = replay(c, c.ours(), live, hop, window).size();
            if (replayed != events.size()) {
                System.err.println("[warn] " + c.name() + ": the detector reported " + events.size()
                        + " events, the replay of its decisions " + replayed);
            }
            // What a user gets: SoundModel.newDetector(listener), the model's own settings, fed the stream's file.
            List<Detection> mine = new ArrayList<>();
            List<Detection> mineShort = new ArrayList<>();
            SoundDetector own = model.newDetector(event -> {
                if (event.begins()) {
                    mine.add(new Detection(event.sound(), event.decidedSeconds()));
                }
                if (event.phase() == SoundEvent.Phase.ONCE) {
                    mineShort.add(new Detection(event.sound(), event.decidedSeconds()));
                }
            });
            // A short sound reported at a held sound's hit is scored with the held sounds (a wrong sound there), not
            // as a report in the background.
            List<Segment> held = c.truth().stream().filter(t -> model.labels().contains(t.label())
                    && model.kindOf(t.label()) == SoundKind.HELD).toList();

            shortTruth.add(c.truth().stream().filter(t -> model.labels().contains(t.label())
                    && model.kindOf(t.label()) == SoundKind.SHORT).toList());
            try (AudioSource file = AudioInputs.wav(dir.resolve("stream.wav"))) {
                own.run(file);
            }
            ownDetections.add(mine);
            ownShort.add(mineShort.stream().filter(d -> held.stream().noneMatch(t -> d.decidedSeconds()
                    >= t.startSeconds() - OnsetScore.EARLY_SECONDS && d.decidedSeconds() <= Math.max(t.endSeconds(),
                    t.startSeconds() + OnsetScore.MINIMUM_SPAN_SECONDS))).toList());
            System.err.println("[info] " + c.name() + ": trained and classified " + starts.length + " windows");
        }

        List<Variant> variants = List.of(
                new Variant("every window from -45 dBFS (Parrot.py's rule)", DetectionSettings.defaults()),
                new Variant("every window from -70 dBFS", DetectionSettings.defaults().withMinimumLevelDbfs(-70)),
                new Variant("onset +10 dB, 1 window", onsetsWith(10, 1)),
                new Variant("onset +10 dB, 2 windows", onsetsWith(10, 2)),
                new Variant("onset +10 dB, 3 windows", onsetsWith(10, 3)),
                onsets(),
                new Variant("onset +10 dB, 5 windows", onsetsWith(10, 5)),
                new Variant("onset +6 dB, 4 windows", onsetsWith(6, 4)),
                new Variant("onset +15 dB, 4 windows", onsetsWith(15, 4)));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("setup", name);
        json.put("train", train);
        json.put("streams", cases.size());
        json.put("stream_minutes", round(cases.stream().mapToDouble(Case::seconds).sum() / 60, 2));
        json.put("onsets", cases.stream().mapToInt(c -> c.truth().size()).sum());
        json.put("detector_x_realtime", round(streamSeconds / detectorSeconds, 1));
        StringBuilder table = new StringBuilder();
        table.append(String.format(Locale.ROOT, "%nSetup %s%s: %d streams, %.1f min, %d hits; recall at <= %.0f false"
                        + " alarm/min in the background (speech, room), swept threshold (one for all streams); reports"
                        + " of the wrong sound at a hit per minute apart%n", name,
                train.equals("train") ? "" : " (ours trained on " + train + "/, the reference on train/)", cases.size(),
                cases.stream().mapToDouble(Case::seconds).sum() / 60, cases.stream().mapToInt(c -> c.truth().size())
                        .sum(), TARGET_FALSE_ALARMS_PER_MINUTE));
        table.append(String.format(Locale.ROOT, "  %-50s | %-37s | %-37s%n", "rule", "ours: recall thr bgFA wrong/min med/p90",
                "reference: recall thr bgFA wrong/min med/p90"));
        Map<String, Object> rows = new LinkedHashMap<>();
        for (Variant v : variants) {
            Map<String, Object> row = new LinkedHashMap<>();
            Sweep oursBest = sweep(cases, Case::ours, v.settings(), hop, window);
            Sweep refBest = sweep(cases, Case::reference, v.settings(), hop, window);
            row.put("ours", oursBest.json());
            row.put("reference", refBest.json());
            OnsetScore oursDefault = pooled(cases, Case::ours, v.settings().withMuted(Set.of(BACKGROUND)), hop, window);
            OnsetScore refDefault = pooled(cases, Case::reference, v.settings().withMuted(Set.of(BACKGROUND)), hop,
                    window);
            row.put("ours_at_0.8", scoreJson(oursDefault));
            row.put("reference_at_0.8", scoreJson(refDefault));
            rows.put(v.name(), row);
            table.append(String.format(Locale.ROOT, "  %-50s | %-37s | %-37s%n", v.name(), oursBest, refBest));
            table.append(String.format(Locale.ROOT, "  %-50s | %-37s | %-37s%n", "  at the default confidence 0.8",
                    Sweep.describe(0.8, oursDefault), Sweep.describe(0.8, refDefault)));
        }
        json.put("rules", rows);

        // What limits the onset model, whatever its thresholds: its most probable sound at each short hit's onset.
        OnsetTopOne top = OnsetTopOne.of(cases, shortTruth, hop, window);
        if (top != null) {
            json.put("onset_model_top1", top.json());
            table.append("  ").append(top).append(System.lineSeparator());
        }

        // The model's own settings, as SoundModel.newDetector(listener) uses them: each case's calibrated thresholds.
        List<OnsetScore> own = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            own.add(OnsetScore.of(cases.get(i).truth(), ownDetections.get(i), cases.get(i).seconds()));
        }
        OnsetScore calibrated = OnsetScore.pooled(own);
        json.put("ours_calibrated", scoreJson(calibrated));
        json.put("calibrated_thresholds", cases.stream().map(c -> c.name() + " " + c.calibrated().confidences())
                .toList().toString());
        table.append(String.format(Locale.ROOT, "  %-50s | %-37s |%n", "ours, the model's own calibrated settings",
                Sweep.describe(Double.NaN, calibrated)));
        List<OnsetScore> ownShortScores = new ArrayList<>();
        for (int i = 0; i < cases.size(); i++) {
            ownShortScores.add(OnsetScore.of(shortTruth.get(i), ownShort.get(i), cases.get(i).seconds()));
        }
        OnsetScore shortOnly = OnsetScore.pooled(ownShortScores);
        json.put("ours_calibrated_short_sounds", scoreJson(shortOnly));
        table.append(String.format(Locale.ROOT, "  %-50s | %-37s |%n", "  its short sounds alone (" + shortOnly.onsets()
                + " hits)", Sweep.describe(Double.NaN, shortOnly)));

        // Parrot.py's kinds of error, for our model with the onset rule at its threshold for the target.
        Sweep best = sweep(cases, Case::ours, onsets().settings(), hop, window);
        DetectionSettings chosen = onsets().settings().withConfidence(best.threshold()).withMuted(Set.of(BACKGROUND));
        List<TimelineComparison> comparisons = new ArrayList<>();
        for (Case c : cases) {
            List<Segment> heard = new ArrayList<>();
            for (Detection d : replay(c, c.ours(), chosen, hop, window)) {
                double start = d.decidedSeconds() - window;
                heard.add(new Segment(start, start + HEARD_SECONDS, d.label(), 0));
            }
            comparisons.add(TimelineComparison.of(c.truth(), heard, c.seconds(),
                    TimelineComparison.DEFAULT_FRAME_SECONDS));
        }
        TimelineComparison all = TimelineComparison.pooled(comparisons, TimelineComparison.DEFAULT_FRAME_SECONDS);
        Map<String, Object> kinds = new LinkedHashMap<>();
        table.append(String.format(Locale.ROOT, "  Parrot.py's error kinds, ours, onset rule at %.2f (a report counts"
                + " as heard for %.0f ms):%n   ", best.threshold(), HEARD_SECONDS * 1000));
        for (TimelineError kind : TimelineError.values()) {
            kinds.put(kind.label(), Map.of("count", all.count(kind), "avg_ms", round(all.averageMillis(kind), 0)));
            table.append(String.format(Locale.ROOT, " %s %dx %.0f ms;", kind.label(), all.count(kind),
                    all.averageMillis(kind)));
        }
        json.put("error_kinds_ours_onset", kinds);
        table.append(String.format(Locale.ROOT, "%n  detector (onset rule, one thread, from the WAV file): %.0fx real"
                + " time%n", streamSeconds / detectorSeconds));
        System.out.println(table);
        System.out.println("JSON " + CrossSourceBenchmark.toJson(json));
    }

    /** The onset rule as calibrated models use it. */
    static Variant onsets() {
        return new Variant("onset +10 dB, 4 windows (calibrated models' rule)", DetectionSettings.onsets());
    }

    static DetectionSettings onsetsWith(double rise, int windows) {
        return DetectionSettings.onsets().withOnsets(rise, windows);
    }

    /** The best recall over thresholds that keep false alarms at or under the target, pooled over the streams. */
    record Sweep(double threshold, OnsetScore score) {

        Map<String, Object> json() {
            Map<String, Object> m = scoreJson(score);
            m.put("threshold", round(threshold, 2));
            return m;
        }

        static String describe(double threshold, OnsetScore s) {
            return String.format(Locale.ROOT, "%.3f %.2f %5.2f %5.2f %3.0f/%3.0f", s.recall(), threshold,
                    backgroundFalseAlarmsPerMinute(s), s.wrongSound() / (s.backgroundSeconds() / 60),
                    s.medianDelayMillis(), s.p90DelayMillis());
        }

        @Override
        public String toString() {
            return describe(threshold, score);
        }
    }

    static Sweep sweep(List<Case> cases, Function<Case, Scored> model, DetectionSettings base, double hop,
            double window) {
        Sweep best = null;
        for (int step = 100; step >= 10; step -= 2) {
            double threshold = step / 100.0;
            OnsetScore s = pooled(cases, model, base.withConfidence(threshold).withMuted(Set.of(BACKGROUND)), hop,
                    window);
            if (backgroundFalseAlarmsPerMinute(s) <= TARGET_FALSE_ALARMS_PER_MINUTE
                    && (best == null || s.recall() > best.score().recall())) {
                best = new Sweep(threshold, s);
            }
        }
        return best != null ? best : new Sweep(1.0, pooled(cases, model, base.withConfidence(1.0)
                .withMuted(Set.of(BACKGROUND)), hop, window));
    }

    static OnsetScore pooled(List<Case> cases, Function<Case, Scored> model, DetectionSettings settings, double hop,
            double window) {
        List<OnsetScore> scores = new ArrayList<>();
        for (Case c : cases) {
            scores.add(OnsetScore.of(c.truth(), replay(c, model.apply(c), settings, hop, window), c.seconds()));
        }
        return OnsetScore.pooled(scores);
    }

    /**
     * The detector's decisions over probabilities computed beforehand; decided at the end of the deciding window. The
     * case's muted labels are never reported, whatever the settings.
     */
    static List<Detection> replay(Case c, Scored scored, DetectionSettings settings, double hop, double window) {
        settings = settings.withMuted(c.muted());
        boolean bySegment = scored.onsets() != null && settings.rule() == DecisionRule.ONSET;
        EventDecider decider = new EventDecider(settings, scored.labels(), hop, window,
                bySegment ? scored.segmentSeconds() : 0);
        List<Detection> detections = new ArrayList<>();
        // A held sound counts by its start, as a short one by its one report.
        SoundListener listener = event -> {
            if (event.begins()) {
                detections.add(new Detection(event.sound(), event.decidedSeconds()));
            }
        };
        for (int w = 0; w < c.levels().length; w++) {
            double[] p = scored.probabilities()[w];
            decider.next(w * hop, c.levels()[w], () -> p, scored.onsets(), listener);
        }
        decider.finish(c.levels().length * hop + window, listener);
        return detections;
    }

    /**
     * Reports in the speech and the quiet between the hits, per minute of it: the false alarms, which the
     * threshold is swept against. Reports of the wrong sound at a hit count apart (a hit so reported is not found).
     */
    static double backgroundFalseAlarmsPerMinute(OnsetScore s) {
        return s.backgroundSeconds() <= 0 ? 0 : s.backgroundFalseAlarms() / (s.backgroundSeconds() / 60);
    }

    static Map<String, Object> scoreJson(OnsetScore s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("recall", round(s.recall(), 4));
        m.put("found", s.found());
        m.put("onsets", s.onsets());
        m.put("false_alarms_per_min", round(s.falseAlarmsPerMinute(), 3));
        m.put("false_alarms_background", s.backgroundFalseAlarms());
        m.put("background_false_alarms_per_min", round(backgroundFalseAlarmsPerMinute(s), 3));
        m.put("false_alarms_wrong_sound", s.wrongSound());
        m.put("repeats", s.repeats());
        m.put("median_delay_ms", round(s.medianDelayMillis(), 1));
        m.put("p90_delay_ms", round(s.p90DelayMillis(), 1));
        return m;
    }

    static double round(double v, int digits) {
        return Double.isFinite(v) ? CrossSourceBenchmark.round(v, digits) : -1;
    }

    /** Ours in the reference's format, to look into. */
    static void writeProbabilities(Path csv, int[] starts, List<String> labels, double[][] p) throws Exception {
        StringBuilder b = new StringBuilder("start,").append(String.join(",", labels)).append('\n');
        for (int w = 0; w < starts.length; w++) {
            b.append(starts[w]);
            for (double v : p[w]) {
                b.append(',').append(String.format(Locale.ROOT, "%.4f", v));
            }
            b.append('\n');
        }
        Files.writeString(csv, b);
    }

    /** The reference's probabilities, one row per window start, in the reference's class order. */
    static Scored readReference(Path csv, int[] starts) throws Exception {
        List<String> lines = Files.readAllLines(csv);
        List<String> labels = List.of(lines.get(0).split(",")).subList(1, lines.get(0).split(",").length);
        double[][] p = new double[starts.length][labels.size()];
        for (int w = 0; w < starts.length && w + 1 < lines.size(); w++) {
            String[] cells = lines.get(w + 1).split(",");
            if (Integer.parseInt(cells[0]) != starts[w]) {
                throw new IllegalStateException(csv + ": window " + w + " starts at " + cells[0] + ", not "
                        + starts[w]);
            }
            for (int i = 0; i < labels.size(); i++) {
                p[w][i] = Double.parseDouble(cells[i + 1]);
            }
        }
        return new Scored(labels, p);
    }

    /** The truth streams.py wrote, read as Parrot.py's segments. */
    static List<Segment> readSrt(Path srt) throws Exception {
        return SrtFormat.parse(srt.toString(), Files.readAllBytes(srt));
    }
}
