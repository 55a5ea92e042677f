package dev.parrot.features;

import dev.parrot.audio.Recording;
import dev.parrot.audio.WavDecoder;
import dev.parrot.audio.WavWriter;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The feature contract: a model stores {@link FeatureSettings#version()} and is refused by a release that computes
 * another version, so the vector a version names must never change. This test holds the vectors of a checked-in
 * recording (a drum-like hit over room noise, 0.2 s) and fails when they change while the version stays.
 *
 * <p>When the vector is meant to change: bump {@link FeatureSettings#CURRENT_VERSION}, then rewrite the expected
 * vectors with {@code mvn -pl parrot-core test -Dtest=FeatureGoldenTest -Dparrot.features.golden.write=true} and
 * commit them. Writing refuses while the version is the one recorded, so the file cannot be "fixed" without the bump.
 */
class FeatureGoldenTest {

    private static final Path FOLDER = Path.of("src/test/resources/dev/parrot/features/golden");
    private static final Path RECORDING = FOLDER.resolve("hit.wav");
    private static final Path EXPECTED = FOLDER.resolve("vectors.txt");
    private static final boolean WRITE = Boolean.getBoolean("parrot.features.golden.write");

    /** The defaults, and a variant holding every part of the vector (Parrot.py's frames, a short context). */
    private static final List<FeatureSettings> SETTINGS = List.of(FeatureSettings.defaults(),
            FeatureSettings.defaults().withContextWindows(2).withParrotMelFrames(true));

    /** Within float rounding of Math's intrinsics on another CPU; a real change of a feature moves it far more. */
    private static final double TOLERANCE = 1e-4;

    @Test
    void theVectorOfEachVersionNeverChanges() throws Exception {
        if (WRITE && !Files.exists(RECORDING)) {
            WavWriter.writePcm16(RECORDING, hit(), 16_000);
        }
        List<String> actual = vectors(WavDecoder.read(RECORDING));
        if (WRITE) {
            write(actual);
        }
        List<String> expected = Files.readAllLines(EXPECTED, StandardCharsets.UTF_8);
        String recordedVersion = expected.get(0);
        assertEquals(FeatureSettings.CURRENT_VERSION, recordedVersion, "the feature version changed: rewrite "
                + EXPECTED + " with -Dparrot.features.golden.write=true (see this test's Javadoc)");
        assertEquals(expected.size(), actual.size(), "lines of " + EXPECTED);
        for (int line = 1; line < expected.size(); line++) {
            compare(expected.get(line), actual.get(line), line);
        }
    }

    private static void write(List<String> actual) throws IOException {
        if (Files.exists(EXPECTED)) {
            List<String> old = Files.readAllLines(EXPECTED, StandardCharsets.UTF_8);
            if (old.get(0).equals(FeatureSettings.CURRENT_VERSION)) {
                fail(EXPECTED + " already holds the vectors of " + FeatureSettings.CURRENT_VERSION
                        + ": a changed vector needs a new FeatureSettings.CURRENT_VERSION first");
            }
        }
        Files.write(EXPECTED, actual, StandardCharsets.UTF_8);
    }

    private static void compare(String expected, String actual, int line) {
        String[] e = expected.split(" ");
        String[] a = actual.split(" ");
        assertEquals(e[0], a[0], "line " + (line + 1) + " of " + EXPECTED + ": the layout");
        if (e[0].equals("names")) {
            assertEquals(expected, actual, "line " + (line + 1) + ": feature names (the vector's layout) changed"
                    + " without a new FeatureSettings.CURRENT_VERSION");
            return;
        }
        assertEquals(e.length, a.length, "line " + (line + 1) + ": the number of values");
        for (int i = 1; i < e.length; i++) {
            double x = Double.parseDouble(e[i]);
            double y = Double.parseDouble(a[i]);
            assertTrue(Math.abs(x - y) <= TOLERANCE * Math.max(1, Math.abs(x)), "line " + (line + 1) + ", value "
                    + i + ": " + y + " where " + FeatureSettings.CURRENT_VERSION + " computes " + x
                    + "; a changed vector needs a new FeatureSettings.CURRENT_VERSION");
        }
    }

    /** The version, then for each settings their names and one line per window: "window START v1 v2 ...". */
    private static List<String> vectors(Recording recording) {
        List<String> lines = new ArrayList<>();
        lines.add(FeatureSettings.CURRENT_VERSION);
        for (FeatureSettings settings : SETTINGS) {
            FeatureExtractor extractor = new FeatureExtractor(settings);
            lines.add("names " + String.join(" ", extractor.featureNames()));
            float[] samples = recording.resampledTo(settings.sampleRate()).samples();
            for (int start : SoundWindows.allStarts(samples.length, settings)) {
                float[] v = extractor.extract(samples, start);
                StringBuilder line = new StringBuilder("window_" + start);
                for (float x : v) {
                    line.append(' ').append(x);
                }
                lines.add(line.toString());
            }
        }
        return lines;
    }

    /** Room noise, then a hit: a decaying 180 Hz body under a decaying noise burst. Only used to write the file. */
    private static float[] hit() {
        int rate = 16_000;
        float[] out = new float[rate / 5];
        Random random = new Random(14);
        int onset = rate / 20;
        for (int i = 0; i < out.length; i++) {
            double x = 0.003 * (2 * random.nextDouble() - 1);
            if (i >= onset) {
                double t = (i - onset) / (double) rate;
                x += 0.6 * Math.exp(-t / 0.04) * Math.sin(2 * Math.PI * 180 * t)
                        + 0.3 * Math.exp(-t / 0.01) * (2 * random.nextDouble() - 1);
            }
            out[i] = (float) x;
        }
        return Arrays.copyOf(out, out.length);
    }
}
