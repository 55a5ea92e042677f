package dev.parrot.benchmarks;

import dev.parrot.ParrotException;
import dev.parrot.audio.Recording;
import dev.parrot.audio.UnreadableRecordingException;
import dev.parrot.audio.WavDecoder;
import dev.parrot.dataset.DatasetException;
import dev.parrot.dataset.DatasetReader;
import dev.parrot.features.FeatureSettings;
import dev.parrot.features.SoundWindows;
import dev.parrot.model.ModelFiles;
import dev.parrot.training.SoundModelTrainer;
import dev.parrot.training.TrainingRequest;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The sample recordings of this repository, and a model trained on them the way the example project trains. */
final class SampleModel {

    private SampleModel() {
    }

    /**
     * {@code data/recordings}, found from the working folder or its parents, or {@code -Dparrot.recordings}.
     */
    static Path recordings() {
        String given = System.getProperty("parrot.recordings");
        if (given != null) {
            return Path.of(given).toAbsolutePath();
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("data/recordings");
            if (Files.isDirectory(candidate)) {
                return candidate;
            }
        }
        throw new IllegalStateException("No data/recordings above " + Path.of("").toAbsolutePath()
                + "; run from the repository or pass -Dparrot.recordings=...");
    }

    /**
     * Trains random-forest with 100 trees (the default, as in the example project) on the sample recordings into a
     * temporary folder and returns the descriptor file. Two folds keep the cross-validation, which the benchmarks do
     * not need, short.
     */
    static Path train() throws IOException, ParrotException {
        Path out = Files.createTempDirectory("parrot-bench-model");
        out.toFile().deleteOnExit();
        TrainingRequest request = TrainingRequest.defaults(recordings(), out, "noises").withSeedAndFolds(42, 2);
        ModelFiles files = new SoundModelTrainer().train(request).files();
        // Registered after the folder, so deleted before it.
        files.classifierFile().toFile().deleteOnExit();
        files.descriptorFile().toFile().deleteOnExit();
        return files.descriptorFile();
    }

    /** Windows that hold sound: window {@code i} starts at {@code offsets[i]} in {@code audio[i]}. */
    record Windows(float[][] audio, int[] offsets) {
        int count() {
            return offsets.length;
        }
    }

    /**
     * Every window that holds sound in every sample recording, each with the whole recording around it so that
     * features needing the audio before the window find it.
     */
    static Windows soundWindows(FeatureSettings settings) throws DatasetException, UnreadableRecordingException {
        List<float[]> audio = new ArrayList<>();
        List<Integer> starts = new ArrayList<>();
        Path recordings = recordings();
        for (String sound : DatasetReader.discoverSounds(recordings)) {
            for (Path file : DatasetReader.wavFiles(recordings.resolve(sound))) {
                Recording r = WavDecoder.read(file).resampledTo(settings.sampleRate());
                for (int start : SoundWindows.soundStarts(r.samples(), settings)) {
                    audio.add(r.samples());
                    starts.add(start);
                }
            }
        }
        return new Windows(audio.toArray(float[][]::new), starts.stream().mapToInt(Integer::intValue).toArray());
    }
}
