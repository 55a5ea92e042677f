package dev.parrot.maven.report;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page as a browser paints it, on a desktop and on a phone: headless Chromium renders the drums fixture (with
 * mistakes to listen to and a history) and the test looks for what a user should see. Catches CSS that parses but
 * paints nothing (a typo in a custom property, a selector that no longer matches) and a layout wider than a phone.
 * Runs where Debian's {@code chromium} is installed and is skipped elsewhere, except in CI (the {@code CI}
 * environment variable set, as CI services and {@code .ci/run} set it), where a missing Chromium fails it: a test
 * that CI skips silently checks nothing.
 */
class ReportScreenshotTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    /** Chromium's audio control, the player of a recording to listen to. */
    private static final int PLAYER = 0xf1f3f4;
    /** The phone's width, and the page's margin on each side of it. */
    private static final int PHONE = 390;
    private static final int MARGIN = 32;

    @TempDir
    static Path dir;
    static Path html;

    @BeforeAll
    static void writePage() throws Exception {
        ReportLabels labels = ReportLabels.forLocale(Locale.ENGLISH);
        String body = ParrotReportRendererTest.render(List.of(ParrotReportRendererTest.actionableFixture(labels)),
                labels);
        html = dir.resolve("parrot.html");
        Files.writeString(html, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Parrot</title></head>"
                + "<body style=\"font-family:sans-serif;margin:" + MARGIN + "px\">" + body + "</body></html>");
    }

    @Test
    void onADesktopTheBoxesTheMatrixThePlayersAndTheChartArePaintedInTheirColours() throws Exception {
        BufferedImage image = screenshot(1280, 3200);

        // The amber accuracy box (91.1%): a large block of one colour.
        assertTrue(pixels(image, 0xb45309, 0) > 20_000, "the accuracy box is not amber");
        // The diagonal's darkest cell (kick, 318 of 340) and a mix-up (tom heard as kick, 20 of 265).
        assertTrue(pixels(image, background(MatrixColours.cellStyle(318, 318 / 340.0, true)), 0) > 500,
                "the diagonal is not blue");
        assertTrue(pixels(image, background(MatrixColours.cellStyle(20, 20 / 265.0, false)), 0) > 500,
                "the confusions are not orange");
        assertTrue(pixels(image, PLAYER, 0) > 5_000, "no audio players");
        // The history's line of tom, whose recall rose from 62% to 91%, in its colour.
        assertTrue(pixels(image, 0x009e73, 0) > 150, "the history chart has no line for tom");
    }

    @Test
    void onAPhoneNothingSpillsPastTheScreenAndThePlayersAreInSight() throws Exception {
        BufferedImage image = screenshot(PHONE, 5600);

        // Wide tables scroll inside their own box; anything else wider than the screen would paint in the margin.
        assertEquals(0, pixels(image, -1, PHONE - MARGIN + 4), "something is wider than a phone's screen");
        assertTrue(pixels(image, PLAYER, 0) > 5_000, "the audio players are out of sight on a phone");
        assertTrue(pixels(image, 0x009e73, 0) > 60, "the history chart has no line for tom");
    }

    private static BufferedImage screenshot(int width, int height) throws Exception {
        Path png = dir.resolve("parrot-" + width + ".png");
        requireChromium();
        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile-" + width), "--screenshot=" + png,
                "--window-size=" + width + "," + height, html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium-" + width + ".log").toFile()).start();
        if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new AssertionError("chromium took more than 90 s to take a screenshot");
        }
        assertTrue(Files.isRegularFile(png), "no screenshot: " + Files.readString(dir.resolve("chromium-" + width
                + ".log")));
        return ImageIO.read(new File(png.toString()));
    }

    private static void requireChromium() {
        if (Files.isExecutable(CHROMIUM)) {
            return;
        }
        String ci = System.getenv("CI");
        if (ci != null && !ci.isEmpty() && !ci.equalsIgnoreCase("false")) {
            fail("No " + CHROMIUM + " in CI (CI=" + ci + "): the report's screenshots cannot be checked. Install"
                    + " Debian's chromium package (.ci/run does as root), or unset CI to skip this test.");
        }
        assumeTrue(false, "no " + CHROMIUM + " on this machine");
    }

    private static int background(String style) {
        return Integer.parseInt(style.substring("--bg:#".length(), "--bg:#".length() + 6), 16);
    }

    /** Pixels of a colour right of {@code fromX}; colour -1 counts every pixel that is not white. */
    private static int pixels(BufferedImage image, int rgb, int fromX) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = fromX; x < image.getWidth(); x++) {
                int c = image.getRGB(x, y) & 0xffffff;
                if (rgb < 0 ? c != 0xffffff : c == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
