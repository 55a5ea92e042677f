package dev.parrot.training.incremental;

import dev.parrot.dataset.DatasetOptions;
import dev.parrot.model.ModelFingerprint;
import dev.parrot.training.TrainingRequest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.function.UnaryOperator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

/** Each kind of change to the recordings or the settings changes the fingerprint; nothing else does. */
class FingerprinterTest {

    private static final FileTime MTIME = FileTime.fromMillis(1_700_000_000_000L);

    @TempDir
    Path dir;

    Path recordings;
    TrainingRequest request;
    ModelFingerprint before;
    final Fingerprinter fingerprinter = new Fingerprinter("1.0");

    @BeforeEach
    void recordings() throws Exception {
        recordings = dir.resolve("recordings");
        for (String sound : List.of("clap", "snap")) {
            for (int take = 0; take < 3; take++) {
                Path file = recordings.resolve(sound).resolve("take-" + take + ".wav");
                Files.createDirectories(file.getParent());
                Files.write(file, new byte[100 + take]);
                Files.setLastModifiedTime(file, MTIME);
            }
        }
        request = TrainingRequest.defaults(recordings, dir.resolve("models"), "noises");
        before = of(request);
    }

    /** What the trainer hashes of a request. */
    private ModelFingerprint of(TrainingRequest r) throws Exception {
        return of(fingerprinter, r);
    }

    private static ModelFingerprint of(Fingerprinter f, TrainingRequest r) throws Exception {
        return f.of(r.recordingsDirectory(), r.dataset(), r.sounds(), r.modelSettings());
    }

    private void assertRecordingsChanged() throws Exception {
        ModelFingerprint after = of(request);
        assertNotEquals(before.recordings(), after.recordings());
        assertEquals(before.settings(), after.settings());
    }

    private void assertSettingsChanged(UnaryOperator<TrainingRequest> change) throws Exception {
        ModelFingerprint after = of(change.apply(request));
        assertNotEquals(before.settings(), after.settings());
        assertEquals(before.recordings(), after.recordings());
    }

    @Test
    void countsTheRecordingsAndIsStable() throws Exception {
        assertEquals(6, before.recordingCount());
        assertEquals(before, of(request));
    }

    @Test
    void aChangedRecordingChangesIt() throws Exception {
        Path take = recordings.resolve("clap/take-1.wav");
        Files.write(take, new byte[999]);
        Files.setLastModifiedTime(take, MTIME);
        assertRecordingsChanged();
    }

    @Test
    void aRecordingRewrittenWithTheSameSizeButLaterChangesIt() throws Exception {
        Files.setLastModifiedTime(recordings.resolve("snap/take-0.wav"), FileTime.fromMillis(MTIME.toMillis() + 1000));
        assertRecordingsChanged();
    }

    @Test
    void anAddedRecordingChangesIt() throws Exception {
        Files.write(recordings.resolve("snap/take-9.wav"), new byte[10]);
        assertRecordingsChanged();
        assertEquals(7, of(request).recordingCount());
    }

    @Test
    void aRemovedRecordingChangesIt() throws Exception {
        Files.delete(recordings.resolve("clap/take-2.wav"));
        assertRecordingsChanged();
    }

    @Test
    void aRecordingMovedToAnotherSoundChangesIt() throws Exception {
        Files.move(recordings.resolve("clap/take-2.wav"), recordings.resolve("snap/take-2b.wav"));
        assertRecordingsChanged();
    }

    @Test
    void aFileBesideTheAudioSuchAsSegmentsChangesIt() throws Exception {
        Files.createDirectories(recordings.resolve("clap/segments"));
        Files.writeString(recordings.resolve("clap/segments/take-0.MANUAL.srt"), "1\n");
        assertRecordingsChanged();
        assertEquals(6, of(request).recordingCount());
    }

    @Test
    void aNewSoundFolderChangesItWhenEverySoundIsLearned() throws Exception {
        Files.createDirectories(recordings.resolve("whistle"));
        Files.write(recordings.resolve("whistle/take-0.wav"), new byte[10]);
        assertNotEquals(before, of(request));
    }

