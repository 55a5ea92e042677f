package dev.parrot.live;

import dev.parrot.ParrotException;
import dev.parrot.Setting;
import dev.parrot.audio.StreamingWavWriter;
import dev.parrot.audio.UnreadableRecordingException;
import dev.parrot.audio.WavDecoder;
import dev.parrot.model.AtomicFile;
import dev.parrot.runtime.AudioSource;
import dev.parrot.runtime.Microphone;
import dev.parrot.segments.SegmentFinder;
import dev.parrot.segments.SrtFormat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

/**
 * Records a sound's takes into its folder as Parrot.py does: the audio as {@code <sound>/source/<timestamp>.wav}
 * (16 kHz mono 16-bit) and the takes found in it by the automatic segmentation ({@link SegmentFinder}, as training
 * finds them in plain long recordings) as {@code <sound>/segments/<timestamp>.v1.srt}, where training reads them as
 * they are. The audio goes to disk as it comes; a {@link Progress} after each chunk feeds a level meter and a running
 * count of the takes.
 *
 * <p>{@link #stop()} and {@link #finish()} may be called from another thread (the Enter key's, a shutdown hook): what
 * was recorded up to then is written whole.
 */
public final class Recorder {

    /** The rate recordings are written at: Parrot.py's, the models'. */
    public static final int SAMPLE_RATE = Microphone.SAMPLE_RATE;

    /**
     * The segmentation version in the SRT's name. Parrot.py numbers its own from 1 up and reads the highest: a
     * segmentation Parrot.py writes later wins over this one, as a hand-made {@code .MANUAL.srt} does.
     */
    static final String SRT_SUFFIX = ".v1.srt";

    /** How much audio each read asks for: the meter moves ten times a second. */
    static final double CHUNK_SECONDS = 0.1;

    /** How often the running count of takes is brought up to date, in seconds of audio, at the least. */
    static final double COUNT_EVERY_SECONDS = 0.5;

    /**
     * Counting sorts every frame level so far, so it costs more the longer the recording: it is brought up to date
     * after this share of the recording's length at the most (every 6 s ten minutes in), which keeps its cost per
     * second of audio the same however long the recording (see {@code RecorderTiming} in the benchmarks).
     */
    static final double COUNT_EVERY_SHARE = 0.01;

    /** A sample this close to full scale is where the input clipped. */
    static final float FULL_SCALE = 32766f / 32767f;

    /** Samples in a row at full scale that make a clip: a waveform flattened against the top, not a single peak. */
    static final int CLIP_RUN = 3;

    private static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HH-mm-ss");

    /**
     * How the recording is going, after each chunk.
     *
     * @param seconds audio recorded
     * @param levelDbfs the RMS level of the last chunk
     * @param peakDbfs its peak level
     * @param takes takes found so far (none for background)
     * @param clipping whether the last chunk clipped
     */
    public record Progress(double seconds, double levelDbfs, double peakDbfs, int takes, boolean clipping) {
    }

    /** Receives the progress; called on the recording thread, so it must return quickly. */
    @FunctionalInterface
    public interface Display {
        Display NONE = progress -> {
        };

        void show(Progress progress);
    }

    private final RecordRequest request;
    private final Path wav;
    private final Path srt;
    private final StreamingWavWriter writer;
    private final SegmentFinder.FrameLevels levels = new SegmentFinder.FrameLevels(SAMPLE_RATE);
    private float[] asWritten = new float[0];
    private int takes;
    private long lastCount;
    private int clips;
    private int clipRun;
    private float peak;
    private volatile boolean stopped;
    private boolean finished;
    private RecordResult result;

    private Recorder(RecordRequest request, Path wav, Path srt, StreamingWavWriter writer) {
        this.request = request;
        this.wav = wav;
        this.srt = srt;
        this.writer = writer;
    }

    /**
     * Starts a recording of the request's sound, named after {@code now}.
     *
     * @throws ParrotException when the sound's name cannot be a folder
     * @throws IOException when the folder or the file cannot be made
     */
    public static Recorder start(RecordRequest request, LocalDateTime now) throws ParrotException, IOException {
        String sound = request.sound();
        if (sound == null || sound.isBlank() || !sound.strip().equals(sound) || sound.startsWith(".")
                || sound.matches(".*[/\\\\:*?\"<>|].*")) {
            throw new ParrotException("'" + (sound == null ? "" : sound) + "' cannot be a sound's folder: name the"
                    + " sound to record, e.g. click (letters, digits, '-' or '_').", Setting.SOUND);
        }
        Path folder = request.recordingsDirectory().resolve(sound);
        String name = NAME.format(now);
        Path source = folder.resolve("source");
        // Two recordings in one second, or one there from before: the later gets a number.
        String unique = name;
        for (int n = 2; Files.exists(source.resolve(unique + ".wav")); n++) {
            unique = name + "_" + n;
        }
        Path wav = source.resolve(unique + ".wav");
        Path srt = request.background() ? null : folder.resolve("segments").resolve(unique + SRT_SUFFIX);
        return new Recorder(request, wav, srt, StreamingWavWriter.create(wav, SAMPLE_RATE));
    }

