package dev.parrot.maven.report;

import dev.parrot.features.FeatureSettings;
import dev.parrot.model.ModelDescriptor;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelViewTest {

    private static final ReportLabels EN = ReportLabels.forLocale(Locale.ENGLISH);

    static ModelDescriptor model(double accuracy, List<String> labels, long[][] counts) {
        return new ModelDescriptor(1, "m", "2026-03-14T09:26:53Z", "test", labels,
                new ModelDescriptor.Features(FeatureSettings.defaults(), 194), null, null,
                new ModelDescriptor.Evaluation("cv", 5, accuracy, 0.01, List.of(), 1.0, 100, 10, List.of(),
                        new ModelDescriptor.ConfusionMatrix(labels, counts)));
    }

    @Test
    void backgroundLabelsAreListedAfterTheSoundsAndMarked() {
        ModelDescriptor d = model(0.9, List.of("silence", "click", "talk", "pop"),
                new long[][] {{5, 0, 0, 0}, {0, 5, 0, 0}, {0, 0, 5, 0}, {0, 0, 0, 5}});
        ModelDescriptor withBackground = new ModelDescriptor(d.formatVersion(), d.name(), d.createdAt(),
                d.parrotVersion(), d.labels(), d.features(), d.training(), d.classifier(), d.evaluation(),
                List.of("silence", "talk"), "silence");
        List<SoundTable.Row> rows = ModelView.of(withBackground, EN).sounds();
        assertEquals(List.of("click", "pop", "silence", "talk"), rows.stream().map(SoundTable.Row::sound).toList());
        assertEquals(List.of(false, false, true, true), rows.stream().map(SoundTable.Row::background).toList());
        assertTrue(ModelView.of(d, EN).sounds().stream().noneMatch(SoundTable.Row::background));
    }

    @Test
    void theHeaderCountsTheSoundsAndTheAccuracyBoxSaysHowOftenTheBackgroundWouldFire() {
        ModelDescriptor d = model(0.9, List.of("click", "pop", "silence"),
                new long[][] {{9, 1, 0}, {0, 10, 0}, {3, 1, 96}});
        ModelDescriptor withBackground = new ModelDescriptor(d.formatVersion(), d.name(), d.createdAt(),
                d.parrotVersion(), d.labels(), d.features(), d.training(), d.classifier(), d.evaluation(),
                List.of("silence"), "silence");
        ModelView view = ModelView.of(withBackground, EN);
        assertTrue(view.summary().startsWith("2 sounds"), view.summary());
        assertTrue(view.summary().contains("background: silence"), view.summary());
        assertTrue(view.accuracy().detail().contains("of the 100 windows of the background (silence), 4 (4.0%)"
                + " were heard as a sound"), view.accuracy().detail());
        ModelView without = ModelView.of(d, EN);
        assertTrue(without.summary().startsWith("3 sounds"), without.summary());
        assertFalse(without.accuracy().detail().contains("background"), without.accuracy().detail());
    }

    @Test
    void theTiersAreParrotPysNinetyFiveAndNinety() {
        assertEquals("good", ModelView.tier(1.0));
        assertEquals("good", ModelView.tier(0.95));
        assertEquals("fair", ModelView.tier(0.9499));
        assertEquals("fair", ModelView.tier(0.90));
        assertEquals("poor", ModelView.tier(0.8999));
        ModelView poor = ModelView.of(model(0.5, List.of("a", "b"), new long[][] {{5, 5}, {5, 5}}), EN);
        assertEquals("poor", poor.accuracy().tier());
        assertEquals("50.0%", poor.accuracy().percent());
        assertTrue(poor.accuracy().verdict().startsWith("Below 90%"));
    }

    @Test
    void aZeroCellIsUncolouredAndALargerShareIsDarker() {
        assertEquals("", MatrixColours.cellStyle(0, 0, true));
        double previous = 1.1;
        for (double share : new double[] {0.01, 0.05, 0.2, 0.5, 0.9, 1.0}) {
            for (boolean right : new boolean[] {true, false}) {
                String style = MatrixColours.cellStyle(1, share, right);
                assertTrue(style.matches("--bg:#[0-9a-f]{6};--fg:#(ffffff|000000)"), style);
            }
            double l = MatrixColours.luminance(rgb(MatrixColours.cellStyle(1, share, true)));
            assertTrue(l < previous, "share " + share + " is not darker than the one before");
            previous = l;
        }
    }

    @Test
    void theTextStaysReadableOnEveryBackground() {
        for (int percent = 0; percent <= 100; percent++) {
            for (boolean right : new boolean[] {true, false}) {
                String style = MatrixColours.cellStyle(1, percent / 100.0, right);
                double bg = MatrixColours.luminance(rgb(style));
                double fg = style.endsWith("#ffffff") ? 1.0 : 0.0;
                double contrast = MatrixColours.contrast(bg, fg);
                // WCAG AA for normal text.
                assertTrue(contrast >= 4.5, style + " has contrast " + contrast);
            }
        }
    }

    @Test
    void confusionsAndRightAnswersHaveDifferentHues() {
        int[] right = rgb(MatrixColours.cellStyle(1, 0.5, true));
        int[] confused = rgb(MatrixColours.cellStyle(1, 0.5, false));
        assertTrue(right[2] > right[0], "the diagonal is blue");
        assertTrue(confused[0] > confused[2], "confusions are orange");
    }

    @Test
    void pairsComeWorstFirstWithAdviceBySeverity() {
        List<String> labels = List.of("a", "b", "c", "d");
        long[][] counts = {
            {80, 20, 0, 0}, // a heard as b: 20%
            {0, 100, 5, 0}, // b heard as c: 4.8%
            {0, 0, 99, 1},  // c heard as d: 1%
            {0, 0, 0, 50}};
        List<PairsView.Pair> pairs = ModelView.of(model(0.9, labels, counts), EN).pairs();
        assertEquals(3, pairs.size());
        assertEquals(List.of("a", "b"), List.of(pairs.get(0).first(), pairs.get(0).second()));
        assertEquals("poor", pairs.get(0).tier());
        assertTrue(pairs.get(0).advice().contains("record more takes of both, or drop one"));
        assertEquals(List.of("a heard as b in 20 of 100 windows (20.0%)"), pairs.get(0).directions());
        assertEquals("fair", pairs.get(1).tier());
        assertEquals("good", pairs.get(2).tier());
    }

    @Test
    void theWorseDirectionOfAPairComesFirst() {
        List<String> labels = List.of("kick", "tom");
        PairsView.Pair pair = ModelView.of(model(0.9, labels, new long[][] {{328, 12}, {20, 245}}), EN).pairs().get(0);
        assertEquals("tom", pair.first());
        assertEquals(List.of("tom heard as kick in 20 of 265 windows (7.5%)",
                "kick heard as tom in 12 of 340 windows (3.5%)"), pair.directions());
    }

    @Test
    void onlyTheWorstPairsAreListed() {
        int n = 6;
        List<String> labels = List.of("s0", "s1", "s2", "s3", "s4", "s5");
        long[][] counts = new long[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                counts[i][j] = i == j ? 100 : 1;
            }
        }
        assertEquals(PairsView.SHOWN, ModelView.of(model(0.9, labels, counts), EN).pairs().size());
        assertTrue(ModelView.of(model(1.0, List.of("a", "b"), new long[][] {{9, 0}, {0, 9}}), EN).pairs().isEmpty());
    }

    @Test
    void aMatrixThatDoesNotFitItsLabelsIsRefusedWithAReason() {
        ModelDescriptor wrong = model(0.9, List.of("a", "b"), new long[][] {{1, 2}});
        assertEquals("its confusion matrix has 1 rows for 2 sounds", ModelView.problem(wrong));
        assertThrows(IllegalArgumentException.class, () -> ModelView.of(wrong, EN));
        ModelDescriptor ragged = model(0.9, List.of("a", "b"), new long[][] {{1, 2}, {3}});
        assertEquals("its confusion matrix is not 2 x 2", ModelView.problem(ragged));
        ModelDescriptor none = new ModelDescriptor(1, "m", null, null, List.of("a"), null, null, null, null);
        assertNotNull(ModelView.problem(none));
        assertNull(ModelView.problem(model(0.9, List.of("a"), new long[][] {{1}})));
    }

    @Test
    void anchorsAreValidIdsWhateverTheName() {
        assertEquals("model-noises", ModelView.anchor("noises"));
        assertEquals("model-_script_", ModelView.anchor("<script>"));
        assertEquals("model-a_b", ModelView.anchor("a.b"));
    }

    private static int[] rgb(String style) {
        String hex = style.substring("--bg:#".length(), "--bg:#".length() + 6);
        return new int[] {Integer.parseInt(hex.substring(0, 2), 16), Integer.parseInt(hex.substring(2, 4), 16),
            Integer.parseInt(hex.substring(4, 6), 16)};
    }
}