    @Test
    void eachModelSettingChangesIt() throws Exception {
        assertSettingsChanged(r -> r.withBalance(false));
        assertSettingsChanged(r -> r.withClassifier("svm", ""));
        assertSettingsChanged(r -> r.withClassifier(r.classifier(), "-I 50"));
        assertSettingsChanged(r -> r.withSeedAndFolds(7, r.folds()));
        assertSettingsChanged(r -> r.withSeedAndFolds(r.seed(), 3));
        assertSettingsChanged(r -> r.withFeatures(r.features().withSilenceThresholdDb(20)));
        assertSettingsChanged(r -> r.withFeatures(r.features().withParrotMelFrames(true)));
        // The order of the sounds is the order of the labels: another model.
        assertNotEquals(before.settings(), of(request.withSounds(List.of("snap", "clap"))).settings());
    }

    @Test
    void anotherParrotVersionChangesIt() throws Exception {
        assertNotEquals(before.settings(), of(new Fingerprinter("1.1"), request).settings());
    }

    @Test
    void threadsLogOutputAndAMovedCheckoutDoNot() throws Exception {
        TrainingRequest elsewhere = TrainingRequest.builder(recordings, dir.resolve("other"), "other")
                .sounds(request.sounds()).balance(request.balance())
                .classifier(request.classifier(), request.classifierOptions()).seed(request.seed())
                .folds(request.folds()).threads(request.threads() + 3).features(request.features()).build();
        assertEquals(before, of(elsewhere));

        Path moved = dir.resolve("moved");
        try (var files = Files.walk(recordings)) {
            for (Path p : files.toList()) {
                Path target = moved.resolve(recordings.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
        TrainingRequest fromMoved = TrainingRequest.defaults(moved, dir.resolve("models"), "noises");
        assertEquals(before, of(fromMoved));
    }

    @Test
    void aRecordingInAMicrophoneFolderOfASoundChangesIt() throws Exception {
        Path dpa = recordings.resolve("clap--dpa/take-0.wav");
        Files.createDirectories(dpa.getParent());
        Files.write(dpa, new byte[50]);
        DatasetOptions separated = new DatasetOptions(List.of(), "silence", true, "--", dir.resolve("segments"));
        TrainingRequest clap = request.withDataset(separated).withSounds(List.of("clap", "snap"));
        ModelFingerprint first = of(clap);
        assertEquals(7, first.recordingCount(), "clap's two folders and snap's");

        Files.write(dpa, new byte[60]);
        assertNotEquals(first.recordings(), of(clap).recordings());
        assertEquals(first.settings(), of(clap).settings());
    }

    @Test
    void whereDetectedSegmentsAreWrittenDoesNot() throws Exception {
        DatasetOptions here = new DatasetOptions(List.of(), "silence", true, "", dir.resolve("a"));
        DatasetOptions there = new DatasetOptions(List.of(), "silence", true, "", dir.resolve("b"));
        assertEquals(of(request.withDataset(here)), of(request.withDataset(there)));
        assertNotEquals(of(request.withDataset(here)).settings(), of(request.withDataset(
                new DatasetOptions(List.of(), "quiet", true, "", dir.resolve("a")))).settings());
    }

    @Test
    void hiddenFilesDoNot() throws Exception {
        Files.writeString(recordings.resolve("clap/.DS_Store"), "x");
        assertEquals(before, of(request));
    }

    @Test
    void settingsAreEveryRequestComponentButWhereFilesGoThreadsAndTheLog() {
        String text = fingerprinter.settingsText(request.modelSettings(), List.of("clap", "snap"));
        List<String> notModelSettings = List.of("recordingsDirectory", "outputDirectory", "modelName", "threads", "log");
        for (var component : TrainingRequest.class.getRecordComponents()) {
            boolean excluded = notModelSettings.contains(component.getName());
            assertEquals(!excluded, text.contains("\"" + component.getName() + "\""), component.getName() + " in "
                    + text);
        }
    }
}