    /** The recording's file, once finished. */
    public Path file() {
        return wav;
    }

    /**
     * Records from {@code source} (at {@link #SAMPLE_RATE}) until it ends or {@link #stop()} is called. The source
     * is not closed.
     *
     * @throws IOException when the source cannot be read or the audio cannot be written
     */
    public void record(AudioSource source, Display display) throws IOException {
        if (source.sampleRate() != SAMPLE_RATE) {
            throw new IllegalArgumentException("A recorder takes " + SAMPLE_RATE + " Hz audio, not "
                    + source.sampleRate() + " Hz");
        }
        float[] chunk = new float[(int) Math.round(CHUNK_SECONDS * SAMPLE_RATE)];
        while (!stopped) {
            int n = source.read(chunk, 0, chunk.length);
            if (n < 0) {
                break;
            }
            synchronized (this) {
                if (finished) {
                    break;
                }
                writer.write(chunk, 0, n);
                display.show(measure(chunk, n));
            }
        }
    }

    /** Makes {@link #record} return after the chunk it is on; safe from any thread. */
    public void stop() {
        stopped = true;
    }

    private Progress measure(float[] chunk, int n) {
        double sum = 0;
        float chunkPeak = 0;
        boolean clipping = false;
        if (asWritten.length < n) {
            asWritten = new float[n];
        }
        for (int i = 0; i < n; i++) {
            float a = Math.abs(chunk[i]);
            sum += a * (double) a;
            chunkPeak = Math.max(chunkPeak, a);
            if (a >= FULL_SCALE) {
                if (++clipRun == CLIP_RUN) {
                    clips++;
                    clipping = true;
                }
            } else {
                clipRun = 0;
            }
            asWritten[i] = quantized(chunk[i]);
        }
        levels.add(asWritten, 0, n);
        peak = Math.max(peak, chunkPeak);
        long recorded = writer.samples();
        if (!request.background()
                && recorded - lastCount >= Math.max(COUNT_EVERY_SECONDS * SAMPLE_RATE, COUNT_EVERY_SHARE * recorded)) {
            lastCount = recorded;
            takes = SegmentFinder.find(levels, request.sound()).segments().size();
        }
        return new Progress(recorded / (double) SAMPLE_RATE, dbfs(Math.sqrt(sum / Math.max(1, n))),
                dbfs(chunkPeak), takes, clipping);
    }

    /** The sample as it reads back from the file: the running count measures what training will. */
    private static float quantized(float x) {
        return Math.round(Math.max(-1f, Math.min(1f, x)) * 32767f) * (1f / 32767f);
    }

    private static double dbfs(double amplitude) {
        return 20 * Math.log10(amplitude + 1e-9);
    }

    /**
     * Ends the recording: the WAV file is completed and moved into place, the takes are found in it as training
     * would find them and written as SRT. Safe from any thread, and called again returns the same result.
     *
     * @return what was recorded, or null when no audio came at all (then nothing is written)
     * @throws IOException when a file cannot be written (the message names it)
     */
    public synchronized RecordResult finish() throws IOException {
        if (finished) {
            return result;
        }
        finished = true;
        stopped = true;
        if (writer.samples() == 0) {
            writer.abandon();
            return null;
        }
        writer.finish();
        SegmentFinder.Found found;
        try {
            // Read back as training reads it: the takes written are those training would find in the file.
            found = SegmentFinder.find(WavDecoder.read(wav).samples(), SAMPLE_RATE, request.sound());
        } catch (UnreadableRecordingException e) {
            throw new IOException("The recording just written cannot be read back: " + e.getMessage(), e);
        }
        Path written = null;
        if (srt != null && !found.segments().isEmpty()) {
            byte[] text = SrtFormat.format(found.segments()).getBytes(StandardCharsets.UTF_8);
            AtomicFile.write(srt, out -> out.write(text));
            written = srt;
        }
        result = new RecordResult(request.sound(), request.background(), wav, written,
                writer.samples() / (double) SAMPLE_RATE, request.background() ? null : found.segments(),
                found.noiseFloorDbfs(), dbfs(peak), clips);
        return result;
    }
}
