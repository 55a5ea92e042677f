package dev.parrot.maven.report;

import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportLabelsTest {

    @Test
    void aLocaleWithoutTranslationGetsEnglishWordsInItsOwnNumberFormat() {
        Locale previous = Locale.getDefault();
        try {
            // The machine's locale must not leak into the page.
            Locale.setDefault(Locale.FRENCH);
            ReportLabels german = ReportLabels.forLocale(Locale.GERMAN);
            assertEquals("Confusion matrix", german.get("matrix.title"));
            assertEquals("91,1 %", german.percent(0.9109).replace('\u00a0', ' '));
        } finally {
            Locale.setDefault(previous);
        }
    }

    @Test
    void mavensDefaultSiteLocaleReadsAsEnglish() {
        ReportLabels root = ReportLabels.forLocale(Locale.ROOT);
        assertEquals(Locale.ENGLISH, root.locale());
        assertEquals("Mar 14, 2026, 9:26:53 AM UTC", root.instant("2026-03-14T09:26:53Z").replace('\u202f', ' '));
        assertEquals("1,335", root.count(1335));
        assertEquals("not a date", root.instant("not a date"));
    }

    @Test
    void durationsReadTheWayPeopleSayThem() {
        ReportLabels en = ReportLabels.forLocale(Locale.ENGLISH);
        assertEquals("850 ms", en.duration(850));
        assertEquals("6.3 s", en.duration(6320));
        assertEquals("1 min 23 s", en.duration(83_250));
        assertEquals("1 h 4 min", en.duration(3_840_000));
    }

    @Test
    void everyLabelIsAMessageFormatPatternWithoutLoneApostrophes() throws Exception {
        Properties labels = new Properties();
        try (InputStream in = ReportLabels.class.getResourceAsStream("/parrot-report.properties")) {
            labels.load(new java.io.InputStreamReader(in, java.nio.charset.StandardCharsets.UTF_8));
        }
        assertFalse(labels.isEmpty());
        for (String key : labels.stringPropertyNames()) {
            String pattern = labels.getProperty(key);
            // A lone ' starts a quoted stretch in MessageFormat and swallows the placeholders after it.
            assertFalse(pattern.replace("''", "").contains("'"), key + " has a lone apostrophe: " + pattern);
            new MessageFormat(pattern, Locale.ENGLISH);
        }
    }

    @Test
    void aMissingLabelIsABugNamedByItsKey() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ReportLabels.forLocale(Locale.ENGLISH).get("no.such.label"));
        assertTrue(e.getMessage().contains("no.such.label"));
    }
}
