package dev.parrot.maven;

import dev.parrot.Setting;

import java.util.EnumMap;
import java.util.Map;

/**
 * The core's settings as a Maven user sets them: the parameter and its property. The core names a setting by its
 * own request's name, since it is also used outside Maven ({@link dev.parrot.ParrotException#setting()}, the setting
 * of a {@link dev.parrot.ProgressLog} line); the goals add the Maven name to what they report.
 */
final class MavenSettings {

    private static final Map<Setting, String> IN_MAVEN = new EnumMap<>(Map.ofEntries(
            Map.entry(Setting.SOUNDS, "the <sounds> parameter (-Dparrot.sounds=a,b)"),
            Map.entry(Setting.RECORDINGS_DIRECTORY, "the <recordingsDirectory> parameter (-Dparrot.recordings=...)"),
            Map.entry(Setting.INPUT, "-Dparrot.input=<file or folder> (or <input> in the plugin's configuration)"),
            Map.entry(Setting.SOUND, "-Dparrot.sound=<sound> (or <sound> in the plugin's configuration)"),
            Map.entry(Setting.MICROPHONE, "-Dparrot.microphone=<device name> (or <microphone> in the"
                    + " plugin's configuration)"),
            Map.entry(Setting.SECONDS, "-Dparrot.seconds=<seconds> (or <seconds> in the plugin's configuration)"),
            Map.entry(Setting.MODEL_NAME, "the <modelName> parameter (-Dparrot.modelName=...)"),
            Map.entry(Setting.FOLDS, "the <folds> parameter (-Dparrot.folds=5)"),
            Map.entry(Setting.BALANCE, "the <automaticDatasetBalancing> parameter (-Dparrot.balance=true)"),
            Map.entry(Setting.LEARN_SILENCE, "the <learnSilence> parameter (-Dparrot.learnSilence=false)"),
            Map.entry(Setting.SOUND_KINDS, "the <heldSounds> and <shortSounds> parameters"
                    + " (-Dparrot.heldSounds=hiss,whistle)"),
            Map.entry(Setting.FALSE_ALARMS_PER_MINUTE, "the <falseAlarmsPerMinute> parameter"
                    + " (-Dparrot.falseAlarmsPerMinute=1)"),
            Map.entry(Setting.AUGMENTATION, "the <augmentationCopies> and <augmentationContext> parameters"
                    + " (-Dparrot.augmentationCopies=1)"),
            Map.entry(Setting.HEAP, "MAVEN_OPTS=-Xmx2g (the heap of the JVM Maven runs in)")));

    private MavenSettings() {
    }

    /** Maven's name for a core setting, or null for none. */
    static String of(Setting setting) {
        return setting == null ? null : IN_MAVEN.get(setting);
    }

    /** The message with " In Maven: <parameter and property>." added when it is about a setting. */
    static String withMavenName(String message, Setting setting) {
        String inMaven = of(setting);
        return inMaven == null ? message : message + " In Maven: " + inMaven + ".";
    }
}
