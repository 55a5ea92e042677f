package dev.parrot.maven.report;

import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.ModelHistory;
import dev.parrot.model.ModelJson;
import dev.parrot.model.UnseenEvaluation;
import org.apache.maven.doxia.sink.impl.Xhtml5BaseSink;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The page as the templates write it for the drums fixture: a model with a sound folder named {@code <script>}. */
class ParrotReportRendererTest {

    private static String page;

    @BeforeAll
    static void render() throws Exception {
        ReportLabels labels = ReportLabels.forLocale(Locale.ENGLISH);
        page = render(List.of(actionableFixture(labels)), labels);
        // Kept for looking at it in a browser: target/parrot-report-test/parrot-body.html.
        Path out = Path.of("target", "parrot-report-test");
        Files.createDirectories(out);
        Files.writeString(out.resolve("parrot-body.html"), "<!DOCTYPE html><html lang=\"en\"><head>"
                + "<meta charset=\"UTF-8\"><title>Parrot</title></head><body style=\"font-family:sans-serif;"
                + "margin:2em\">" + page + "</body></html>");
    }

    static ModelDescriptor fixture(String name) throws Exception {
        try (InputStream in = ParrotReportRendererTest.class.getResourceAsStream("/models/" + name)) {
            return ModelJson.parseDescriptor(in, name);
        }
    }

    /** The drums model's evaluation by parrot:classify on 12 new recordings, 10 of them right. */
    static UnseenEvaluation unseenFixture() throws Exception {
        return UnseenEvaluation.read(Path.of(ParrotReportRendererTest.class.getResource("/parrot/drums-unseen.json")
                .toURI()));
    }

    /**
     * The drums model as a user who acts on it sees it: with cross-validation's mistakes and classify's misses to
     * play (clips for some of them), and four trainings of history in which re-recording the toms helped.
     */
    static ModelView actionableFixture(ReportLabels labels) throws Exception {
        ModelDescriptor d = fixture("drums.json");
        ModelDescriptor.Evaluation e = d.evaluation();
        List<ModelDescriptor.Mistake> mistakes = List.of(
                new ModelDescriptor.Mistake("tom/tom_05.wav", "tom", "kick", 24, 15, true),
                new ModelDescriptor.Mistake("snare/snare_03.wav", "snare", "hihat", 30, 11, false),
                new ModelDescriptor.Mistake("<script>/take<b>2</b>.wav", "<script>", "snare", 10, 3, false));
        ModelDescriptor withMistakes = new ModelDescriptor(d.formatVersion(), d.name(), d.createdAt(),
                d.parrotVersion(), d.labels(), d.features(), d.training(), d.classifier(),
                new ModelDescriptor.Evaluation(e.method(), e.folds(), e.accuracy(), e.accuracyStdDev(),
                        e.foldAccuracies(), e.clipAccuracy(), e.windows(), e.recordings(), e.perSound(),
                        e.confusionMatrix(), mistakes));
        List<ModelHistory.Build> builds = List.of(
                build("2026-03-10T08:00:00Z", 0.862, 0.90, 0.84, 0.62, 0.93, 0.80),
                build("2026-03-11T08:00:00Z", 0.874, 0.92, 0.85, 0.66, 0.92, 0.82),
                build("2026-03-13T08:00:00Z", 0.897, 0.93, 0.87, 0.79, 0.93, 0.84),
                build(d.createdAt(), e.accuracy(), 0.935, 0.883, 0.906, 0.935, 0.925));
        ReportClips.Clips clips = new ReportClips.Clips(
                Map.of("tom/tom_05.wav", "parrot-clips/model-drums/cv-01.wav",
                        "snare/snare_03.wav", "parrot-clips/model-drums/cv-02.wav"),
                Map.of("tom/tom_new_2.wav", "parrot-clips/model-drums/new-01.wav"));
        return ModelView.of(withMistakes, Optional.of(unseenFixture()),
                Optional.of(new ModelHistory(ModelHistory.FORMAT_VERSION, d.name(), builds)), clips, labels);
    }

    private static ModelHistory.Build build(String at, double accuracy, double... recall) {
        List<String> sounds = List.of("kick", "snare", "tom", "hihat", "<script>");
        Map<String, Double> byName = new LinkedHashMap<>();
        for (int i = 0; i < sounds.size(); i++) {
            byName.put(sounds.get(i), recall[i]);
        }
        return new ModelHistory.Build(at, "0.1.0-SNAPSHOT", "random-forest", 52, 1335, accuracy, 0.95, byName);
    }

