package dev.parrot.maven.report;

import dev.parrot.ProgressLog;
import dev.parrot.audio.WavDecoder;
import dev.parrot.audio.WavWriter;
import dev.parrot.model.ModelDescriptor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The clips the page plays: short, around the sound, in the site, and only of recordings that are there. */
class ReportClipsTest {

    private static final int RATE = 16_000;

    @Test
    void aLongRecordingIsCutToThreeSecondsWithItsLoudestMomentAQuarterIn() {
        float[] samples = new float[10 * RATE];
        samples[7 * RATE] = 0.9f;
        float[] clip = ReportClips.excerpt(samples, RATE);
        assertEquals(3 * RATE, clip.length);
        assertEquals(0.9f, clip[3 * RATE / 4], 1e-6);
        float[] shortOne = {0.1f, 0.2f};
        assertArrayEquals(shortOne, ReportClips.excerpt(shortOne, RATE));
    }

    @Test
    void clipsOfTheMistakesAreCopiedIntoTheSiteAndAMissingRecordingHasNone(@TempDir Path dir) throws Exception {
        Path recordings = dir.resolve("recordings");
        float[] fiveSeconds = new float[5 * RATE];
        fiveSeconds[RATE] = 0.5f;
        WavWriter.writePcm16(recordings.resolve("tom/tom_05.wav"), fiveSeconds, RATE);
        ModelDescriptor d = ParrotReportRendererTest.fixture("drums.json");
        ModelDescriptor.Evaluation e = d.evaluation();
        ModelDescriptor model = new ModelDescriptor(d.formatVersion(), d.name(), d.createdAt(), d.parrotVersion(),
                d.labels(), d.features(), new ModelDescriptor.Training(recordings.toString(), true, 42, 1, 5,
                        List.of(), List.of()), d.classifier(),
                new ModelDescriptor.Evaluation(e.method(), e.folds(), e.accuracy(), e.accuracyStdDev(),
                        e.foldAccuracies(), e.clipAccuracy(), e.windows(), e.recordings(), e.perSound(),
                        e.confusionMatrix(), List.of(
                                new ModelDescriptor.Mistake("tom/tom_05.wav", "tom", "kick", 20, 12, true),
                                new ModelDescriptor.Mistake("kick/gone.wav", "kick", "tom", 20, 5, false))));
        Path site = dir.resolve("site");
        Files.createDirectories(site.resolve("parrot-clips/model-drums"));
        Files.writeString(site.resolve("parrot-clips/model-drums/stale.wav"), "from an earlier report");

        ReportClips.Clips clips = ReportClips.copy(site, model, Optional.empty(), ProgressLog.SILENT);

        assertEquals(Map.of("tom/tom_05.wav", "parrot-clips/model-drums/cv-01.wav"), clips.training());
        assertTrue(clips.unseen().isEmpty());
        Path clip = site.resolve("parrot-clips/model-drums/cv-01.wav");
        assertEquals(3.0, WavDecoder.read(clip).durationSeconds(), 1e-9);
        assertFalse(Files.exists(site.resolve("parrot-clips/model-drums/stale.wav")), "an earlier report's clip");
    }
}
