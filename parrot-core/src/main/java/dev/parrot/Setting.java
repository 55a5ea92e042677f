package dev.parrot;

/**
 * A setting the user changes to fix a failure or to act on a log line, named as the core's requests name it. The
 * core is also used outside Maven, so it never says {@code <sounds>} or {@code -Dparrot.sounds}: a tool that sets
 * these under other names (the Maven goals: a parameter and its property) adds its name to what it reports. See
 * {@link ParrotException#setting()} and {@link ProgressLog#info(String, Setting)}.
 */
public enum Setting {
    /** The sounds to learn. */
    SOUNDS("sounds"),
    /** The folder of one sub-folder per sound. */
    RECORDINGS_DIRECTORY("recordingsDirectory"),
    /** The recordings to classify, or the WAV file to record or listen from instead of a microphone. */
    INPUT("input"),
    /** The one sound to record. */
    SOUND("sound"),
    /** The microphone to record or listen from. */
    MICROPHONE("microphone"),
    /** How long to record or listen. */
    SECONDS("seconds"),
    /** The model's file names. */
    MODEL_NAME("modelName"),
    /** Cross-validation's folds. */
    FOLDS("folds"),
    /** Parrot.py's automatic data set balancing. */
    BALANCE("balance"),
    /** Whether the audio between sound segments is learned as silence. */
    LEARN_SILENCE("learnSilence"),
    /** The false alarms per minute the detector's thresholds are calibrated for. */
    FALSE_ALARMS_PER_MINUTE("falseAlarmsPerMinute"),
    /** The sounds whose kind (short or held) is set rather than inferred. */
    SOUND_KINDS("soundKinds"),
    /** The varied copies of the recordings trained on. */
    AUGMENTATION("augmentation"),
    /** Not a request's value: the memory the JVM may use. */
    HEAP("heap");

    private final String coreName;

    Setting(String coreName) {
        this.coreName = coreName;
    }

    /** The name of the request's component (or, for {@link #HEAP}, of the resource). */
    public String coreName() {
        return coreName;
    }
}