    static String render(List<ModelDescriptor> descriptors, Locale locale) {
        ReportLabels labels = ReportLabels.forLocale(locale);
        return render(descriptors.stream().map(d -> ModelView.of(d, labels)).toList(), labels);
    }

    static String render(ModelDescriptor model, UnseenEvaluation unseen) {
        ReportLabels labels = ReportLabels.forLocale(Locale.ENGLISH);
        return render(List.of(ModelView.of(model, Optional.of(unseen), labels)), labels);
    }

    static String render(List<ModelView> views, ReportLabels labels) {
        StringWriter html = new StringWriter();
        new ParrotReportRenderer(new Xhtml5BaseSink(html), views, "target/models", new ReportTemplates(labels))
                .render();
        return html.toString();
    }

    @Test
    void everySoundIsOnThePage() {
        for (String sound : List.of("kick", "snare", "tom", "hihat", "&lt;script&gt;")) {
            assertTrue(page.contains("<th scope=\"row\">" + sound + "</th>"), sound + " has no matrix row");
            assertTrue(page.contains("<th class=\"parrot-col\" scope=\"col\">" + sound + "</th>"),
                    sound + " has no matrix column");
            assertTrue(page.contains("<td class=\"parrot-sound\">" + sound + "</td>"), sound + " has no table row");
        }
    }

    @Test
    void theAccuracyIsALargeAmberPercentageWithItsSpread() {
        // 1216 of 1335 windows: 91.1%, between 90% and 95%.
        assertTrue(page.contains("<div class=\"parrot-accuracy parrot-fair\">"), "accuracy box not amber");
        assertTrue(page.contains("<span class=\"parrot-accuracy-value\">91.1%</span>"), "no 91.1%");
        assertTrue(page.contains("± 2.1 points across 5 folds"), "no spread");
        assertTrue(page.contains("90% or more: usable"), "no verdict");
    }

    @Test
    void cellsAreColouredByTheirShareOfTheRowAndSayItInWords() {
        Matcher m = Pattern.compile("<td class=\"parrot-cell parrot-(right|confused|zero)\"( style=\"([^\"]*)\")? "
                + "title=\"([^\"]*)\">([0-9,]+)</td>").matcher(page);
        int right = 0;
        int confused = 0;
        int zero = 0;
        while (m.find()) {
            switch (m.group(1)) {
                case "right" -> {
                    right++;
                    assertTrue(m.group(3).matches("--bg:#[0-9a-f]{6};--fg:#(ffffff|000000)"), m.group());
                }
                case "confused" -> {
                    confused++;
                    assertTrue(m.group(3).matches("--bg:#[0-9a-f]{6};--fg:#(ffffff|000000)"), m.group());
                }
                default -> {
                    zero++;
                    assertEquals("0", m.group(5));
                    assertEquals(null, m.group(2), "a zero cell is not coloured");
                }
            }
        }
        assertEquals(5, right);
        assertEquals(5 * 5 - 5 - 4, confused);
        assertEquals(4, zero);
        assertTrue(page.contains("title=\"kick heard as tom in 12 of 340 windows (3.5%)\">12</td>"), "tooltip");
        assertTrue(page.contains("title=\"kick recognised as kick in 318 of 340 windows (93.5%)\">318</td>"),
                "diagonal tooltip");
    }

    @Test
    void theAccuracyOnRecordingsItNeverSawStandsBesideTheEstimate() {
        int estimate = page.indexOf("<div class=\"parrot-accuracy parrot-fair\">");
        int unseen = page.indexOf("<div class=\"parrot-accuracy parrot-unseen parrot-poor\">");
        assertTrue(estimate > 0 && unseen > estimate, "no red unseen-data box after the estimate");
        assertTrue(page.contains("<span class=\"parrot-accuracy-value\">83.3%</span>"));
        assertTrue(page.contains("10 of 12 recordings in recordings-new recognised, measured by parrot:classify on"
                + " Mar 15, 2026"));
        assertTrue(page.contains("Cross-validation recognised 97.9% of the training recordings as a whole."));
        assertTrue(page.contains("One recording could not be read"));
        assertTrue(page.contains("<tr><td><code>tom/tom_new_2.wav</code></td><td data-label=\"Recorded\">tom</td>"
                + "<td data-label=\"Heard as\">kick</td><td class=\"parrot-num\" data-label=\"Confidence\">61.0%</td>"
                + "<td class=\"parrot-player\"><audio controls preload=\"none\""
                + " src=\"parrot-clips/model-drums/new-01.wav\" title=\"Play tom/tom_new_2.wav\"></audio></td></tr>"));
        assertFalse(page.contains("Measured on the model trained"), "the evaluation is of this model");
    }

