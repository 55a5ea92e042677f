package dev.parrot.maven.report;

import dev.parrot.evaluation.AccuracyTier;
import dev.parrot.evaluation.ConfusionAnalysis;
import dev.parrot.features.FeatureSettings;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.ModelHistory;
import dev.parrot.model.UnseenEvaluation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One model as the page shows it: every figure already worded, formatted and coloured, so that the templates only
 * place text. Built from the model's descriptor, which the train goal wrote.
 *
 * @param name the model name
 * @param anchor the id of its section on the page
 * @param summary one line: sounds, recordings, audio, when
 * @param accuracy the accuracy box
 * @param unseen what {@code parrot:classify} measured on recordings the model never saw, or null when it did not
 * @param matrix the confusion matrix
 * @param sounds the per-sound table
 * @param pairs the most confused pairs, worst first
 * @param facts how the model was made
 * @param skipped recordings the train goal left out
 * @param mistakes the recordings cross-validation got most wrong, to listen to
 * @param history accuracy and recall over the last trainings, or null when there is no history
 * @param live the calibrated live-detection settings and classify's events on long recordings, or null for a model
 *     with neither
 */
public record ModelView(String name, String anchor, String summary, Accuracy accuracy, Unseen unseen, Matrix matrix,
        List<SoundRow> sounds, List<Pair> pairs, List<Fact> facts, List<Skipped> skipped, List<Listen> mistakes,
        History history, DetectionView live) {

    /** How many confused pairs the page lists. */
    static final int PAIRS_SHOWN = 5;
    /** How many wrongly recognised unseen recordings the page lists. */
    static final int MISSES_SHOWN = 10;

    /**
     * The accuracy box.
     *
     * @param share the accuracy, 0..1
     * @param percent it as text, "96.7%"
     * @param tier good, fair or poor
     * @param spread "± 1.1 points across 5 folds"
     * @param verdict what it means for the user
     * @param detail what it was measured on
     * @param folds each fold's accuracy as text
     */
    public record Accuracy(double share, String percent, String tier, String spread, String verdict, String detail,
            List<String> folds) {
    }

    /**
     * The accuracy on recordings the model never saw, from {@code parrot:classify}.
     *
     * @param percent the share of labelled recordings recognised, "83.3%"
     * @param tier good, fair or poor like the cross-validated box; neutral when the figure does not apply to this
     *     model or to new recordings
     * @param detail how many, from where, when
     * @param compare the cross-validated figure it compares with (recordings recognised as a whole)
     * @param notes why the figure does not apply, when it does not
     * @param misses the recordings recognised wrongly, in the order classify listed them
     * @param moreMisses how many more were wrong than are listed
     * @param skipped recordings classify could not read, in words, or empty
     */
    public record Unseen(String percent, String tier, String detail, String compare, List<String> notes,
            List<Miss> misses, int moreMisses, String skipped) {
    }

    /**
     * A recording the model got wrong.
     *
     * @param clip the link to its excerpt in the site, or empty when there is none
     */
    public record Miss(String file, String expected, String heardAs, String confidence, String clip) {
    }

    /**
     * A recording cross-validation got wrong, with a player.
     *
     * @param file the path relative to the recordings folder
     * @param sound the sound it was recorded as
     * @param heardAs what it was heard as
     * @param detail how wrong, in words: "as a whole; 14 of 20 windows"
     * @param clip the link to its excerpt in the site, or empty when there is none
     */
    public record Listen(String file, String sound, String heardAs, String detail, String clip) {
    }

    /**
     * The model's figures across trainings.
     *
     * @param note what the chart shows, or that there is one training so far
     * @param chart the chart
     */
    public record History(String note, HistoryChart chart) {
    }

    /**
     * The confusion matrix.
     *
     * @param labels the sounds, for rows (recorded) and columns (heard as) alike
     * @param rows one per recorded sound
     */
    public record Matrix(List<String> labels, List<MatrixRow> rows) {
    }

    /**
     * @param sound the recorded sound
     * @param total its windows, as text
     * @param cells one per sound it was heard as
     */
    public record MatrixRow(String sound, String total, List<Cell> cells) {
    }

    /**
     * @param count the number of windows, as text (always shown, so colour never carries the figure alone)
     * @param kind right (the diagonal), confused, or zero
     * @param style the cell's colours as CSS custom properties ({@code --bg}, {@code --fg}): background by the count's
     *     share of the row, text that stays readable on it. Custom properties rather than plain inline colours, so
     *     that the stylesheet can insist on them when printing, against skins whose print CSS blanks all backgrounds
     * @param title the cell in words, "kick heard as tom in 12 of 340 windows (3.5%)"
     */
    public record Cell(String count, String kind, String style, String title) {
    }

    /**
     * A row of the per-sound table.
     */
    public record SoundRow(String sound, String recordings, String windows, String used, String balancing,
            String precision, String precisionTier, String recall, String recallTier, String f1, String f1Tier,
            boolean background) {
    }

    /**
     * Two sounds the model mixes up.
     *
     * @param first the sound heard wrongly more often
     * @param second the other
     * @param directions each way it went wrong, in words
     * @param tier poor (often), fair (sometimes) or good (rarely)
     * @param advice what to do about it
     */
    public record Pair(String first, String second, List<String> directions, String tier, String advice) {
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

    /**
     * Words and colours for a model.
     *
     * @throws IllegalArgumentException when the descriptor has no evaluation or a confusion matrix that does not fit
     *     its labels; {@link ModelsFolder} refuses such files before they get here
     */
    public static ModelView of(ModelDescriptor d, ReportLabels l) {
        return of(d, Optional.empty(), l);
    }

    /**
     * Words and colours for a model and what {@code parrot:classify} measured on it, if anything.
     *
     * @throws IllegalArgumentException as {@link #of(ModelDescriptor, ReportLabels)}
     */
    public static ModelView of(ModelDescriptor d, Optional<UnseenEvaluation> unseen, ReportLabels l) {
        return of(d, unseen, Optional.empty(), ReportClips.Clips.NONE, l);
    }

    /**
     * Words and colours for a model, what {@code parrot:classify} measured on it, its history and the clips of the
     * recordings it got wrong.
     *
     * @throws IllegalArgumentException as {@link #of(ModelDescriptor, ReportLabels)}
     */
    public static ModelView of(ModelDescriptor d, Optional<UnseenEvaluation> unseen, Optional<ModelHistory> history,
            ReportClips.Clips clips, ReportLabels l) {
        String problem = problem(d);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        ModelDescriptor.Evaluation e = d.evaluation();
        ModelDescriptor.Training t = d.training();
        long[][] counts = e.confusionMatrix().counts();
        List<String> labels = e.confusionMatrix().labels();

        // The background labels are not sounds the user makes: the header counts the sounds and names them apart.
        int recordings = t == null || t.sounds() == null ? e.recordings()
                : t.sounds().stream().filter(s -> !d.isBackground(s.sound()))
                        .mapToInt(ModelDescriptor.SoundSummary::recordings).sum();
        String audio = t == null ? "?" : l.number(t.audioSeconds(), 1) + " s";
        String summary = l.get("model.summary", labels.size() - d.background().size(), l.count(recordings), audio,
                l.instant(d.createdAt()));
        if (!d.background().isEmpty()) {
            summary += l.get("model.summary.background", String.join(", ", d.background()));
        }

        return new ModelView(d.name(), anchor(d.name()), summary, accuracy(d, l),
                unseen.filter(u -> u.recordings() > 0).map(u -> unseen(u, d, clips.unseen(), l)).orElse(null),
                matrix(labels, counts, l),
                sounds(d, l), pairs(labels, counts, l), facts(d, l), skipped(t), mistakes(e, clips.training(), l),
                history.filter(h -> !h.builds().isEmpty()).map(h -> history(h, labels, l)).orElse(null),
                DetectionView.of(d, unseen.orElse(null), l));
    }

    /** Why a descriptor cannot be shown, or null when it can. */
    static String problem(ModelDescriptor d) {
        return ConfusionAnalysis.problem(d.evaluation());
    }

    /** "model-" and the name with anything but letters, digits, '-' and '_' replaced, so it is a valid id. */
    static String anchor(String name) {
        return "model-" + (name == null ? "" : name.replaceAll("[^A-Za-z0-9_-]", "_"));
    }

    /** good, fair or poor: the style of the core's {@link AccuracyTier}. */
    public static String tier(double share) {
        return AccuracyTier.of(share).id();
    }

    private static Accuracy accuracy(ModelDescriptor d, ReportLabels l) {
        ModelDescriptor.Evaluation e = d.evaluation();
        String tier = tier(e.accuracy());
        String spread = l.get("accuracy.spread", l.number(e.accuracyStdDev() * 100, 1), e.folds());
        String detail = l.get("accuracy.detail", l.count(e.windows()), l.count(e.recordings()),
                l.percent(e.clipAccuracy()));
        if (!d.background().isEmpty()) {
            ConfusionAnalysis.BackgroundAlarms alarms = ConfusionAnalysis.of(e).backgroundAlarms(d.background());
            detail += " " + l.get("accuracy.background", l.count(alarms.windows()), String.join(", ", alarms.labels()),
                    l.count(alarms.heardAsSound()), l.percent(alarms.share()));
        }
        List<String> folds = e.foldAccuracies() == null ? List.of()
                : e.foldAccuracies().stream().map(l::percent).toList();
        return new Accuracy(e.accuracy(), l.percent(e.accuracy()), tier, spread, l.get("accuracy." + tier), detail,
                folds);
    }

    private static List<Listen> mistakes(ModelDescriptor.Evaluation e, Map<String, String> clips, ReportLabels l) {
        return e.mistakes().stream().map(m -> new Listen(m.file(), m.sound(), m.heardAs(),
                l.get(m.recordingWrong() ? "mistakes.detail.whole" : "mistakes.detail.windows",
                        l.count(m.windowsWrong()), l.count(m.windows())),
                clips.getOrDefault(m.file(), ""))).toList();
    }

    private static History history(ModelHistory h, List<String> sounds, ReportLabels l) {
        int shown = Math.min(h.builds().size(), HistoryChart.SHOWN);
        String note = h.builds().size() == 1 ? l.get("history.first") : l.get("history.note", shown);
        return new History(note, HistoryChart.of(h, sounds, l));
    }

    private static Unseen unseen(UnseenEvaluation u, ModelDescriptor d, Map<String, String> clips, ReportLabels l) {
        List<String> notes = unseenNotes(u, d, l);
        String tier = notes.isEmpty() ? tier(u.accuracy()) : "neutral";
        String detail = l.get("unseen.detail", l.count(u.correct()), l.count(u.recordings()),
                u.input() == null ? "?" : u.input(), l.instant(u.createdAt()));
        String compare = l.get("unseen.compare", l.percent(d.evaluation().clipAccuracy()));
        List<UnseenEvaluation.Miss> all = u.misclassified() == null ? List.of() : u.misclassified();
        List<Miss> misses = all.stream().limit(MISSES_SHOWN)
                .map(m -> new Miss(m.file(), m.expected(), m.label(), l.percent(m.confidence()),
                        clips.getOrDefault(m.file(), ""))).toList();
        int skipped = u.skipped() == null ? 0 : u.skipped().size();
        return new Unseen(l.percent(u.accuracy()), tier, detail, compare, notes, misses, all.size() - misses.size(),
                skipped == 0 ? "" : l.get("unseen.skipped", skipped));
    }

    /** Why what classify measured may not apply to new recordings or to this model, when it may not. */
    static List<String> unseenNotes(UnseenEvaluation u, ModelDescriptor d, ReportLabels l) {
        List<String> notes = new ArrayList<>();
        if (u.trainingData()) {
            notes.add(l.get("unseen.trainingData"));
        }
        if (!u.isOf(d)) {
            notes.add(l.get("unseen.stale", l.instant(u.modelCreatedAt())));
        }
        return notes;
    }

    private static Matrix matrix(List<String> labels, long[][] counts, ReportLabels l) {
        List<MatrixRow> rows = new ArrayList<>();
        for (int a = 0; a < labels.size(); a++) {
            long total = rowTotal(counts[a]);
            List<Cell> cells = new ArrayList<>();
            for (int p = 0; p < labels.size(); p++) {
                long count = counts[a][p];
                double share = total == 0 ? 0 : (double) count / total;
                boolean right = a == p;
                String title = right
                        ? l.get("matrix.cell.right", labels.get(a), l.count(count), l.count(total), l.percent(share))
                        : l.get("matrix.cell.confused", labels.get(a), labels.get(p), l.count(count), l.count(total),
                                l.percent(share));
                String kind = count == 0 ? "zero" : right ? "right" : "confused";
                cells.add(new Cell(l.count(count), kind, MatrixColours.cellStyle(count, share, right), title));
            }
            rows.add(new MatrixRow(labels.get(a), l.count(total), cells));
        }
        return new Matrix(labels, rows);
    }

    private static long rowTotal(long[] row) {
        long total = 0;
        for (long c : row) {
            total += c;
        }
        return total;
    }

    private static List<SoundRow> sounds(ModelDescriptor d, ReportLabels l) {
        ModelDescriptor.Training t = d.training();
        Map<String, ModelDescriptor.SoundSummary> summaries = t == null || t.sounds() == null ? Map.of()
                : t.sounds().stream().collect(Collectors.toMap(ModelDescriptor.SoundSummary::sound,
                        Function.identity(), (x, y) -> x));
        Map<String, ModelDescriptor.SoundMetrics> metrics = d.evaluation().perSound() == null ? Map.of()
                : d.evaluation().perSound().stream().collect(Collectors.toMap(ModelDescriptor.SoundMetrics::sound,
                        Function.identity(), (x, y) -> x));
        List<SoundRow> rows = new ArrayList<>();
        // Sounds first, then what must never fire: the two are read differently.
        List<String> labels = new ArrayList<>(d.labels());
        labels.sort(Comparator.comparing(d::isBackground));
        for (String sound : labels) {
            ModelDescriptor.SoundSummary s = summaries.get(sound);
            ModelDescriptor.SoundMetrics m = metrics.get(sound);
            rows.add(new SoundRow(sound,
                    s == null ? "?" : l.count(s.recordings()),
                    s == null ? "?" : l.count(s.windows()),
                    s == null ? "?" : l.count(s.windowsUsed()),
                    s == null ? "?" : balancing(s, t.balanced(), l),
                    m == null ? "?" : l.percent(m.precision()),
                    m == null ? "" : tier(m.precision()),
                    m == null ? "?" : l.percent(m.recall()),
                    m == null ? "" : tier(m.recall()),
                    m == null ? "?" : l.percent(m.f1()),
                    m == null ? "" : tier(m.f1()),
                    d.isBackground(sound)));
        }
        return rows;
    }

    private static String balancing(ModelDescriptor.SoundSummary s, boolean balanced, ReportLabels l) {
        if (!balanced) {
            return l.get("balancing.off");
        }
        String change = (s.balancingChangePercent() >= 0 ? "+" : "−")
                + l.number(Math.abs(s.balancingChangePercent()), 0) + "%";
        return switch (s.balancing() == null ? "" : s.balancing()) {
            case "kept" -> l.get("balancing.kept");
            case "oversampled" -> l.get("balancing.oversampled", change);
            case "undersampled" -> l.get("balancing.undersampled", change);
            default -> s.balancing() == null ? "?" : s.balancing();
        };
    }

    private static List<Pair> pairs(List<String> labels, long[][] counts, ReportLabels l) {
        ConfusionAnalysis analysis = new ConfusionAnalysis(labels, counts);
        List<ConfusionAnalysis.ConfusedPair> confusions = analysis.confusedPairs();
        List<Pair> pairs = new ArrayList<>();
        for (ConfusionAnalysis.ConfusedPair c : confusions.subList(0, Math.min(PAIRS_SHOWN, confusions.size()))) {
            List<String> directions = new ArrayList<>();
            for (int[] way : new int[][] {{c.first(), c.second()}, {c.second(), c.first()}}) {
                long n = counts[way[0]][way[1]];
                long total = analysis.total(way[0]);
                if (n > 0) {
                    directions.add(l.get("pairs.direction", labels.get(way[0]), labels.get(way[1]), l.count(n),
                            l.count(total), l.percent(ConfusionAnalysis.share(n, total))));
                }
            }
            ConfusionAnalysis.Severity severity = c.severity();
            pairs.add(new Pair(labels.get(c.first()), labels.get(c.second()), directions, severity.tier().id(),
                    l.get("pairs." + severity.id())));
        }
        return pairs;
    }

    private static List<Fact> facts(ModelDescriptor d, ReportLabels l) {
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
            double msPerSample = 1000.0 / f.sampleRate();
            facts.add(new Fact(l.get("made.features"), l.get("made.features.value", l.count(d.features().dimension()),
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

    private static List<Skipped> skipped(ModelDescriptor.Training t) {
        if (t == null || t.skipped() == null) {
            return List.of();
        }
        return t.skipped().stream().map(s -> new Skipped(s.file(), s.reason())).toList();
    }
}
