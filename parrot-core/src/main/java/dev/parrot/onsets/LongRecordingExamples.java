package dev.parrot.onsets;

import dev.parrot.audio.SampleStream;
import dev.parrot.audio.UnreadableRecordingException;
import dev.parrot.audio.WavStream;
import dev.parrot.dataset.RecordingFeatures;
import dev.parrot.features.FeatureSettings;
import dev.parrot.features.OnsetFeatures;
import dev.parrot.runtime.OnsetRule;
import dev.parrot.segments.Segment;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * The onset examples of one long recording of a sound, as Parrot.py's recorder makes them: minutes of a sound repeated
 * with pauses, its segments marked in an SRT. Each segment's start is an onset of the sound, found by the detector's
 * rule near where the segment starts, as recorded and in copies heard in context, as a take's; each onset the rule
 * finds between the segments is the silence between the sounds, which the detector must let pass. The file is read in blocks
 * of {@link #BLOCK_SECONDS}, each with the second before it (the reach of the rule's noise floor), so that an hour of
 * audio never sits in memory.
 */
final class LongRecordingExamples {

    /** What calibration's streams may keep of all long recordings' segment sounds together. */
    static final double SOUND_BUDGET_SECONDS = 600;
    /** A segment's sound is kept from its start for at most this long: a short sound is over well within it. */
    static final double SOUND_SECONDS = 1.5;
    private static final double BLOCK_SECONDS = 30;
    /** The rule's noise floor reaches a second back; a block starts that much early so that it has settled. */
    private static final double SETTLE_SECONDS = 1;
    /** How far before a marked start the onset may lie: a hand-marked segment starts a little late. */
    private static final double EARLY_SECONDS = 0.05;
    /** An onset this close to a segment belongs to its sound (a late mark, a double attack), not to the silence. */
    private static final double MARGIN_SECONDS = 0.1;

    /**
     * @param groups the sound's examples and the silence's, a group per part of the recording
     * @param sounds the segments' sounds for calibration
     * @param segments how many segments were read
     * @param unaligned the segments (file and start) the rule found no onset at, within 50 ms before their marked start
     *        or after it: a start marked late, or a segment without a sound
     */
    record Made(List<RecordingFeatures> groups, List<OnsetExamples.SegmentSound> sounds, int segments,
            List<String> unaligned) {
    }

    private final OnsetExamples examples;
    private final FeatureSettings settings;
    private final int segmentMillis;

    LongRecordingExamples(OnsetExamples examples, FeatureSettings settings, int segmentMillis) {
        this.examples = examples;
        this.settings = settings;
        this.segmentMillis = segmentMillis;
    }

    /**
     * @param file the WAV file
     * @param name its path relative to the recordings folder
     * @param sound the sound its segments hold
     * @param between the label of the audio between the segments
     * @param segments its segments, in time order
     * @param beds the background recordings' audio the copies are heard over
     * @param soundBudgetSeconds how much of the segments' sounds to keep for calibration
     */
    Made read(Path file, String name, String sound, String between, List<Segment> segments, List<float[]> beds,
            Random random, double soundBudgetSeconds) throws UnreadableRecordingException {
        int rate = settings.sampleRate();
        OnsetFeatures features = new OnsetFeatures(settings, segmentMillis);
        Map<String, List<float[]>> soundParts = new LinkedHashMap<>();
        Map<String, List<float[]>> betweenParts = new LinkedHashMap<>();
        List<OnsetExamples.SegmentSound> sounds = new ArrayList<>();
        List<String> unaligned = new ArrayList<>();
        int read = 0;
        long soundBudget = (long) (soundBudgetSeconds * rate);
        long block = (long) (BLOCK_SECONDS * rate);
        long settle = (long) (SETTLE_SECONDS * rate);
        // A block's last segment needs its sound and the onset segment after it.
        long tail = (long) (SOUND_SECONDS * rate) + features.segmentSamples() + settings.windowSamples()
                + 2L * settings.hopSamples();
        try (SampleStream stream = WavStream.open(file).resampledTo(rate)) {
            long length = stream.length();
            Buffer buffer = new Buffer(stream);
            int next = 0;
            for (long core = 0; core < length; core += block) {
                long from = Math.max(0, core - settle);
                long to = Math.min(length, core + block + tail);
                float[] samples = buffer.range(from, to);
                List<Integer> onsets = OnsetRule.onsets(samples, settings, examples.rule());
                long coreEnd = core + block;
                while (next < segments.size() && sample(segments.get(next).startSeconds()) < coreEnd) {
                    Segment segment = segments.get(next++);
                    long start = sample(segment.startSeconds());
                    if (start < core) {
                        continue;
                    }
                    int lead = (int) (start - from);
                    int end = (int) Math.min(samples.length, Math.min(sample(segment.endSeconds()),
                            start + (long) (SOUND_SECONDS * rate)) - from);
                    List<float[]> into = soundParts.computeIfAbsent(RecordingFeatures.partOf(start, length, rate),
                            k -> new ArrayList<>());
                    int asRecorded = examples.soundOnset(samples, onsets, lead - (int) (EARLY_SECONDS * rate),
                            Math.max(end, lead + settings.windowSamples()));
                    if (asRecorded >= 0) {
                        into.add(features.extract(samples, asRecorded));
                    } else {
                        unaligned.add(String.format(Locale.ROOT, "%s at %d:%06.3f", name,
                                (int) (segment.startSeconds() / 60), segment.startSeconds() % 60));
                    }
                    read++;
                    float[] heard = examples.fromFirstAudible(Arrays.copyOfRange(samples,
                            Math.max(0, lead - (int) (EARLY_SECONDS * rate)), Math.max(end, lead + 1)));
                    into.addAll(examples.copiesInContext(heard, beds, random, features));
                    if (heard.length > 0 && soundBudget >= heard.length) {
                        sounds.add(new OnsetExamples.SegmentSound(name, RecordingFeatures.partOf(start, length, rate),
                                sound, heard));
                        soundBudget -= heard.length;
                    }
                }
                for (int onset : onsets) {
                    long at = from + onset;
                    if (at >= core && at < coreEnd && !nearSegment(at, segments)) {
                        betweenParts.computeIfAbsent(RecordingFeatures.partOf(at, length, rate),
                                k -> new ArrayList<>()).addAll(examples.shifted(samples, onset, features));
                    }
                }
                buffer.dropBefore(coreEnd - settle);
            }
        }
        List<RecordingFeatures> groups = new ArrayList<>();
        soundParts.forEach((part, s) -> groups.add(new RecordingFeatures(name, sound, 0, s.toArray(float[][]::new),
                part)));
        betweenParts.forEach((part, s) -> groups.add(new RecordingFeatures(name, between, 0,
                s.toArray(float[][]::new), part)));
        return new Made(groups.stream().filter(g -> g.windows().length > 0).toList(), sounds, read, unaligned);
    }

    private long sample(double seconds) {
        return Math.round(seconds * settings.sampleRate());
    }

    private boolean nearSegment(long at, List<Segment> segments) {
        double seconds = at / (double) settings.sampleRate();
        for (Segment s : segments) {
            if (seconds >= s.startSeconds() - MARGIN_SECONDS && seconds <= s.endSeconds() + MARGIN_SECONDS) {
                return true;
            }
        }
        return false;
    }

    /** The stream's samples from some point on, read as far as asked and dropped once behind. */
    private static final class Buffer {
        private final SampleStream stream;
        private float[] samples = new float[0];
        private long first;
        private int count;
        private boolean ended;

        Buffer(SampleStream stream) {
            this.stream = stream;
        }

        /** Samples {@code from} (not before what was dropped) up to {@code to}, or the stream's end. */
        float[] range(long from, long to) throws UnreadableRecordingException {
            while (!ended && first + count < to) {
                if (count == samples.length) {
                    samples = Arrays.copyOf(samples, Math.max(16384, samples.length * 2));
                }
                int n = stream.read(samples, count, (int) Math.min(samples.length - count, to - first - count));
                if (n <= 0) {
                    ended = true;
                } else {
                    count += n;
                }
            }
            int a = (int) (from - first);
            int b = (int) Math.min(count, to - first);
            return Arrays.copyOfRange(samples, a, Math.max(a, b));
        }

        void dropBefore(long position) {
            int drop = (int) Math.max(0, Math.min(count, position - first));
            System.arraycopy(samples, drop, samples, 0, count - drop);
            count -= drop;
            first += drop;
        }
    }
}
