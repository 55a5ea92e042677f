package dev.parrot.maven.report;

import java.util.Locale;

/**
 * The colours of the confusion matrix: a blue for windows heard right, an orange for windows mixed up, their strength
 * by share, and the text colour that stands out from each. Presentation only; what the matrix says is the core's
 * {@link dev.parrot.evaluation.ConfusionAnalysis}.
 */
public final class MatrixColours {

    /** The diagonal's hue (right answers) and the confusions' hue, at full intensity: blue and orange stay apart
     * for the common kinds of colour blindness, unlike green and red. */
    private static final int[] RIGHT_HUE = {29, 95, 168};
    private static final int[] CONFUSED_HUE = {204, 76, 2};
    // Black, not a softer dark grey: only black keeps 4.5:1 on every mid-tone background where white fails too.
    private static final int[] DARK_TEXT = {0, 0, 0};

    private MatrixColours() {
    }

    /**
     * The colours of a cell. Intensity grows with the square root of the share so that a confusion of a few percent
     * is visible at a glance; the text is white or black, whichever stands out more from the background.
     */
    public static String cellStyle(long count, double share, boolean right) {
        if (count == 0) {
            return "";
        }
        double intensity = 0.08 + 0.92 * Math.sqrt(Math.max(0, Math.min(1, share)));
        int[] hue = right ? RIGHT_HUE : CONFUSED_HUE;
        int[] rgb = new int[3];
        for (int i = 0; i < 3; i++) {
            rgb[i] = (int) Math.round(255 + (hue[i] - 255) * intensity);
        }
        double background = luminance(rgb);
        boolean white = contrast(background, 1.0) > contrast(background, luminance(DARK_TEXT));
        String text = white ? "#ffffff" : "#000000";
        return String.format(Locale.ROOT, "--bg:#%02x%02x%02x;--fg:%s", rgb[0], rgb[1], rgb[2], text);
    }

    /** The legend's swatch for one hue: a gradient from the faintest to the strongest cell colour. */
    public static String legendStyle(boolean right) {
        return "--bg:linear-gradient(to right," + background(cellStyle(1, 0, right)) + ","
                + background(cellStyle(1, 1, right)) + ")";
    }

    private static String background(String style) {
        return style.substring("--bg:".length(), style.indexOf(';'));
    }

    /** WCAG contrast ratio of two luminances, 1 to 21. */
    public static double contrast(double a, double b) {
        return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    }

    /** WCAG relative luminance, 0 (black) to 1 (white). */
    public static double luminance(int[] rgb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = rgb[i] / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
