package dev.parrot.maven.report;

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

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The page as a browser paints it: headless Chromium renders the drums fixture and the test looks for the colours a
 * user should see. Catches CSS that parses but paints nothing (a typo in a custom property, a selector that no longer
 * matches). Runs where Debian's {@code chromium} is installed and is skipped elsewhere.
 */
class ReportScreenshotTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");

    @Test
    void theAccuracyBoxAndTheMatrixArePaintedInTheirColours(@TempDir Path dir) throws Exception {
        assumeTrue(Files.isExecutable(CHROMIUM), "no " + CHROMIUM + " on this machine");
        String body = ParrotReportRendererTest.render(List.of(ParrotReportRendererTest.fixture("drums.json")),
                Locale.ENGLISH);
        Path html = dir.resolve("parrot.html");
        Files.writeString(html, "<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"UTF-8\"><title>Parrot</title>"
                + "</head><body style=\"font-family:sans-serif\">" + body + "</body></html>");
        Path png = dir.resolve("parrot.png");

        Process chromium = new ProcessBuilder(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--hide-scrollbars", "--user-data-dir=" + dir.resolve("profile"), "--screenshot=" + png,
                "--window-size=1280,1400", html.toUri().toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("chromium.log").toFile()).start();
        if (!chromium.waitFor(90, TimeUnit.SECONDS)) {
            chromium.destroyForcibly();
            throw new AssertionError("chromium took more than 90 s to take a screenshot");
        }
        assertTrue(Files.isRegularFile(png), "no screenshot: " + Files.readString(dir.resolve("chromium.log")));
        BufferedImage image = ImageIO.read(new File(png.toString()));

        // The amber accuracy box (91.1%): a large block of one colour.
        assertTrue(pixels(image, 0xb45309) > 20_000, "the accuracy box is not amber");
        // The diagonal's darkest cell (kick, 318 of 340) and a mix-up (tom heard as kick, 20 of 265).
        assertTrue(pixels(image, background(ModelView.cellStyle(318, 318 / 340.0, true))) > 500,
                "the diagonal is not blue");
        assertTrue(pixels(image, background(ModelView.cellStyle(20, 20 / 265.0, false))) > 500,
                "the confusions are not orange");
    }

    private static int background(String style) {
        return Integer.parseInt(style.substring("--bg:#".length(), "--bg:#".length() + 6), 16);
    }

    private static int pixels(BufferedImage image, int rgb) {
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if ((image.getRGB(x, y) & 0xffffff) == rgb) {
                    count++;
                }
            }
        }
        return count;
    }
}
