package dev.parrot.maven.report;

import java.text.MessageFormat;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The report's words and number formats for one locale, from {@code parrot-report.properties} and its translations.
 * Every label is a {@link MessageFormat} pattern.
 */
public final class ReportLabels {

    static final String BUNDLE = "parrot-report";

    private final ResourceBundle bundle;
    private final Locale locale;

    private ReportLabels(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /**
     * The labels for a locale. A locale without a translation gets the English labels, not those of the JVM's default
     * locale: the site's locale decides, not the machine that builds it. Maven's "default" site locale is the root
     * locale, whose dates read "2026 Mar 14"; it gets English formats, like its labels.
     */
    public static ReportLabels forLocale(Locale locale) {
        Locale l = locale == null || locale.getLanguage().isEmpty() ? Locale.ENGLISH : locale;
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, l, ReportLabels.class.getClassLoader(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new ReportLabels(bundle, l);
    }

    public Locale locale() {
        return locale;
    }

    /** The label for a key, with its arguments filled in. */
    public String get(String key, Object... args) {
        String pattern;
        try {
            pattern = bundle.getString(key);
        } catch (MissingResourceException e) {
            throw new IllegalArgumentException("No label '" + key + "' in " + BUNDLE + ".properties", e);
        }
        return new MessageFormat(pattern, locale).format(args);
    }

    /** A share as a percentage with one decimal: {@code 0.9669 -> "96.7%"}. */
    public String percent(double share) {
        NumberFormat f = NumberFormat.getPercentInstance(locale);
        f.setMinimumFractionDigits(1);
        f.setMaximumFractionDigits(1);
        return f.format(share);
    }

    /** A number with at most {@code decimals} decimals, grouped the locale's way. */
    public String number(double value, int decimals) {
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMinimumFractionDigits(0);
        f.setMaximumFractionDigits(decimals);
        return f.format(value);
    }

    /** A count, grouped the locale's way. */
    public String count(long value) {
        return NumberFormat.getIntegerInstance(locale).format(value);
    }

    /** A duration the way a person says it: "850 ms", "6.3 s", "2 min 5 s", "1 h 4 min". */
    public String duration(long millis) {
        if (millis < 1000) {
            return count(millis) + " ms";
        }
        if (millis < 60_000) {
            return number(millis / 1000.0, 1) + " s";
        }
        Duration d = Duration.ofSeconds(Math.round(millis / 1000.0));
        if (d.toHours() == 0) {
            return d.toMinutes() + " min " + d.toSecondsPart() + " s";
        }
        return d.toHours() + " h " + d.toMinutesPart() + " min";
    }

    /** The date of an ISO-8601 instant in the locale's medium style, in UTC; the text itself when it is not one. */
    public String date(String iso) {
        if (iso == null || iso.isBlank()) {
            return "?";
        }
        try {
            return DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale)
                    .withZone(ZoneOffset.UTC).format(Instant.parse(iso));
        } catch (DateTimeParseException e) {
            return iso;
        }
    }

    /** An ISO-8601 instant in the locale's medium date-time style, in UTC; the text itself when it is not one. */
    public String instant(String iso) {
        if (iso == null || iso.isBlank()) {
            return "?";
        }
        try {
            return DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withLocale(locale)
                    .withZone(ZoneOffset.UTC).format(Instant.parse(iso)) + " UTC";
        } catch (DateTimeParseException e) {
            return iso;
        }
    }
}
