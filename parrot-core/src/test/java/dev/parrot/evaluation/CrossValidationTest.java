package dev.parrot.evaluation;

import dev.parrot.ProgressLog;
import dev.parrot.dataset.RecordingFeatures;
import dev.parrot.dataset.SoundDataset;
import dev.parrot.dataset.TrainingSet;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.training.ClassifierType;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrossValidationTest {

    private static final List<String> FEATURES = List.of("a", "b");

    /** Recordings of a label whose windows lie around {@code centre}, with {@code spread} of noise. */
    private static List<RecordingFeatures> recordings(String label, int count, int windows, double centre,
            double spread, Random random) {
        List<RecordingFeatures> list = new ArrayList<>();
        for (int r = 0; r < count; r++) {
            float[][] w = new float[windows][];
            for (int i = 0; i < windows; i++) {
                w[i] = new float[] {(float) (centre + spread * random.nextGaussian()),
                        (float) (centre + spread * random.nextGaussian())};
            }
            list.add(new RecordingFeatures(label + "/" + r + ".wav", label, 1.0, w));
        }
        return list;
    }

    @Test
    void theHeadlineAccuracyIsOverTheSoundsAloneWhileTheMatrixKeepsTheBackground() throws Exception {
        Random random = new Random(7);
        List<RecordingFeatures> all = new ArrayList<>();
        all.addAll(recordings("click", 6, 10, 0, 0.3, random));
        all.addAll(recordings("pop", 6, 10, 3, 0.3, random));
        // The room sits between the two sounds and overlaps them: some of its windows are heard as a sound.
        all.addAll(recordings("silence", 6, 40, 1.5, 1.5, random));
        List<String> labels = List.of("click", "pop", "silence");
        SoundDataset dataset = new SoundDataset(labels, all, List.of(), FEATURES, List.of("silence"));

        ModelDescriptor.Evaluation e = new CrossValidation(3, true, 1, ProgressLog.SILENT).evaluate(dataset,
                TrainingSet.header("t", FEATURES, labels), ClassifierType.create("decision-tree", "", 1, 1));

        ConfusionAnalysis confusion = ConfusionAnalysis.of(e);
        long soundWindows = confusion.total(0) + confusion.total(1);
        assertEquals(120, soundWindows);
        assertEquals(soundWindows, e.windows(), "the background's windows are not in the headline count");
        assertEquals(240, confusion.windowsOf(List.of("silence")), "but they are in the matrix");
        assertEquals((confusion.counts()[0][0] + confusion.counts()[1][1]) / (double) soundWindows, e.accuracy(),
                1e-12);
        assertEquals(12, e.recordings(), "recordings of the sounds alone");
        assertTrue(confusion.backgroundHeardAsSound(List.of("silence")) > 0, "the overlap fires sometimes");
        assertTrue(e.accuracy() > confusion.accuracy(), "counting the room's windows would change the figure: "
                + e.accuracy() + " vs " + confusion.accuracy());
        assertTrue(e.method().contains("background labels apart"), e.method());
    }

    @Test
    void aBackgroundWindowHeardAsAnotherBackgroundLabelFiresNothing() {
        ConfusionAnalysis confusion = new ConfusionAnalysis(List.of("click", "speech", "silence"),
                new long[][] {{9, 1, 0}, {2, 30, 5}, {1, 4, 50}});
        assertEquals(92, confusion.windowsOf(List.of("speech", "silence")));
        assertEquals(3, confusion.backgroundHeardAsSound(List.of("speech", "silence")),
                "speech heard as click (2) and silence heard as click (1); speech and silence mixed up fire nothing");
        assertEquals(0, confusion.backgroundHeardAsSound(List.of()));
        ConfusionAnalysis.BackgroundAlarms alarms = confusion.backgroundAlarms(List.of("speech", "silence"));
        assertEquals(92, alarms.windows());
        assertEquals(3, alarms.heardAsSound());
        assertEquals(3 / 92.0, alarms.share(), 1e-12);
        assertEquals(0, confusion.backgroundAlarms(List.of()).share(), "no background, no alarms, no NaN");
    }
}
