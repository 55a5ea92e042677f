package dev.parrot.dataset;

import dev.parrot.Parallel;
import dev.parrot.ProgressLog;
import dev.parrot.audio.Recording;
import dev.parrot.audio.UnreadableRecordingException;
import dev.parrot.audio.WavDecoder;
import dev.parrot.features.FeatureExtractor;
import dev.parrot.features.FeatureSettings;
import dev.parrot.features.SoundWindows;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Reads a folder of sound folders ({@code <recordings>/<sound>/*.wav}) into a {@link SoundDataset}. Recordings are
 * decoded and turned into features in parallel, one feature extractor per thread; the result does not depend on the
 * number of threads.
 */
public final class DatasetReader {

    /** Fewer recordings than ten times this are read without progress lines. */
    private static final int PROGRESS_MINIMUM = 50;

    private final FeatureSettings settings;
    private final int threads;
    private final ProgressLog log;

    public DatasetReader(FeatureSettings settings, int threads, ProgressLog log) {
        this.settings = settings;
        this.threads = Math.max(1, threads);
        this.log = log;
    }

    /** The sound folders under a recordings folder, sorted by name; hidden folders are not sounds. */
    public static List<String> discoverSounds(Path recordingsDirectory) throws DatasetException {
        requireDirectory(recordingsDirectory);
        try (Stream<Path> children = Files.list(recordingsDirectory)) {
            return children.filter(Files::isDirectory)
                    .map(p -> p.getFileName().toString())
                    .filter(name -> !name.startsWith("."))
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new DatasetException("Cannot list the recordings folder " + recordingsDirectory + ": " + e.getMessage());
        }
    }

    /** The WAV files of a folder (a sound's, or any to classify), searched recursively, sorted by path. */
    public static List<Path> wavFiles(Path soundDirectory) throws DatasetException {
        try (Stream<Path> files = Files.walk(soundDirectory)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"))
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(Path::toString))
                    .toList();
        } catch (IOException | UncheckedIOException e) {
            throw new DatasetException("Cannot list the WAV files in " + soundDirectory + ": " + e.getMessage());
        }
    }

    /**
     * Reads the named sounds, or every sound folder when {@code sounds} is empty.
     *
     * @throws DatasetException when the folder or a named sound is missing, or a sound has no usable recording
     */
    public SoundDataset read(Path recordingsDirectory, List<String> sounds) throws DatasetException {
        List<String> chosen = sounds == null || sounds.isEmpty() ? discoverSounds(recordingsDirectory) : sounds;
        requireDirectory(recordingsDirectory);
        // A sound listed twice would pass for two sounds and then give Weka a class with a duplicate label.
        Set<String> seen = new HashSet<>();
        for (String sound : chosen) {
            if (!seen.add(sound)) {
                throw new DatasetException("Sound '" + sound + "' is named more than once in <sounds>: "
                        + String.join(", ", chosen) + ". Name each sound once.");
            }
        }
        List<String> folders = discoverSounds(recordingsDirectory);
        for (String sound : chosen) {
            Path folder = recordingsDirectory.resolve(sound);
            if (!Files.isDirectory(folder)) {
                throw new DatasetException("Sound '" + sound + "' has no folder: " + folder
                        + " does not exist. " + SoundNames.whatThereIs(sound, folders, recordingsDirectory)
                        + " Record it there, or remove it from <sounds>.");
            }
        }
        // A <sounds> list pasted from an example learns only what it names; say what it leaves, or a user never knows.
        List<String> leftOut = folders.stream().filter(f -> !chosen.contains(f)).toList();
        if (!leftOut.isEmpty()) {
            log.info("Learning " + chosen.size() + " of the " + folders.size() + " sound folders in "
                    + recordingsDirectory + ", as <sounds> names them; left out: " + String.join(", ", leftOut)
                    + " (leave <sounds> out to learn every folder)");
        }
        if (chosen.size() < 2) {
            throw new DatasetException("A model needs at least two sounds to tell apart, but " + recordingsDirectory
                    + " has " + (chosen.isEmpty() ? "no sound folder" : "only '" + chosen.get(0) + "'")
                    + ". Add a folder of recordings per sound.");
        }
        List<Job> jobs = new ArrayList<>();
        for (String sound : chosen) {
            for (Path file : wavFiles(recordingsDirectory.resolve(sound))) {
                jobs.add(new Job(sound, file, recordingsDirectory.relativize(file).toString().replace('\\', '/')));
            }
        }
        log.info("Reading " + jobs.size() + " recordings of " + chosen.size() + " sounds from " + recordingsDirectory
                + " (" + threads + " threads)");
        List<Object> results = readAll(jobs);

        List<RecordingFeatures> recordings = new ArrayList<>();
        List<SkippedRecording> skipped = new ArrayList<>();
        for (Object result : results) {
            if (result instanceof RecordingFeatures r) {
                recordings.add(r);
            } else {
                SkippedRecording s = (SkippedRecording) result;
                skipped.add(s);
                log.warn("Skipped " + recordingsDirectory.resolve(s.file()) + ": " + s.reason());
            }
        }
        FeatureExtractor names = new FeatureExtractor(settings);
        SoundDataset dataset = new SoundDataset(List.copyOf(chosen), recordings, skipped, names.featureNames());
        for (String sound : chosen) {
            List<RecordingFeatures> of = dataset.recordingsOf(sound);
            long skippedHere = skipped.stream().filter(s -> s.sound().equals(sound)).count();
            log.info(String.format(Locale.ROOT, "  %-16s %4d recordings, %6d windows with sound%s", sound, of.size(),
                    dataset.windowCount(sound), skippedHere > 0 ? " (" + skippedHere + " skipped)" : ""));
            if (of.isEmpty()) {
                throw new DatasetException("Sound '" + sound + "' has no usable recording in "
                        + recordingsDirectory.resolve(sound)
                        + (skippedHere > 0 ? " (all " + skippedHere + " were skipped; see the warnings above)"
                        : " (the folder holds no .wav file)")
                        + ". Record it, or leave it out of <sounds>.");
            }
        }
        return dataset;
    }

    /** Decodes one recording and returns the features of its windows that hold sound. */
    public RecordingFeatures readRecording(Path file, String sound, String name, FeatureExtractor extractor)
            throws UnreadableRecordingException {
        Recording recording = WavDecoder.read(file).resampledTo(settings.sampleRate());
        int[] starts = SoundWindows.soundStarts(recording.samples(), settings);
        if (starts.length == 0) {
            throw new UnreadableRecordingException(file, "silent: no window is louder than "
                    + settings.silenceFloorDbfs() + " dBFS");
        }
        float[][] windows = new float[starts.length][];
        for (int i = 0; i < starts.length; i++) {
            windows[i] = extractor.extract(recording.samples(), starts[i]);
        }
        return new RecordingFeatures(name, sound, recording.durationSeconds(), windows);
    }

    private List<Object> readAll(List<Job> jobs) throws DatasetException {
        ThreadLocal<FeatureExtractor> extractors = ThreadLocal.withInitial(() -> new FeatureExtractor(settings));
        // Reading thousands of recordings takes minutes; a line per tenth tells the user it is moving.
        int step = Math.max(PROGRESS_MINIMUM, jobs.size() / 10);
        AtomicInteger done = new AtomicInteger();
        try {
            return Parallel.map(jobs, threads, job -> {
                int count = done.incrementAndGet();
                if (count % step == 0 && count < jobs.size()) {
                    log.info("  read " + count + " of " + jobs.size() + " recordings");
                }
                try {
                    return (Object) readRecording(job.file, job.sound, job.name, extractors.get());
                } catch (UnreadableRecordingException e) {
                    return new SkippedRecording(job.name, job.sound, e.reason());
                } catch (RuntimeException e) {
                    // A decoder bug must not cost the user the other recordings; the file is named either way.
                    return new SkippedRecording(job.name, job.sound, "cannot be decoded: " + e);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetException("Interrupted while reading recordings");
        } catch (OutOfMemoryError e) {
            // Not the fault of the file being read when it struck: the heap is too small for the whole set.
            throw new DatasetException("Ran out of memory reading " + jobs.size() + " recordings (the JVM may use "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB). Give Maven more heap, e.g."
                    + " MAVEN_OPTS=-Xmx2g, or train on fewer or shorter recordings.");
        }
    }

    private static void requireDirectory(Path recordingsDirectory) throws DatasetException {
        if (!Files.isDirectory(recordingsDirectory)) {
            throw new DatasetException("The recordings folder " + recordingsDirectory + " does not exist"
                    + (Files.exists(recordingsDirectory) ? " as a folder" : "")
                    + ". Put one sub-folder of WAV files per sound there, or point <recordingsDirectory> elsewhere.");
        }
    }

    private record Job(String sound, Path file, String name) {
    }
}
