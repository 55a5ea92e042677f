package dev.parrot.live;

import dev.parrot.segments.Segment;
import dev.parrot.segments.SegmentFinder;
import dev.parrot.segments.SrtLocator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * What a {@link Recorder} wrote.
 *
 * @param sound the sound recorded
 * @param background whether it was background, learned whole
 * @param wav the recording
 * @param srt the takes as SRT, or null for background or when none was found
 * @param seconds the recording's length
 * @param takes the takes found, in time order; null for background
 * @param noiseFloorDbfs the noise floor the takes rose above
 * @param peakDbfs the loudest sample
 * @param clips how often the input clipped (samples in a row at full scale)
 */
public record RecordResult(String sound, boolean background, Path wav, Path srt, double seconds, List<Segment> takes,
        double noiseFloorDbfs, double peakDbfs, int clips) {

    /** What was recorded and found, for the log. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        lines.add(String.format(Locale.ROOT, "Recorded %.1f s of %s: %s", seconds, sound, wav));
        if (background) {
            lines.add("Background is learned whole (every window), so no takes are looked for in it.");
        } else if (!takes.isEmpty()) {
            double[] ms = takes.stream().mapToDouble(t -> t.seconds() * 1000).sorted().toArray();
            lines.add(String.format(Locale.ROOT, "%d take%s of %s, %.0f to %.0f ms (median %.0f ms), above a noise"
                    + " floor of %.0f dBFS: %s", ms.length, ms.length == 1 ? "" : "s", sound, ms[0],
                    ms[ms.length - 1], ms[ms.length / 2], noiseFloorDbfs, srt));
        }
        return lines;
    }

    /** What went wrong that the person at the microphone can put right, for the log's warnings. */
    public List<String> warnings() {
        List<String> warnings = new ArrayList<>();
        if (clips > 0) {
            warnings.add(String.format(Locale.ROOT, "The input clipped %d time%s (the waveform cut flat at full"
                    + " scale), which distorts the sound: turn the microphone's gain down or move back, and record"
                    + " again.", clips, clips == 1 ? "" : "s"));
        }
        if (!background && takes.isEmpty()) {
            warnings.add(String.format(Locale.ROOT, "No take found in %s: nothing rose %.0f dB above the noise floor"
                    + " (%.0f dBFS; the loudest sample %.0f dBFS). Too quiet to segment: move closer or turn the gain"
                    + " up and record again, or mark the takes by hand in %s beside it; training skips it until"
                    + " then.", wav.getFileName(), SegmentFinder.RISE_DB, noiseFloorDbfs, peakDbfs,
                    SrtLocator.recordingName(wav.getFileName().toString())
                            + SrtLocator.MANUAL_SUFFIX));
        }
        return warnings;
    }
}
