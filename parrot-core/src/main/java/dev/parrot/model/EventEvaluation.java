package dev.parrot.model;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * What the model's own live detector reported on long recordings that {@code parrot:classify} played through it as a
 * stream, and, where a truth SRT lay beside a recording, how that compares with where the sounds truly are: part of
 * {@link UnseenEvaluation}.
 *
 * @param recordings one per long recording, in path order
 * @param overall the figures of the recordings with a truth SRT pooled, or null when none had one
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEvaluation(List<Recording> recordings, Figures overall) {

    public EventEvaluation {
        recordings = List.copyOf(recordings);
    }

    /**
     * @param file the path relative to the input folder
     * @param durationSeconds its length
     * @param events how many events the detector reported
     * @param srt the events as SRT
     * @param csv the events as CSV
     * @param truth the truth SRT it was compared with, or null when there was none
     * @param figures the comparison, or null without truth
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Recording(String file, double durationSeconds, int events, String srt, String csv, String truth,
            Figures figures) {
    }

    /**
     * Counted per onset as a user feels it (see {@code OnsetScore}): each true sound should give one event of that
     * sound soon after it starts, and nothing else any.
     *
     * @param onsets sounds in the truth
     * @param found of those, the ones reported in time
     * @param recall found out of onsets, 0..1
     * @param falseAlarms every other event: in the background, naming another sound, or a repeat
     * @param backgroundFalseAlarms events outside every true sound
     * @param wrongSound events naming another sound than the one there
     * @param repeats further events of a sound already found
     * @param backgroundSeconds the audio outside every true sound, which false alarms are counted per
     * @param falseAlarmsPerMinute false alarms per minute of that audio, or null when there was none
     * @param medianDelayMillis from onset to event, or null when nothing was found
     * @param p90DelayMillis the delay 90% of found sounds do not exceed, or null when nothing was found
     * @param errors Parrot.py's kinds of disagreement frame by frame, each event marked for 200 ms as in its SRT
     * @param heldSounds true segments of held sounds (0 when none, or in files written before held sounds)
     * @param heldCoverage the share of the held sounds' length reported as going on, or null without held sounds
     * @param medianStopDelayMillis from a held sound's end to its reported stop (negative: stopped early), or null
     *        when none was reported
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Figures(int onsets, int found, double recall, int falseAlarms, int backgroundFalseAlarms,
            int wrongSound, int repeats, double backgroundSeconds, Double falseAlarmsPerMinute,
            Double medianDelayMillis, Double p90DelayMillis, List<ErrorKind> errors, int heldSounds,
            Double heldCoverage, Double medianStopDelayMillis) {

        public Figures {
            errors = errors == null ? List.of() : List.copyOf(errors);
        }

        /** Figures without held sounds, as written before there were any. */
        public Figures(int onsets, int found, double recall, int falseAlarms, int backgroundFalseAlarms,
                int wrongSound, int repeats, double backgroundSeconds, Double falseAlarmsPerMinute,
                Double medianDelayMillis, Double p90DelayMillis, List<ErrorKind> errors) {
            this(onsets, found, recall, falseAlarms, backgroundFalseAlarms, wrongSound, repeats, backgroundSeconds,
                    falseAlarmsPerMinute, medianDelayMillis, p90DelayMillis, errors, 0, null, null);
        }
    }

    /**
     * @param kind e.g. "early start", "full miss"
     * @param falsePositive whether it is something heard that was not there
     * @param count how many stretches
     * @param averageMillis their mean length
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ErrorKind(String kind, boolean falsePositive, int count, double averageMillis) {
    }

    /** Whether any recording was compared with a truth. */
    public boolean measured() {
        return overall != null;
    }
}