    @Test
    void anUnseenFigureOfAnotherModelOrOfTheTrainingDataIsShownAsNotApplying() throws Exception {
        UnseenEvaluation u = unseenFixture();
        UnseenEvaluation old = new UnseenEvaluation(u.formatVersion(), u.model(), "2026-01-02T03:04:05Z", u.input(),
                true, u.createdAt(), u.accuracy(), u.recordings(), u.correct(), u.labels(), u.confusionMatrix(),
                u.perSound(), List.of(), List.of());
        String html = render(fixture("drums.json"), old);
        assertTrue(html.contains("<div class=\"parrot-accuracy parrot-unseen parrot-neutral\">"), "not grey");
        assertTrue(html.contains("Measured on the model trained Jan 2, 2026"));
        assertTrue(html.contains("part of the training data, so this figure says nothing about new ones"));
        assertFalse(html.contains("Recognised wrongly"));
        assertFalse(html.contains("could not be read"));
    }

    @Test
    void theRecordingsCrossValidationGotWrongCanBePlayedWhereTheirClipsWereCopied() {
        int section = page.indexOf("id=\"model-drums-listen\"");
        assertTrue(section > 0, "no section of recordings to listen to");
        assertTrue(page.contains("<tr><td><code>tom/tom_05.wav</code></td><td data-label=\"Recorded\">tom</td><td"
                + " class=\"parrot-sound\" data-label=\"Heard as\">kick</td><td data-label=\"How wrong\">wrong as a"
                + " whole; 15 of 24 windows wrong</td><td class=\"parrot-player\"><audio controls preload=\"none\""
                + " src=\"parrot-clips/model-drums/cv-01.wav\" title=\"Play tom/tom_05.wav\"></audio></td></tr>"),
                page.substring(section, section + 2000));
        assertTrue(page.contains(">11 of 30 windows wrong; right as a whole</td>"));
        // No clip (the recording was not found when the report was made): the name, and why there is no player.
        assertTrue(page.contains(">3 of 10 windows wrong; right as a whole</td><td class=\"parrot-player\">"
                + "<span class=\"parrot-note\">recording not found</span></td>"));
    }

    @Test
    void theHistoryIsAnInlineChartOfAccuracyAndEachSoundsRecall() {
        int section = page.indexOf("id=\"model-drums-history\"");
        assertTrue(section > 0, "no history section");
        String history = page.substring(section, page.indexOf("</figure>", section));
        assertTrue(history.contains("Accuracy and each sound’s recall over the last 4 trainings"), history);
        assertTrue(history.contains("<svg class=\"parrot-chart\" viewBox=\"0 0 480 200\" role=\"img\""), history);
        assertEquals(6, history.split("<polyline ").length - 1, "accuracy and five sounds");
        assertEquals(24, history.split("<circle ").length - 1, "a point per training and line");
        assertTrue(history.contains("<title>Training 4 (Mar 14, 2026, 9:26:53 AM UTC): accuracy 91.1%</title>"),
                history);
        // The legend gives the latest figure and the change since the training before.
        assertTrue(history.contains("<span class=\"parrot-legend-name\">tom</span> <span class=\"parrot-legend-value\">"
                + "90.6%</span> <span class=\"parrot-legend-change\">+11.6 points</span>"), history);
        assertTrue(history.contains(">Mar 10, 2026</text>") && history.contains(">Mar 14, 2026</text>"), history);
        assertFalse(history.contains("&lt;script&gt;</span> <span class=\"parrot-legend-value\">–"), history);
    }

    @Test
    void aModelFromBeforeMistakesAndHistoryWereKeptStillRenders() throws Exception {
        ModelDescriptor old = fixture("drums.json");
        assertTrue(old.evaluation().mistakes().isEmpty(), "older JSON reads with no mistakes");
        String html = render(List.of(old), Locale.ENGLISH);
        assertTrue(html.contains("or this model was trained before Parrot recorded its mistakes"));
        assertFalse(html.contains("<svg"), "no history, no chart");
        assertFalse(html.contains("<audio"));
    }

