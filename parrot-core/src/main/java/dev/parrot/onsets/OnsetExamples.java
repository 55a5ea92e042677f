package dev.parrot.onsets;

import dev.parrot.Parallel;
import dev.parrot.audio.UnreadableRecordingException;
import dev.parrot.audio.WavDecoder;
import dev.parrot.augmentation.AugmentedRecordings;
import dev.parrot.augmentation.Augmenter;
import dev.parrot.augmentation.BackgroundMixer;
import dev.parrot.dataset.RecordingFeatures;
import dev.parrot.dataset.SoundDataset;
import dev.parrot.features.FeatureSettings;
import dev.parrot.features.OnsetFeatures;
import dev.parrot.features.SoundWindows;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.runtime.DetectionSettings;
import dev.parrot.runtime.OnsetRule;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The onset model's examples: onset segments where the detector will meet them. A take recorded alone starts from
 * digital silence close to full scale; a microphone hears the same noise after talking or room, tens of dB quieter. So
 * each take is also heard in context: after a stretch of the user's background recordings and over them (coloured
 * noise when there are none), at a random level across the live range. Its segment starts where the detector's own
 * onset rule ({@link OnsetRule}) finds the onset in that mix, a little early or late as the rule happens to be. The
 * segments at every onset the rule finds in the background recordings, and a few milliseconds either side, are the
 * background's: talking starts syllable after syllable, and each must be told from a click. Onsets in coloured noise of
 * changing level are {@link ModelDescriptor.OnsetModel#NO_SOUND}, so that a model without background still learns that
 * a rise alone is no sound.
 *
 * <p>The examples of one recording are kept together (a {@link RecordingFeatures} per file, its "windows" the segment
 * vectors), so that cross-validation keeps a recording's copies in the fold of the recording.
 */
public final class OnsetExamples {

    /** Copies of each take heard in context, beside the take as recorded. */
    public static final int COPIES = 6;
    /** Shifts of each background onset, in ms: the rule finds a sound's onset anywhere within a hop. */
    private static final double[] SHIFTS_MS = {0, -7.5, 7.5, -15, 15};
    /** The background audio the examples are drawn from, at most (augmentation's beds, read once). */
    public static final double BACKGROUND_SECONDS = AugmentedRecordings.MAX_BACKGROUND_SECONDS;
    /** The file name of the generated noise examples, which no recording has. */
    public static final String NOISE = "(coloured noise)";
    private static final int NOISE_GROUPS = 8;
    private static final double NOISE_SECONDS = 8;
    private static final double ROOM_DBFS = -62;

    /**
     * @param groups the examples, one entry per take, per part of a long or background recording (named as the data
     *        set names its parts), and per group of noise examples
     * @param classes the onset model's class values: the labels, then {@code NO_SOUND}
     * @param background the background recordings read, by file, at the features' rate
     * @param segmentSounds the sounds of long recordings' segments, for calibration's streams (a bounded share)
     * @param segments how many segments of long recordings were read
     * @param unalignedSegments those at whose marked start the detector's rule finds no onset (file and start): their
     *        sound is learned from its copies in context alone, and their SRT is worth a look
     */
    public record Examples(List<RecordingFeatures> groups, List<String> classes, Map<String, float[]> background,
            List<SegmentSound> segmentSounds, int segments, List<String> unalignedSegments) {

        public Examples {
            segmentSounds = segmentSounds == null ? List.of() : List.copyOf(segmentSounds);
            unalignedSegments = unalignedSegments == null ? List.of() : List.copyOf(unalignedSegments);
        }

        public Examples(List<RecordingFeatures> groups, List<String> classes, Map<String, float[]> background) {
            this(groups, classes, background, List.of(), 0, List.of());
        }
    }

    /**
     * One segment's sound from a long recording, from its first audible sample: what calibration places in a stream
     * as it places a take.
     *
     * @param file the long recording, relative to the recordings folder
     * @param part the data set's part of the recording that holds the segment's start
     * @param sound its label
     * @param samples its audio at the features' rate, at most {@link LongRecordingExamples#SOUND_SECONDS} of it
     */
    public record SegmentSound(String file, String part, String sound, float[] samples) {
    }

    private final FeatureSettings settings;
    private final int segmentMillis;
    private final DetectionSettings rule;
    private final int threads;

    public OnsetExamples(FeatureSettings settings, int segmentMillis, int threads) {
        this.settings = settings;
        this.segmentMillis = segmentMillis;
        this.rule = DetectionSettings.onsets();
        this.threads = Math.max(1, threads);
    }

    /** The segment length the examples are of. */
    public int segmentMillis() {
        return segmentMillis;
    }

    /** The onset examples of the data set's takes and background recordings. */
    public Examples make(Path recordingsDirectory, SoundDataset dataset, long seed) throws InterruptedException {
        List<String> classes = new ArrayList<>(dataset.sounds());
        classes.add(ModelDescriptor.OnsetModel.NO_SOUND);
        Map<String, float[]> background = AugmentedRecordings.backgroundAudio(recordingsDirectory, dataset,
                settings.sampleRate());
        List<float[]> beds = List.copyOf(background.values());
        List<RecordingFeatures> takes = dataset.recordings().stream()
                .filter(r -> r.part().isEmpty() && !dataset.background().contains(r.sound())).toList();
        List<RecordingFeatures> groups = new ArrayList<>(Parallel.map(takes, threads, take -> {
            float[] samples;
            try {
                samples = WavDecoder.read(recordingsDirectory.resolve(take.file())).resampledTo(settings.sampleRate())
                        .samples();
            } catch (UnreadableRecordingException e) {
                // Read a moment ago; gone or changed since. Its onsets are left out, its windows stay.
                return null;
            }
            Random random = new Random(seed * 1_000_003L + take.file().hashCode());
            return group(take.file(), take.sound(), takeSegments(samples, beds, random));
        }).stream().filter(g -> g != null && g.windows().length > 0).toList());
        Map<String, String> labelOf = new LinkedHashMap<>();
        for (RecordingFeatures r : dataset.recordings()) {
            if (dataset.background().contains(r.sound())) {
                labelOf.putIfAbsent(r.file(), r.sound());
            }
        }
        List<LongRecordingExamples.Made> longOnes = longRecordings(recordingsDirectory, dataset, beds, seed);
        List<SegmentSound> segmentSounds = new ArrayList<>();
        List<String> unaligned = new ArrayList<>();
        int segments = 0;
        for (LongRecordingExamples.Made made : longOnes) {
            groups.addAll(made.groups());
            segmentSounds.addAll(made.sounds());
            segments += made.segments();
            unaligned.addAll(made.unaligned());
        }
        List<String> files = List.copyOf(background.keySet());
        for (List<RecordingFeatures> parts : Parallel.map(files, threads, file -> byPart(file, labelOf.get(file),
                background.get(file)))) {
            groups.addAll(parts);
        }
        for (int g = 0; g < NOISE_GROUPS; g++) {
            Random random = new Random(seed * 7919L + g);
            groups.add(group(NOISE + " " + (g + 1), ModelDescriptor.OnsetModel.NO_SOUND,
                    backgroundSegments(steppedNoise(random))));
        }
        return new Examples(groups, classes, background, segmentSounds, segments, unaligned);
    }

    /**
     * The examples of the sounds' long recordings, each read from its file in blocks: its segments' starts as the
     * sound's onsets, the onsets between them as the label of the silence between the sounds (or no sound, when that
     * is not learned). An unreadable recording is left out: its windows stay.
     */
    private List<LongRecordingExamples.Made> longRecordings(Path recordingsDirectory, SoundDataset dataset,
            List<float[]> beds, long seed) throws InterruptedException {
        Map<String, String> soundOf = new LinkedHashMap<>();
        Map<String, String> betweenOf = new LinkedHashMap<>();
        for (RecordingFeatures r : dataset.recordings()) {
            if (!dataset.segments().containsKey(r.file())) {
                continue;
            }
            if (dataset.background().contains(r.sound())) {
                betweenOf.putIfAbsent(r.file(), r.sound());
            } else {
                soundOf.putIfAbsent(r.file(), r.sound());
            }
        }
        if (soundOf.isEmpty()) {
            return List.of();
        }
        double soundBudget = LongRecordingExamples.SOUND_BUDGET_SECONDS / soundOf.size();
        LongRecordingExamples reader = new LongRecordingExamples(this, settings, segmentMillis);
        return Parallel.map(List.copyOf(soundOf.keySet()), threads, file -> {
            try {
                return reader.read(recordingsDirectory.resolve(file), file, soundOf.get(file),
                        betweenOf.getOrDefault(file, ModelDescriptor.OnsetModel.NO_SOUND),
                        dataset.segments().get(file), beds, new Random(seed * 1_000_003L + file.hashCode()),
                        soundBudget);
            } catch (UnreadableRecordingException e) {
                return new LongRecordingExamples.Made(List.of(), List.of(), 0, List.of());
            }
        });
    }

    /** A background recording's examples, grouped by the data set's parts of it. */
    private List<RecordingFeatures> byPart(String file, String label, float[] samples) {
        Map<String, List<float[]>> parts = new LinkedHashMap<>();
        OnsetFeatures features = new OnsetFeatures(settings, segmentMillis);
        for (int onset : OnsetRule.onsets(samples, settings, rule)) {
            List<float[]> into = parts.computeIfAbsent(RecordingFeatures.partOf(onset, samples.length,
                    settings.sampleRate()), k -> new ArrayList<>());
            into.addAll(shifted(samples, onset, features));
        }
        List<RecordingFeatures> groups = new ArrayList<>();
        parts.forEach((part, segments) -> groups.add(new RecordingFeatures(file, label, 0,
                segments.toArray(float[][]::new), part)));
        return groups;
    }

    private RecordingFeatures group(String file, String label, List<float[]> segments) {
        return new RecordingFeatures(file, label, 0, segments.toArray(float[][]::new));
    }

    /** The take as recorded, and its copies in context, each at the onset the rule finds. */
    List<float[]> takeSegments(float[] take, List<float[]> beds, Random random) {
        OnsetFeatures features = new OnsetFeatures(settings, segmentMillis);
        List<float[]> segments = new ArrayList<>();
        int asRecorded = soundOnset(take, 0);
        if (asRecorded >= 0) {
            segments.add(features.extract(take, asRecorded));
        }
        segments.addAll(copiesInContext(fromFirstAudible(take), beds, random, features));
        return segments;
    }

    /** {@link #COPIES} copies of a sound heard in context, each at the onset the rule finds in the mix. */
    List<float[]> copiesInContext(float[] sound, List<float[]> beds, Random random, OnsetFeatures features) {
        List<float[]> segments = new ArrayList<>();
        if (sound.length == 0) {
            return segments;
        }
        for (int c = 0; c < COPIES; c++) {
            float[] mixed = inContext(sound, beds, random);
            int lead = mixed.length - sound.length;
            int onset = soundOnset(mixed, lead - settings.windowSamples() - settings.hopSamples());
            if (onset >= 0) {
                segments.add(features.extract(mixed, onset));
            }
        }
        return segments;
    }

    /**
     * The onset of the sound in {@code samples}: the last onset the rule finds at or before the loudest window, if it
     * lies at {@code earliest} or later; -1 when there is none (the detector would not find the sound either).
     */
    int soundOnset(float[] samples, int earliest) {
        return soundOnset(samples, OnsetRule.onsets(samples, settings, rule), earliest, samples.length);
    }

    /**
     * As {@link #soundOnset(float[], int)} over the rule's {@code onsets} in {@code samples}, the sound's loudest
     * window sought before {@code end} (where the next sound may be louder).
     */
    int soundOnset(float[] samples, List<Integer> onsets, int earliest, int end) {
        int loudest = 0;
        double loudestLevel = Double.NEGATIVE_INFINITY;
        int window = settings.windowSamples();
        for (int start = Math.max(0, earliest); start + window <= Math.min(end, samples.length);
                start += settings.hopSamples()) {
            double level = SoundWindows.levelDbfs(samples, start, window);
            if (level > loudestLevel) {
                loudestLevel = level;
                loudest = start;
            }
        }
        int found = -1;
        for (int onset : onsets) {
            if (onset <= loudest) {
                found = onset;
            }
        }
        return found >= earliest ? found : -1;
    }

    /** The take from a few ms before its first sample at 2% of its peak, at most a second and a half of it. */
    float[] fromFirstAudible(float[] take) {
        float peak = 0;
        for (float v : take) {
            peak = Math.max(peak, Math.abs(v));
        }
        if (peak == 0) {
            return new float[0];
        }
        int first = 0;
        while (Math.abs(take[first]) < 0.02f * peak) {
            first++;
        }
        first = Math.max(0, first - settings.sampleRate() / 200);
        int length = Math.min(take.length - first, settings.sampleRate() * 3 / 2);
        float[] out = new float[length];
        System.arraycopy(take, first, out, 0, length);
        return out;
    }

    /**
     * The sound after 0.3-1 s of background and over it: its peak at -30..0 dBFS, the background's level 10-40 dB
     * below that peak, and a quiet room under both.
     */
    private float[] inContext(float[] sound, List<float[]> beds, Random random) {
        int rate = settings.sampleRate();
        int lead = (int) ((0.3 + 0.7 * random.nextDouble()) * rate);
        float[] out = new float[lead + sound.length];
        float peak = 0;
        for (float v : sound) {
            peak = Math.max(peak, Math.abs(v));
        }
        double peakDb = -30 * random.nextDouble();
        float gain = (float) (Math.pow(10, peakDb / 20) / peak);
        for (int i = 0; i < sound.length; i++) {
            out[lead + i] = sound[i] * gain;
        }
        float[] bed = beds.isEmpty() ? noise(out.length, random) : BackgroundMixer.slice(beds, out.length, random);
        addAt(out, bed, peakDb - 10 - 30 * random.nextDouble());
        addAt(out, room(out.length, random), ROOM_DBFS);
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.max(-1f, Math.min(1f, out[i]));
        }
        return out;
    }

    /**
     * Noise of a random colour between white and brown: white noise through a one-pole low-pass whose pole is drawn.
     * Thousands of these are made per training, so not by FFT as {@link Augmenter#colouredNoise} makes its few: that
     * took a quarter of the training time on the drum set.
     */
    private static float[] noise(int length, Random random) {
        return lowPass(length, 0.98 * random.nextDouble(), random);
    }

    /** A quiet room's rumble: leaky integrated white noise, as the calibration streams' room. */
    private static float[] room(int length, Random random) {
        return lowPass(length, 0.97, random);
    }

    private static float[] lowPass(int length, double pole, Random random) {
        float[] out = new float[length];
        double y = 0;
        for (int i = 0; i < length; i++) {
            y = pole * y + random.nextGaussian();
            out[i] = (float) y;
        }
        return out;
    }

    /** Adds {@code noise} to {@code out} at an RMS level of {@code dbfs} (nothing when it is silent). */
    private static void addAt(float[] out, float[] noise, double dbfs) {
        double power = Augmenter.meanPower(noise);
        if (power <= 0) {
            return;
        }
        float scale = (float) (Math.pow(10, dbfs / 20) / Math.sqrt(power));
        for (int i = 0; i < out.length; i++) {
            out[i] += noise[i] * scale;
        }
    }

    /** The segments at every onset the rule finds, and a few ms either side. */
    List<float[]> backgroundSegments(float[] samples) {
        OnsetFeatures features = new OnsetFeatures(settings, segmentMillis);
        List<float[]> segments = new ArrayList<>();
        for (int onset : OnsetRule.onsets(samples, settings, rule)) {
            segments.addAll(shifted(samples, onset, features));
        }
        return segments;
    }

    /** The segments at a background onset and a few ms either side. */
    List<float[]> shifted(float[] samples, int onset, OnsetFeatures features) {
        List<float[]> segments = new ArrayList<>(SHIFTS_MS.length);
        for (double shift : SHIFTS_MS) {
            int at = onset + (int) Math.round(shift * settings.sampleRate() / 1000);
            if (at >= 0 && at < samples.length) {
                segments.add(features.extract(samples, at));
            }
        }
        return segments;
    }

    /** The rule the examples' onsets are found by: the detector's. */
    DetectionSettings rule() {
        return rule;
    }

    /** Coloured noise whose level jumps every 0.1-0.6 s (-60..-25 dBFS RMS), with a quiet room under it. */
    private float[] steppedNoise(Random random) {
        int rate = settings.sampleRate();
        float[] out = new float[(int) (NOISE_SECONDS * rate)];
        int at = 0;
        while (at < out.length) {
            int length = Math.min(out.length - at, (int) ((0.1 + 0.5 * random.nextDouble()) * rate));
            float[] piece = noise(length, random);
            float[] placed = new float[length];
            addAt(placed, piece, -60 + 35 * random.nextDouble());
            System.arraycopy(placed, 0, out, at, length);
            at += length;
        }
        addAt(out, room(out.length, random), ROOM_DBFS);
        return out;
    }
}
