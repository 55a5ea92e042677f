package dev.parrot.maven;

import dev.parrot.Setting;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

class MavenSettingsTest {

    @Test
    void aLineAboutASettingGetsItsMavenName() {
        assertEquals("Sound folders left out. In Maven: the <sounds> parameter (-Dparrot.sounds=a,b).",
                MavenSettings.withMavenName("Sound folders left out.", Setting.SOUNDS));
        assertEquals("Out of heap. In Maven: MAVEN_OPTS=-Xmx2g (the heap of the JVM Maven runs in).",
                MavenSettings.withMavenName("Out of heap.", Setting.HEAP));
        assertEquals("No setting.", MavenSettings.withMavenName("No setting.", null));
    }

    @Test
    void theLogAddsTheNameToInfoAndWarnings() {
        List<String> lines = new ArrayList<>();
        MavenProgressLog log = new MavenProgressLog(new SystemStreamLog() {
            @Override
            public void info(CharSequence content) {
                lines.add("info " + content);
            }

            @Override
            public void warn(CharSequence content) {
                lines.add("warn " + content);
            }
        });
        log.info("Silence is learned.", Setting.LEARN_SILENCE);
        log.warn("Little heap.", Setting.HEAP);
        log.info("Plain.");
        assertEquals(List.of(
                "info Silence is learned. In Maven: the <learnSilence> parameter (-Dparrot.learnSilence=false).",
                "warn Little heap. In Maven: MAVEN_OPTS=-Xmx2g (the heap of the JVM Maven runs in).",
                "info Plain."), lines);
    }

    /**
     * Every setting the core can name has a Maven name, and every parameter and property named is one the goals
     * have: a setting added to the core, or a parameter renamed, fails here.
     */
    @Test
    void everySettingIsAParameterAndPropertyOfTheGoals() throws Exception {
        String descriptor = Files.readString(Path.of("target/classes/META-INF/maven/plugin.xml"));
        List<String> unknown = new ArrayList<>();
        for (Setting s : Setting.values()) {
            String inMaven = MavenSettings.of(s);
            assertNotNull(inMaven, s + " has no Maven name");
            Matcher parameter = Pattern.compile("<([A-Za-z]+)>").matcher(inMaven);
            while (parameter.find()) {
                if (!descriptor.contains("<name>" + parameter.group(1) + "</name>")) {
                    unknown.add(parameter.group(1));
                }
            }
            Matcher property = Pattern.compile("-D(parrot\\.[A-Za-z]+)").matcher(inMaven);
            while (property.find()) {
                if (!descriptor.contains("${" + property.group(1) + "}")) {
                    unknown.add(property.group(1));
                }
            }
        }
        assertEquals(List.of(), unknown, "Maven names that are no parameter or property of the goals");
    }
}