    @Test
    void withoutAnUnseenEvaluationThereIsNoSuchBox() throws Exception {
        String html = render(List.of(fixture("drums.json")), Locale.ENGLISH);
        assertFalse(html.contains("class=\"parrot-accuracy parrot-unseen"));
        assertFalse(html.contains("never saw"));
    }

    @Test
    void aSoundCalledScriptCannotInjectAnything() {
        assertFalse(page.contains("<script"), "raw <script in the page");
        assertFalse(page.contains("<b>2</b>"), "raw markup from a file name");
        assertFalse(page.contains("<i>9</i>"), "raw markup from an unseen recording's name");
        assertTrue(page.contains("<code>&lt;script&gt;/take&lt;i&gt;9&lt;/i&gt;.wav</code>"));
        assertTrue(page.contains("&lt;script&gt; heard as snare in 6 of 120 windows (5.0%)"));
        assertTrue(page.contains("<code>&lt;script&gt;/take&lt;b&gt;2&lt;/b&gt;.wav</code>"));
    }

    @Test
    void theMostConfusedPairsComeWorstFirstWithAdvice() {
        int first = page.indexOf("<span class=\"parrot-pair-names\">");
        assertTrue(first > 0, "no confused pairs");
        // snare heard as hihat in 8.3% of its windows beats tom heard as kick in 7.5%.
        assertTrue(page.startsWith("<span class=\"parrot-pair-names\">snare ↔ hihat</span>", first), page.substring(
                first, first + 80));
        assertTrue(page.contains("snare heard as hihat in 25 of 300 windows (8.3%); hihat heard as snare in 18 of 310"
                + " windows (5.8%)."));
        assertTrue(page.contains("Sometimes mixed up: a few more recordings of both should help."));
    }

    @Test
    void howTheModelWasMadeIsSpeltOut() {
        assertTrue(page.contains("random-forest (weka.classifiers.trees.RandomForest)"));
        assertTrue(page.contains("<code>-P 100 -I 100 -num-slots 2 -K 0 -M 1.0 -V 0.001 -S 42</code>"));
        assertTrue(page.contains("194 values per window (parrot-features-1): 40 mel bands and 13 MFCCs, 30 ms windows"
                + " every 15 ms"));
        assertTrue(page.contains("stratified 5-fold cross-validation grouped by recording"));
        assertTrue(page.contains("<code>42</code>"), "seed");
        assertTrue(page.contains("1 min 23 s"), "duration");
        assertTrue(page.contains("not a WAV file: the RIFF header is missing"), "skipped reason");
        assertTrue(page.contains("oversampled +100%"), "balancing");
    }

    @Test
    void headingsComeFromTheSinkWithAnchors() {
        assertTrue(page.contains("Parrot sound models"));
        assertTrue(page.contains("Model drums"));
        assertTrue(page.contains("id=\"model-drums\""), "model anchor");
        assertTrue(page.contains("id=\"model-drums-matrix\""), "matrix anchor");
        assertTrue(page.contains("<style>"), "inline CSS");
        assertTrue(page.contains("@media print"), "print CSS");
    }

    @Test
    void severalModelsGetAnOverviewLinkingToEach() throws Exception {
        ModelDescriptor drums = fixture("drums.json");
        ModelDescriptor claps = new ModelDescriptor(drums.formatVersion(), "claps", drums.createdAt(),
                drums.parrotVersion(), List.of("clap", "snap"), drums.features(), null, null,
                new ModelDescriptor.Evaluation("cv", 2, 0.97, 0.01, List.of(0.96, 0.98), 1.0, 100, 4, List.of(),
                        new ModelDescriptor.ConfusionMatrix(List.of("clap", "snap"), new long[][] {{49, 1},
                                {2, 48}})));
        String two = render(List.of(claps, drums), Locale.ENGLISH);
        assertTrue(two.contains("<a href=\"#model-claps\">claps</a>"));
        assertTrue(two.contains("<a href=\"#model-drums\">drums</a>"));
        assertTrue(two.contains("<span class=\"parrot-badge parrot-good\">97.0%</span>"));
        assertTrue(two.contains("<div class=\"parrot-accuracy parrot-good\">"));
        // Without training details the page still renders, with what is known.
        assertTrue(two.contains("clap heard as snap in 1 of 50 windows (2.0%)"));
    }
}
