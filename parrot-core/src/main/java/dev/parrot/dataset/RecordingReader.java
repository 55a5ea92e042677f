package dev.parrot.dataset;

import dev.parrot.audio.Recording;
import dev.parrot.audio.UnreadableRecordingException;
import dev.parrot.audio.SampleStream;
import dev.parrot.audio.StreamedWindows;
import dev.parrot.audio.WavStream;
import dev.parrot.features.FeatureExtractor;
import dev.parrot.features.FeatureSettings;
import dev.parrot.features.SoundWindows;
import dev.parrot.segments.RecordingSegments;
import dev.parrot.segments.Segment;
import dev.parrot.segments.SegmentFinder;
import dev.parrot.segments.SrtException;
import dev.parrot.segments.SrtLocator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns one recording into the features of its windows, by what the recording is: a short take of a sound (the
 * windows near its loudest), a long recording of a sound with segments (the windows in its segments, and those
 * between them as the silence label), or background (every window). Long and background recordings are streamed
 * from their files and turned into features as they go, so their samples never sit in memory whole (a take, under
 * 10 s, is decoded whole: its loudest window must be known first); long recordings are cut into parts of {@link #PART_SECONDS}, so that cross-validation can keep some parts of a
 * recording for testing while the others train.
 */
final class RecordingReader {

    static final double PART_SECONDS = RecordingFeatures.PART_SECONDS;

    /** What a recording is read as. */
    enum Kind {
        SOUND, BACKGROUND
    }

    /**
     * @param label the label of its windows (of its segments, for a long recording)
     * @param file the WAV file
     * @param name its path relative to the recordings folder
     * @param soundFolder the folder it was found in
     * @param kind sound or background
     */
    record Source(String label, Path file, String name, Path soundFolder, Kind kind) {
    }

    /**
     * @param parts the features, a whole recording or its parts, with their labels
     * @param segments the segments of a long recording, null for a take or background
     * @param sustains per segment of a long recording, how long its sound stays near its loudest ({@link Sustain});
     *        empty for a take or background
     */
    record Read(List<RecordingFeatures> parts, RecordingSegments.Result segments, List<Double> sustains) {
        Read(List<RecordingFeatures> parts) {
            this(parts, null, List.of());
        }
    }

    private final FeatureSettings settings;
    private final DatasetOptions options;

    RecordingReader(FeatureSettings settings, DatasetOptions options) {
        this.settings = settings;
        this.options = options;
    }

    Read read(Source source, FeatureExtractor extractor) throws UnreadableRecordingException {
        double duration;
        try (SampleStream stream = open(source)) {
            duration = stream.durationSeconds();
        }
        if (source.kind() == Kind.BACKGROUND) {
            return new Read(streamedParts(source, extractor, null, null, null));
        }
        Optional<Path> srt;
        try {
            srt = SrtLocator.find(source.file(), source.soundFolder());
        } catch (IOException e) {
            throw new UnreadableRecordingException(source.file(), "cannot look for its segments: " + e.getMessage());
        }
        RecordingSegments.Result segments;
        if (srt.isPresent()) {
            try {
                segments = RecordingSegments.fromSrt(srt.get(), source.label(), duration, options.silenceLabel());
            } catch (SrtException e) {
                throw new UnreadableRecordingException(source.file(), "its segments cannot be read: "
                        + e.getMessage());
            }
        } else if (SoundFolders.isLongRecording(source.soundFolder(), source.file(), duration)) {
            try {
                segments = RecordingSegments.detect(frameLevels(source), source.label(), detectedSrt(source));
            } catch (IOException e) {
                throw new UnreadableRecordingException(source.file(), "cannot write the segments found in it: "
                        + e.getMessage());
            }
        } else {
            // A take is shorter than a long recording (10 s): its samples are needed together, to find its loudest.
            Recording recording;
            try (SampleStream stream = open(source)) {
                recording = new Recording(source.file(), stream.readAll(), stream.sampleRate());
            }
            return new Read(List.of(take(source, recording, extractor)));
        }
        if (segments.segments().isEmpty()) {
            throw new UnreadableRecordingException(source.file(), segments.origin() == RecordingSegments.Origin.SRT
                    ? "no sound: its segments file " + segments.file() + " marks none within the audio"
                    : String.format(Locale.ROOT, "no sound found: nothing rises %.0f dB above the recording's noise"
                            + " floor. Mark the sound in %s beside it", SegmentFinder.RISE_DB,
                            SrtLocator.recordingName(source.file().getFileName().toString())
                                    + SrtLocator.MANUAL_SUFFIX));
        }
        double[] sustains = new double[segments.segments().size()];
        List<RecordingFeatures> parts = streamedParts(source, extractor, segments.segments(), options.learnSilence()
                ? options.silenceLabel() : null, sustains);
        return new Read(parts, segments, Arrays.stream(sustains).boxed().toList());
    }

    /** The recording at the features' rate, read from its file as it is used. */
    private SampleStream open(Source source) throws UnreadableRecordingException {
        return WavStream.open(source.file()).resampledTo(settings.sampleRate());
    }

    private SegmentFinder.FrameLevels frameLevels(Source source) throws UnreadableRecordingException {
        SegmentFinder.FrameLevels levels = new SegmentFinder.FrameLevels(settings.sampleRate());
        float[] chunk = new float[16384];
        try (SampleStream stream = open(source)) {
            int n;
            while ((n = stream.read(chunk, 0, chunk.length)) >= 0) {
                levels.add(chunk, 0, n);
            }
        }
        return levels;
    }

    /**
     * The features of a long recording or a background recording, made as it streams from its file: without
     * segments every window, labelled with the source's label; with them the windows that hold a sound (the source's
     * label) and, with a {@code silenceLabel}, those between the sounds. Windows are grouped into parts of
     * {@link #PART_SECONDS}; the sound's parts come first, then those between, as the data set has always had them.
     */
    private List<RecordingFeatures> streamedParts(Source source, FeatureExtractor extractor, List<Segment> segments,
            String silenceLabel, double[] sustains) throws UnreadableRecordingException {
        int rate = settings.sampleRate();
        int window = settings.windowSamples();
        try (SampleStream stream = open(source)) {
            long length = stream.length();
            PartCollector sound = new PartCollector(source, source.label(), true, length);
            PartCollector between = silenceLabel == null ? null
                    : new PartCollector(source, silenceLabel, false, length);
            SegmentWindows.Cursor cursor = segments == null ? null : new SegmentWindows.Cursor(window, rate, segments);
            StreamedWindows windows = new StreamedWindows(stream, window, settings.hopSamples(),
                    extractor.historySamples());
            SegmentLevels levels = sustains == null ? null : new SegmentLevels(sustains, segments,
                    extractor.featureNames().indexOf(FeatureExtractor.LEVEL_FEATURE),
                    settings.hopSamples() / (double) rate);
            while (windows.next()) {
                SegmentWindows.Kind kind = cursor == null ? SegmentWindows.Kind.SOUND
                        : cursor.kindOf(Math.toIntExact(windows.start()));
                PartCollector to = kind == SegmentWindows.Kind.SOUND ? sound
                        : kind == SegmentWindows.Kind.BETWEEN ? between : null;
                if (to != null) {
                    float[] features = extractor.extract(windows.samples(), windows.offset());
                    to.add(Math.toIntExact(windows.start()), features);
                    if (levels != null && kind == SegmentWindows.Kind.SOUND) {
                        levels.add(cursor.holding(), features);
                    }
                }
            }
            if (levels != null) {
                levels.finish();
            }
            List<RecordingFeatures> parts = new ArrayList<>(sound.finish());
            if (between != null) {
                parts.addAll(between.finish());
            }
            return parts;
        }
    }

    /**
     * Groups windows of one label into parts of {@link #PART_SECONDS}; a recording no longer than one part stays
     * whole. Parts that carry the audio's duration count it; the others count none, so no second is counted twice.
     */
    private final class PartCollector {

        private final Source source;
        private final String label;
        private final boolean countsDuration;
        private final long length;
        private final int partSamples;
        private final List<RecordingFeatures> parts = new ArrayList<>();
        private final List<float[]> windows = new ArrayList<>();
        private int part = -1;

        PartCollector(Source source, String label, boolean countsDuration, long length) {
            this.source = source;
            this.label = label;
            this.countsDuration = countsDuration;
            this.length = length;
            this.partSamples = (int) Math.round(PART_SECONDS * settings.sampleRate());
        }

        void add(int start, float[] features) {
            int of = start / partSamples;
            if (of != part) {
                close();
                part = of;
            }
            windows.add(features);
        }

        List<RecordingFeatures> finish() {
            close();
            return parts;
        }

        private void close() {
            if (windows.isEmpty()) {
                return;
            }
            int rate = settings.sampleRate();
            int partStart = part * partSamples;
            int partEnd = (int) Math.min(length, partStart + (long) partSamples);
            double seconds = countsDuration ? (partEnd - partStart) / (double) rate : 0;
            // Named even when it is the whole recording: its windows are the segments' side by side, not one take,
            // which is how augmentation and the sounds' kinds tell them apart.
            parts.add(new RecordingFeatures(source.name(), label, seconds, windows.toArray(float[][]::new),
                    RecordingFeatures.partName(partStart, partEnd, rate)));
            windows.clear();
        }
    }

    /**
     * Each segment's sustain, from the levels of the windows that hold it as they stream past; a segment no window
     * holds (cut short by the end of the audio) counts by its marked length.
     */
    private static final class SegmentLevels {
        private final double[] sustains;
        private final int levelIndex;
        private final double hopSeconds;
        private float[] levels = new float[64];
        private int count;
        private int segment = -1;

        SegmentLevels(double[] sustains, List<Segment> segments, int levelIndex, double hopSeconds) {
            this.sustains = sustains;
            this.levelIndex = levelIndex;
            this.hopSeconds = hopSeconds;
            for (int i = 0; i < segments.size(); i++) {
                sustains[i] = segments.get(i).seconds();
            }
        }

        void add(int of, float[] features) {
            if (of != segment) {
                finish();
                segment = of;
            }
            if (count == levels.length) {
                levels = Arrays.copyOf(levels, count * 2);
            }
            levels[count++] = features[levelIndex];
        }

        void finish() {
            if (segment >= 0 && count > 0) {
                sustains[segment] = Sustain.seconds(levels, count, hopSeconds);
            }
            count = 0;
        }
    }

    /** Where the segments found in a plain long recording go: {@code <segments>/<folder>/<recording>.srt}. */
    private Path detectedSrt(Source source) {
        if (options.segmentsDirectory() == null) {
            return null;
        }
        Path relative = source.soundFolder().relativize(source.file());
        if (relative.getNameCount() > 1 && relative.getName(0).toString().equals("source")) {
            relative = relative.subpath(1, relative.getNameCount());
        }
        String srt = SrtLocator.recordingName(relative.getFileName().toString()) + ".srt";
        Path folder = options.segmentsDirectory().resolve(source.soundFolder().getFileName().toString());
        return (relative.getParent() == null ? folder : folder.resolve(relative.getParent().toString())).resolve(srt);
    }

    /** A short take: the windows within the silence threshold of its loudest, as one recording. */
    private RecordingFeatures take(Source source, Recording recording, FeatureExtractor extractor)
            throws UnreadableRecordingException {
        int[] starts = SoundWindows.soundStarts(recording.samples(), settings);
        if (starts.length == 0) {
            throw new UnreadableRecordingException(source.file(), "silent: no window is louder than "
                    + settings.silenceFloorDbfs() + " dBFS");
        }
        return new RecordingFeatures(source.name(), source.label(), recording.durationSeconds(),
                features(recording.samples(), starts, 0, starts.length, extractor));
    }

    private static float[][] features(float[] samples, int[] starts, int from, int to, FeatureExtractor extractor) {
        float[][] windows = new float[to - from][];
        for (int i = from; i < to; i++) {
            windows[i - from] = extractor.extract(samples, starts[i]);
        }
        return windows;
    }
}
