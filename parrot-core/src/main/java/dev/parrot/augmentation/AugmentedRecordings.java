package dev.parrot.augmentation;

import dev.parrot.Parallel;
import dev.parrot.ProgressLog;
import dev.parrot.audio.SampleStream;
import dev.parrot.audio.UnreadableRecordingException;
import dev.parrot.audio.WavDecoder;
import dev.parrot.audio.WavStream;
import dev.parrot.dataset.DatasetException;
import dev.parrot.dataset.RecordingFeatures;
import dev.parrot.dataset.SoundDataset;
import dev.parrot.features.FeatureExtractor;
import dev.parrot.features.FeatureSettings;
import dev.parrot.features.SoundWindows;
import dev.parrot.model.AugmentationSettings;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * The training stage of augmentation: the varied copies of every recording, as features, kept beside the recording
 * they came from. Training sets ask for {@link #withCopies} of their recordings, so a copy trains a model exactly
 * when its recording does: cross-validation never tests on a recording whose copy it trained on, and tests only on
 * recordings as recorded.
 *
 * <p>Short takes of sounds are varied; background recordings and the parts of long recordings are trained on as
 * recorded (their windows are chosen by segments, which a varied copy would have to follow).
 */
public final class AugmentedRecordings {

    /** The most background audio kept in memory for the beds of copies heard in context. */
    public static final long MAX_BACKGROUND_SECONDS = 600;

    private final Map<RecordingFeatures, List<RecordingFeatures>> copies;

    private AugmentedRecordings(Map<RecordingFeatures, List<RecordingFeatures>> copies) {
        this.copies = copies;
    }

    /** No copies: training sets are the recordings as recorded. */
    public static AugmentedRecordings none() {
        return new AugmentedRecordings(new IdentityHashMap<>());
    }

    /**
     * Decodes every recording of the data set again and makes its varied copies. Copy {@code c} of a recording draws
     * its changes from the seed, the recording's name and {@code c} alone, so the copies do not depend on threads.
     */
    public static AugmentedRecordings make(AugmentationSettings settings, Path recordingsDirectory,
            SoundDataset dataset, FeatureSettings features, long seed, int threads, ProgressLog log)
            throws DatasetException {
        if (!settings.enabled()) {
            return none();
        }
        long started = System.nanoTime();
        Augmenter augmenter = new Augmenter(settings, features.sampleRate());
        BackgroundMixer mixer = settings.contextProbability() > 0
                ? new BackgroundMixer(settings, features.sampleRate(),
                        List.copyOf(backgroundAudio(recordingsDirectory, dataset, features.sampleRate()).values()))
                : null;
        ThreadLocal<FeatureExtractor> extractors = ThreadLocal.withInitial(() -> new FeatureExtractor(features));
        List<RecordingFeatures> recordings = dataset.recordings();
        List<List<RecordingFeatures>> made;
        try {
            made = Parallel.map(recordings, Math.max(1, threads), recording -> {
                if (!recording.part().isEmpty() || dataset.background().contains(recording.sound())) {
                    return List.<RecordingFeatures>of();
                }
                float[] samples;
                try {
                    samples = WavDecoder.read(recordingsDirectory.resolve(recording.file()))
                            .resampledTo(features.sampleRate()).samples();
                } catch (UnreadableRecordingException e) {
                    // Read a moment ago; gone or changed since. Its copies are left out, the recording stays.
                    return List.<RecordingFeatures>of();
                }
                List<RecordingFeatures> of = new ArrayList<>(settings.copies());
                for (int c = 0; c < settings.copies(); c++) {
                    Random random = new Random(seed * 1_000_003L + recording.file().hashCode() * 31L + c);
                    float[] varied = augmenter.vary(samples, random);
                    float[][] windows = mixer != null && random.nextDouble() < settings.contextProbability()
                            ? soundWindowFeatures(varied, mixer.mix(varied, random), extractors.get())
                            : soundWindowFeatures(varied, new BackgroundMixer.Mixed(varied, 0), extractors.get());
                    if (windows.length > 0) {
                        of.add(new RecordingFeatures(recording.file() + "#copy" + (c + 1), recording.sound(),
                                varied.length / (double) features.sampleRate(), windows));
                    }
                }
                return of;
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetException("Interrupted while augmenting recordings");
        }
        Map<RecordingFeatures, List<RecordingFeatures>> copies = new IdentityHashMap<>();
        long windows = 0;
        for (int i = 0; i < recordings.size(); i++) {
            copies.put(recordings.get(i), made.get(i));
            windows += made.get(i).stream().mapToLong(r -> r.windows().length).sum();
        }
        log.info(String.format(Locale.ROOT, "Augmentation: %s; %d windows added (%.1f s)", settings.describe(),
                windows, (System.nanoTime() - started) / 1e9));
        return new AugmentedRecordings(copies);
    }

    /**
     * The features of the windows of a copy that hold sound, chosen as a short take's are (on the copy alone, so that
     * background never becomes a window of the sound), taken where the sound lies in its context.
     */
    private static float[][] soundWindowFeatures(float[] copy, BackgroundMixer.Mixed context,
            FeatureExtractor extractor) {
        int[] starts = SoundWindows.soundStarts(copy, extractor.settings());
        float[][] windows = new float[starts.length][];
        for (int i = 0; i < starts.length; i++) {
            windows[i] = extractor.extract(context.samples(), context.soundStart() + starts[i]);
        }
        return windows;
    }

    /**
     * The audio of the background labels' recordings, each file once, up to {@link #MAX_BACKGROUND_SECONDS} in all
     * (enough variety for the beds; bounded memory: a file is read from its start only as far as that allows), by file.
     * A long recording of a sound is not among them, though the silence between its segments is learned as a
     * background label: its audio holds the sound. Unreadable files are left out: they were read a moment ago. The
     * onset model's examples and its calibration streams are drawn from the same audio.
     */
    public static Map<String, float[]> backgroundAudio(Path recordingsDirectory, SoundDataset dataset,
            int sampleRate) {
        Map<String, float[]> audio = new LinkedHashMap<>();
        Set<String> files = new LinkedHashSet<>();
        for (RecordingFeatures recording : dataset.recordings()) {
            if (dataset.background().contains(recording.sound()) && !dataset.segments().containsKey(recording.file())) {
                files.add(recording.file());
            }
        }
        long budget = MAX_BACKGROUND_SECONDS * sampleRate;
        for (String file : files) {
            if (budget <= 0) {
                break;
            }
            try (SampleStream stream = WavStream.open(recordingsDirectory.resolve(file)).resampledTo(sampleRate)) {
                float[] x = new float[(int) Math.min(budget, stream.length())];
                int filled = 0;
                int n;
                while (filled < x.length && (n = stream.read(x, filled, x.length - filled)) > 0) {
                    filled += n;
                }
                audio.put(file, filled == x.length ? x : Arrays.copyOf(x, filled));
                budget -= filled;
            } catch (UnreadableRecordingException e) {
                // Left out, as an unreadable take's copies are.
            }
        }
        return audio;
    }

    /** The recordings followed by the varied copies of each, in order. */
    public List<RecordingFeatures> withCopies(List<RecordingFeatures> recordings) {
        if (copies.isEmpty()) {
            return recordings;
        }
        List<RecordingFeatures> all = new ArrayList<>(recordings);
        for (RecordingFeatures recording : recordings) {
            all.addAll(copies.getOrDefault(recording, List.of()));
        }
        return all;
    }
}
