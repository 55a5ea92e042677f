package dev.parrot.dataset;

import dev.parrot.audio.Recording;
import dev.parrot.audio.UnreadableRecordingException;
import dev.parrot.audio.WavDecoder;
import dev.parrot.features.FeatureExtractor;
import dev.parrot.features.FeatureSettings;
import dev.parrot.features.SoundWindows;
import dev.parrot.segments.RecordingSegments;
import dev.parrot.segments.SegmentFinder;
import dev.parrot.segments.SrtException;
import dev.parrot.segments.SrtLocator;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Turns one recording into the features of its windows, by what the recording is: a short take of a sound (the
 * windows near its loudest), a long recording of a sound with segments (the windows in its segments, and those
 * between them as the silence label), or background (every window). The samples are dropped once the features are
 * made; long recordings are cut into parts of {@link #PART_SECONDS}, so that cross-validation can keep some parts of a
 * recording for testing while the others train.
 */
final class RecordingReader {

    static final double PART_SECONDS = 10;

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
     */
    record Read(List<RecordingFeatures> parts, RecordingSegments.Result segments) {
    }

    private final FeatureSettings settings;
    private final DatasetOptions options;

    RecordingReader(FeatureSettings settings, DatasetOptions options) {
        this.settings = settings;
        this.options = options;
    }

    Read read(Source source, FeatureExtractor extractor) throws UnreadableRecordingException {
        Recording recording = WavDecoder.read(source.file()).resampledTo(settings.sampleRate());
        float[] samples = recording.samples();
        if (source.kind() == Kind.BACKGROUND) {
            int[] all = SoundWindows.allStarts(samples.length, settings);
            return new Read(parts(source, samples, all, source.label(), true, extractor), null);
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
                segments = RecordingSegments.fromSrt(srt.get(), source.label(), recording.durationSeconds(),
                        options.silenceLabel());
            } catch (SrtException e) {
                throw new UnreadableRecordingException(source.file(), "its segments cannot be read: "
                        + e.getMessage());
            }
        } else if (SoundFolders.isLongRecording(source.soundFolder(), source.file(), recording.durationSeconds())) {
            try {
                segments = RecordingSegments.detect(samples, settings.sampleRate(), source.label(),
                        detectedSrt(source));
            } catch (IOException e) {
                throw new UnreadableRecordingException(source.file(), "cannot write the segments found in it: "
                        + e.getMessage());
            }
        } else {
            return new Read(List.of(take(source, recording, extractor)), null);
        }
        if (segments.segments().isEmpty()) {
            throw new UnreadableRecordingException(source.file(), segments.origin() == RecordingSegments.Origin.SRT
                    ? "no sound: its segments file " + segments.file() + " marks none within the audio"
                    : String.format(Locale.ROOT, "no sound found: nothing rises %.0f dB above the recording's noise"
                            + " floor. Mark the sound in %s beside it", SegmentFinder.RISE_DB,
                            SrtLocator.recordingName(source.file().getFileName().toString())
                                    + SrtLocator.MANUAL_SUFFIX));
        }
        SegmentWindows.Split split = SegmentWindows.split(SoundWindows.allStarts(samples.length, settings),
                settings.windowSamples(), settings.sampleRate(), segments.segments());
        List<RecordingFeatures> parts = new ArrayList<>(parts(source, samples, split.sound(), source.label(), true,
                extractor));
        if (options.learnSilence()) {
            parts.addAll(parts(source, samples, split.between(), options.silenceLabel(), false, extractor));
        }
        return new Read(parts, segments);
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

    /**
     * The windows at {@code starts}, grouped into parts of {@link #PART_SECONDS}; a recording no longer than one part
     * stays whole. Parts that carry the audio's duration count it; the others count none, so no second is counted
     * twice.
     */
    private List<RecordingFeatures> parts(Source source, float[] samples, int[] starts, String label,
            boolean countsDuration, FeatureExtractor extractor) {
        int rate = settings.sampleRate();
        int partSamples = (int) Math.round(PART_SECONDS * rate);
        boolean whole = samples.length <= partSamples;
        List<RecordingFeatures> parts = new ArrayList<>();
        int from = 0;
        while (from < starts.length) {
            int part = starts[from] / partSamples;
            int to = from;
            while (to < starts.length && starts[to] / partSamples == part) {
                to++;
            }
            int partStart = part * partSamples;
            int partEnd = Math.min(samples.length, partStart + partSamples);
            double seconds = countsDuration ? (partEnd - partStart) / (double) rate : 0;
            parts.add(new RecordingFeatures(source.name(), label, seconds,
                    features(samples, starts, from, to, extractor), whole ? "" : partName(partStart, partEnd, rate)));
            from = to;
        }
        return parts;
    }

    private static float[][] features(float[] samples, int[] starts, int from, int to, FeatureExtractor extractor) {
        float[][] windows = new float[to - from][];
        for (int i = from; i < to; i++) {
            windows[i - from] = extractor.extract(samples, starts[i]);
        }
        return windows;
    }

    private static String partName(int start, int end, int rate) {
        return clock(start / rate) + "-" + clock((end + rate - 1) / rate);
    }

    private static String clock(int seconds) {
        return String.format(Locale.ROOT, "%d:%02d", seconds / 60, seconds % 60);
    }
}
