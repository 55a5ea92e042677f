package dev.parrot.dataset;

import dev.parrot.Setting;
import dev.parrot.Parallel;
import dev.parrot.ParrotException;
import dev.parrot.ProgressLog;
import dev.parrot.audio.UnreadableRecordingException;
import dev.parrot.audio.WavFiles;
import dev.parrot.features.FeatureExtractor;
import dev.parrot.features.FeatureSettings;
import dev.parrot.segments.RecordingSegments;
import dev.parrot.segments.Segment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * Reads a folder of sound folders into a {@link SoundDataset}: short takes ({@code <recordings>/<sound>/*.wav}),
 * Parrot.py's long recordings with SRT segments ({@code <sound>/source/}, {@code <sound>/segments/}), plain long
 * recordings (segmented automatically) and background folders ({@link SoundFolders}, {@link RecordingReader}). Recordings are
 * decoded and turned into features in parallel, one feature extractor per thread; the result does not depend on the
 * number of threads.
 */
public final class DatasetReader {

    /** Fewer recordings than ten times this are read without progress lines. */
    private static final int PROGRESS_MINIMUM = 50;

    private final FeatureSettings settings;
    private final int threads;
    private final ProgressLog log;
    private final DatasetOptions options;

    /** A reader with the default options, which writes no detected segments. */
    public DatasetReader(FeatureSettings settings, int threads, ProgressLog log) {
        this(settings, threads, log, DatasetOptions.defaults(null));
    }

    public DatasetReader(FeatureSettings settings, int threads, ProgressLog log, DatasetOptions options) {
        this.settings = settings;
        this.threads = Math.max(1, threads);
        this.log = log;
        this.options = options;
    }

    /** The sound folders under a recordings folder, sorted by name; hidden folders are not sounds. */
    public static List<String> discoverSounds(Path recordingsDirectory) throws DatasetException {
        requireDirectory(recordingsDirectory);
        return List.copyOf(SoundFolders.discover(recordingsDirectory, DatasetOptions.defaults(null)).keySet());
    }

    /** The WAV files of a folder (a sound's, or any to classify), searched recursively, sorted by path. */
    public static List<Path> wavFiles(Path soundDirectory) throws DatasetException {
        try {
            return WavFiles.under(soundDirectory);
        } catch (IOException e) {
            throw new DatasetException("Cannot list the WAV files in " + soundDirectory + ": " + e.getMessage());
        }
    }

    /**
     * Reads the named sounds, or every sound folder when {@code sounds} is empty, with background folders and the
     * silence between the segments of long recordings as further labels.
     *
     * @throws DatasetException when the folder or a named sound is missing, or a label has no usable recording
     */
    public SoundDataset read(Path recordingsDirectory, List<String> sounds) throws DatasetException {
        requireDirectory(recordingsDirectory);
        Map<String, List<Path>> folders = SoundFolders.discover(recordingsDirectory, options);
        List<String> chosen = chooseSounds(recordingsDirectory, folders, sounds);
        List<RecordingReader.Source> sources = sources(recordingsDirectory, folders, chosen);
        log.info("Reading " + sources.size() + " recordings of " + chosen.size() + " sounds from "
                + recordingsDirectory + " (" + threads + " threads)");
        Collected collected = collect(recordingsDirectory, readAll(sources));

        List<String> labels = new ArrayList<>(chosen);
        boolean silenceLearned = collected.recordings.stream()
                .anyMatch(r -> r.sound().equals(options.silenceLabel()));
        if (silenceLearned && !labels.contains(options.silenceLabel())) {
            labels.add(options.silenceLabel());
        }
        // Grouped by label, in label order, so that data sets (and so models) do not depend on the thread count.
        collected.recordings.sort(Comparator.comparingInt((RecordingFeatures r) -> labels.indexOf(r.sound())));
        List<String> background = labels.stream().filter(options::isBackground).toList();
        FeatureExtractor names = new FeatureExtractor(settings);
        Map<String, List<Double>> segmentSeconds = new LinkedHashMap<>();
        collected.tallies.forEach((sound, tally) -> segmentSeconds.put(sound, List.copyOf(tally.sustains)));
        SoundDataset dataset = new SoundDataset(List.copyOf(labels), collected.recordings, collected.skipped,
                names.featureNames(), background, segmentSeconds, collected.segments);
        checkEachLabel(dataset, folders, collected);
        if (labels.size() < 2) {
            throw new DatasetException("A model needs at least two sounds to tell apart, but " + recordingsDirectory
                    + " has " + (labels.isEmpty() ? "no sound folder" : "only '" + labels.get(0) + "'")
                    + ". Add a folder of recordings per sound, or record long recordings with pauses between the"
                    + " sounds so that Parrot learns the silence between them.");
        }
        if (silenceLearned) {
            log.info("  '" + options.silenceLabel() + "' is learned from the audio between the sounds' segments;"
                    + " the learnSilence setting turns this off.", Setting.LEARN_SILENCE);
        }
        return dataset;
    }

    /**
     * The sounds to learn: those named, or every folder. Refuses a name given twice or without a folder, and says
     * which folders a list of names leaves out.
     */
    private List<String> chooseSounds(Path recordingsDirectory, Map<String, List<Path>> folders, List<String> sounds)
            throws DatasetException {
        List<String> chosen = sounds == null || sounds.isEmpty() ? List.copyOf(folders.keySet()) : sounds;
        // A sound listed twice would pass for two sounds and then give Weka a class with a duplicate label.
        Set<String> seen = new HashSet<>();
        for (String sound : chosen) {
            if (!seen.add(sound)) {
                throw new DatasetException("Sound '" + sound + "' is named more than once in the sounds to learn: "
                        + String.join(", ", chosen) + ". Name each sound once.", Setting.SOUNDS);
            }
        }
        List<String> folderNames = List.copyOf(folders.keySet());
        for (String sound : chosen) {
            if (!folders.containsKey(sound)) {
                throw new DatasetException("Sound '" + sound + "' has no folder: "
                        + recordingsDirectory.resolve(sound) + " does not exist. "
                        + SoundNames.whatThereIs(sound, folderNames, recordingsDirectory)
                        + " Record it there, or remove it from the sounds to learn.", Setting.SOUNDS);
            }
        }
        // A list of sounds pasted from an example learns only what it names; say what it leaves, or a user never knows.
        List<String> leftOut = folderNames.stream().filter(f -> !chosen.contains(f)).toList();
        if (!leftOut.isEmpty()) {
            log.info("Learning " + chosen.size() + " of the " + folderNames.size() + " sound folders in "
                    + recordingsDirectory + ", as the sounds setting names them; left out: "
                    + String.join(", ", leftOut) + " (name no sounds to learn every folder).", Setting.SOUNDS);
        }
        return chosen;
    }

    /** Every recording of the chosen sounds, in the order of the sounds, their folders and their files. */
    private List<RecordingReader.Source> sources(Path recordingsDirectory, Map<String, List<Path>> folders,
            List<String> chosen) throws DatasetException {
        List<RecordingReader.Source> sources = new ArrayList<>();
        for (String sound : chosen) {
            RecordingReader.Kind kind = options.isBackground(sound) ? RecordingReader.Kind.BACKGROUND
                    : RecordingReader.Kind.SOUND;
            for (Path folder : folders.get(sound)) {
                for (Path file : SoundFolders.recordings(folder)) {
                    sources.add(new RecordingReader.Source(sound, file,
                            recordingsDirectory.relativize(file).toString().replace('\\', '/'), folder, kind));
                }
            }
        }
        return sources;
    }

    /** What reading gave: the recordings' features, the files skipped, and the segments per sound. */
    private record Collected(List<RecordingFeatures> recordings, List<SkippedRecording> skipped,
            Map<String, SegmentTally> tallies, Map<String, List<Segment>> segments) {
    }

    /** Sorts the results of reading into recordings and skipped files, warning about each skip and segment issue. */
    private Collected collect(Path recordingsDirectory, List<Object> results) {
        Collected collected = new Collected(new ArrayList<>(), new ArrayList<>(), new LinkedHashMap<>(),
                new LinkedHashMap<>());
        for (Object result : results) {
            if (result instanceof RecordingReader.Read r) {
                collected.recordings.addAll(r.parts());
                if (r.segments() != null) {
                    r.segments().warnings().forEach(log::warn);
                    collected.tallies.computeIfAbsent(r.parts().get(0).sound(), k -> new SegmentTally())
                            .add(r.segments(), r.sustains());
                    collected.segments.put(r.parts().get(0).file(), List.copyOf(r.segments().segments()));
                }
            } else {
                SkippedRecording s = (SkippedRecording) result;
                collected.skipped.add(s);
                log.warn("Skipped " + recordingsDirectory.resolve(s.file()) + ": " + s.reason());
            }
        }
        return collected;
    }

    /** Logs a line per label and refuses a label left without a usable recording. */
    private void checkEachLabel(SoundDataset dataset, Map<String, List<Path>> folders, Collected collected)
            throws DatasetException {
        for (String label : dataset.sounds()) {
            long skippedHere = collected.skipped.stream().filter(s -> s.sound().equals(label)).count();
            SegmentTally tally = collected.tallies.get(label);
            log.info(String.format(Locale.ROOT, "  %-16s %4d recordings, %6d windows %s%s%s", label,
                    dataset.recordingCount(label), dataset.windowCount(label),
                    dataset.background().contains(label) ? "(background)" : "with sound",
                    tally == null ? "" : ", " + tally.describe(),
                    skippedHere > 0 ? " (" + skippedHere + " skipped)" : ""));
            if (dataset.recordingsOf(label).isEmpty()) {
                throw new DatasetException("Sound '" + label + "' has no usable recording in "
                        + folders.get(label).stream().map(Path::toString).collect(Collectors.joining(", "))
                        + (skippedHere > 0 ? " (all " + skippedHere + " were skipped; see the warnings above)"
                        : " (the folder holds no .wav file)")
                        + ". Record it, or leave it out of the sounds to learn.", Setting.SOUNDS);
            }
        }
    }

    /** Segments found or read per sound, for the log. */
    private static final class SegmentTally {
        private int segments;
        private double seconds;
        private int detected;
        private int fromSrt;
        private final List<Double> sustains = new ArrayList<>();

        void add(RecordingSegments.Result result, List<Double> sustains) {
            segments += result.segments().size();
            this.sustains.addAll(sustains);
            seconds += result.soundSeconds();
            if (result.origin() == RecordingSegments.Origin.DETECTED) {
                detected++;
            } else {
                fromSrt++;
            }
        }

        String describe() {
            return String.format(Locale.ROOT, "%d segments, %.1f s of sound (%s)", segments, seconds,
                    fromSrt > 0 && detected > 0 ? fromSrt + " recordings with SRT, " + detected + " detected"
                    : detected > 0 ? "detected" : "from SRT");
        }
    }

    private List<Object> readAll(List<RecordingReader.Source> sources) throws DatasetException {
        ThreadLocal<FeatureExtractor> extractors = ThreadLocal.withInitial(() -> new FeatureExtractor(settings));
        RecordingReader reader = new RecordingReader(settings, options);
        // Reading thousands of recordings takes minutes; a line per tenth tells the user it is moving.
        int step = Math.max(PROGRESS_MINIMUM, sources.size() / 10);
        AtomicInteger done = new AtomicInteger();
        try {
            return Parallel.map(sources, threads, source -> {
                int count = done.incrementAndGet();
                if (count % step == 0 && count < sources.size()) {
                    log.info("  read " + count + " of " + sources.size() + " recordings");
                }
                try {
                    return (Object) reader.read(source, extractors.get());
                } catch (UnreadableRecordingException e) {
                    return new SkippedRecording(source.name(), source.label(), e.reason());
                } catch (RuntimeException e) {
                    // A decoder bug must not cost the user the other recordings; the file is named either way.
                    return new SkippedRecording(source.name(), source.label(), "cannot be decoded: " + e);
                }
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DatasetException("Interrupted while reading recordings");
        } catch (OutOfMemoryError e) {
            // Not the fault of the file being read when it struck: the heap is too small for the whole set.
            throw new DatasetException("Ran out of memory reading " + sources.size() + " recordings (the JVM may use "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MB). Give the JVM more heap (-Xmx2g, for"
                    + " example), or train on fewer or shorter recordings.", Setting.HEAP);
        }
    }

    private static void requireDirectory(Path recordingsDirectory) throws DatasetException {
        if (!Files.isDirectory(recordingsDirectory)) {
            throw new DatasetException("The recordings folder " + recordingsDirectory + " does not exist"
                    + (Files.exists(recordingsDirectory) ? " as a folder" : "")
                    + ". Put one sub-folder of WAV files per sound there, or point the recordings folder elsewhere.",
                    Setting.RECORDINGS_DIRECTORY);
        }
    }

}
