package dev.parrot.maven;

import dev.parrot.audio.WavDecoder;
import dev.parrot.audio.WavWriter;
import dev.parrot.runtime.Microphone;
import dev.parrot.training.SoundModelTrainer;
import dev.parrot.training.TrainingRequest;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.mockito.Mockito;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** The goals at the microphone, {@code record} and {@code listen}, fed from files: this machine has no microphone. */
@MojoTest
class LiveMojoTest {

    private static final int RATE = 16_000;

    /**
     * Quiet room with a 0.25 s tone every 1.25 s from 0.5 s: 300 Hz ("low") and 1200 Hz ("high") in turn, as
     * {@link TrainMojoTest#writeSounds} makes the takes of those sounds.
     *
     * @param starts filled with each tone's start in seconds
     */
    private static float[] session(int tones, List<Double> starts) {
        Random random = new Random(11);
        float[] x = new float[(int) ((0.5 + 1.25 * tones + 0.5) * RATE)];
        for (int i = 0; i < x.length; i++) {
            x[i] = (float) (0.002 * random.nextGaussian());
        }
        for (int t = 0; t < tones; t++) {
            double at = 0.5 + 1.25 * t;
            starts.add(at);
            double frequency = t % 2 == 0 ? 300 : 1200;
            int from = (int) (at * RATE);
            for (int i = 0; i < RATE / 4; i++) {
                x[from + i] += (float) (0.5 * Math.sin(2 * Math.PI * frequency * i / RATE));
            }
        }
        return x;
    }

    private static List<Path> files(Path dir) throws Exception {
        try (Stream<Path> all = Files.walk(dir)) {
            return all.filter(Files::isRegularFile).map(dir::relativize).sorted().toList();
        }
    }

    private static void deleteTree(Path dir) throws Exception {
        if (Files.exists(dir)) {
            try (Stream<Path> all = Files.walk(dir)) {
                for (Path p : all.sorted((a, b) -> b.compareTo(a)).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    private static List<String> logged(Log log, boolean warnings) {
        ArgumentCaptor<CharSequence> lines = ArgumentCaptor.forClass(CharSequence.class);
        if (warnings) {
            Mockito.verify(log, Mockito.atLeast(0)).warn(lines.capture());
        } else {
            Mockito.verify(log, Mockito.atLeast(0)).info(lines.capture());
        }
        return lines.getAllValues().stream().map(CharSequence::toString).toList();
    }

    @Test
    @InjectMojo(goal = "record", pom = "src/test/resources/unit/record/pom.xml")
    void recordsAFileIntoTheSoundsFolderWithItsTakes(RecordMojo mojo) throws Exception {
        Path recordings = ((File) getVariableValueFromObject(mojo, "recordingsDirectory")).toPath();
        Path input = ((File) getVariableValueFromObject(mojo, "input")).toPath();
        deleteTree(recordings);
        List<Double> starts = new ArrayList<>();
        float[] samples = session(6, starts);
        WavWriter.writePcm16(input, samples, RATE);
        Log log = Mockito.spy(new SystemStreamLog());
        mojo.setLog(log);

        mojo.execute();

        List<Path> written = files(recordings);
        assertEquals(2, written.size(), written.toString());
        Path wav = recordings.resolve(written.get(1));
        Path srt = recordings.resolve(written.get(0));
        assertTrue(written.get(1).toString().matches("click/source/\\d{4}-\\d\\d-\\d\\d_\\d\\d-\\d\\d-\\d\\d\\.wav"),
                written.toString());
        assertEquals(Path.of("click/segments", wav.getFileName().toString().replace(".wav", ".v1.srt")),
                written.get(0));
        assertEquals(samples.length, WavDecoder.read(wav).samples().length);
        String takes = Files.readString(srt);
        assertEquals(6, takes.split("\n\n").length, takes);
        assertTrue(takes.startsWith("1\n00:00:00,5"), takes);
        List<String> info = logged(log, false);
        assertTrue(info.stream().anyMatch(l -> l.startsWith("6 takes of click, 2") && l.endsWith(srt.toString())),
                info.toString());
        assertEquals(List.of(), logged(log, true));
    }

    @Test
    @InjectMojo(goal = "record", pom = "src/test/resources/unit/record-background/pom.xml")
    void aBackgroundSoundIsRecordedWholeForItsSeconds(RecordMojo mojo) throws Exception {
        Path recordings = ((File) getVariableValueFromObject(mojo, "recordingsDirectory")).toPath();
        Path input = ((File) getVariableValueFromObject(mojo, "input")).toPath();
        deleteTree(recordings);
        // 3 s at 44.1 kHz, of which the first 1.5 s are recorded at 16 kHz.
        Random random = new Random(3);
        float[] room = new float[3 * 44_100];
        for (int i = 0; i < room.length; i++) {
            room[i] = (float) (0.01 * random.nextGaussian());
        }
        WavWriter.writePcm16(input, room, 44_100);

        mojo.execute();

        List<Path> written = files(recordings);
        assertEquals(1, written.size(), written.toString());
        assertTrue(written.get(0).startsWith(Path.of("talking/source")), written.toString());
        var read = WavDecoder.read(recordings.resolve(written.get(0)));
        assertEquals(RATE, read.sampleRate());
        assertEquals(1.5 * RATE, read.samples().length);
    }

    @Test
    @InjectMojo(goal = "record")
    void withoutASoundRecordSaysWhichPropertyToSet(RecordMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("-Dparrot.sound=<sound>"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "record", pom = "src/test/resources/unit/record/pom.xml")
    void anUnreadableInputFailsNamingTheFile(RecordMojo mojo) throws Exception {
        Path input = ((File) getVariableValueFromObject(mojo, "input")).toPath();
        Files.createDirectories(input.getParent());
        Files.write(input, new byte[] {1, 2, 3});

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().startsWith(input.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("-Dparrot.input="), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "record", pom = "src/test/resources/unit/record/pom.xml")
    void anInputThatEndsEarlyFailsNamingTheFile(RecordMojo mojo) throws Exception {
        Path input = ((File) getVariableValueFromObject(mojo, "input")).toPath();
        WavWriter.writePcm16(input, session(6, new ArrayList<>()), RATE);
        // Its header promises the whole session; the file stops a third of the way in, as a copy cut short would.
        byte[] whole = Files.readAllBytes(input);
        Files.write(input, java.util.Arrays.copyOf(whole, whole.length / 3));

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().startsWith(input.toString()), e.getMessage());
        assertTrue(e.getMessage().contains("truncated"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dparrot.input="), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "record", pom = "src/test/resources/unit/live-no-device/pom.xml")
    void withoutAConsoleOrSecondsRecordSaysHowToEndIt(RecordMojo mojo) throws Exception {
        assumeTrue(System.console() == null, "the tests run with a console");
        setVariableValueToObject(mojo, "seconds", 0.0);

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().startsWith("Nothing would end the session: there is no console to press Enter in."),
                e.getMessage());
        assertTrue(e.getMessage().contains("-Dparrot.seconds=<seconds>"), e.getMessage());
        assertTrue(e.getMessage().contains("-Dparrot.input="), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "record", pom = "src/test/resources/unit/live-no-device/pom.xml")
    void withoutAMicrophoneRecordFailsNamingWhatIsMissingAndWritesNothing(RecordMojo mojo) throws Exception {
        assumeTrue(Microphone.names().isEmpty(), "this machine has a microphone");
        Path recordings = ((File) getVariableValueFromObject(mojo, "recordingsDirectory")).toPath();

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().startsWith("No microphone can record 16000 Hz 16-bit mono audio here"),
                e.getMessage());
        assertTrue(e.getMessage().contains("In Maven: -Dparrot.input="), e.getMessage());
        assertTrue(!Files.exists(recordings.resolve("click")), "nothing written");

        setVariableValueToObject(mojo, "microphone", "Yeti");
        e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("No microphone named 'Yeti'"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "listen", pom = "src/test/resources/unit/listen/pom.xml")
    void listensToAFileAndPrintsEachEventWithASummary(ListenMojo mojo) throws Exception {
        Path models = ((File) getVariableValueFromObject(mojo, "outputDirectory")).toPath();
        Path input = ((File) getVariableValueFromObject(mojo, "input")).toPath();
        Path recordings = input.getParent().resolve("recordings");
        deleteTree(input.getParent());
        TrainMojoTest.writeSounds(recordings, "low", "high");
        new SoundModelTrainer().train(TrainingRequest.defaults(recordings, models, "unit")
                .withClassifier("random-forest", "-I 10").withSeedAndFolds(42, 2));
        List<Double> starts = new ArrayList<>();
        WavWriter.writePcm16(input, session(6, starts), RATE);
        Log log = Mockito.spy(new SystemStreamLog());
        mojo.setLog(log);

        mojo.execute();

        List<String> info = logged(log, false);
        List<String[]> events = info.stream().filter(l -> l.matches(" *\\d+\\.\\d{3} s .*"))
                .map(l -> l.trim().split(" +")).toList();
        // The tones, one event each, of their sound, when they start. (This small model, trained without background,
        // may also fire on the room at -54 dBFS: those are left out here.)
        List<String[]> begins = events.stream().filter(f -> f[6].equals("once") || f[6].equals("start")).toList();
        List<String[]> loud = begins.stream().filter(f -> Double.parseDouble(f[4]) > -30).toList();
        assertEquals(6, loud.size(), info.toString());
        for (int t = 0; t < 6; t++) {
            String[] f = loud.get(t);
            assertEquals(starts.get(t), Double.parseDouble(f[0]), 0.05, String.join(" ", f));
            assertEquals(t % 2 == 0 ? "low" : "high", f[2], String.join(" ", f));
            assertTrue(f[3].matches("[01]\\.\\d{4}") && f[5].equals("dBFS"), String.join(" ", f));
        }
        long high = begins.stream().filter(f -> f[2].equals("high")).count();
        assertTrue(info.contains(String.format(Locale.ROOT, "Heard %d sounds in 8.5 s: high %d, low %d",
                begins.size(), high, begins.size() - high)), info.toString());
    }

    @Test
    @InjectMojo(goal = "listen", pom = "src/test/resources/unit/live-no-device/pom.xml")
    void withoutAModelListenFailsNamingItsPath(ListenMojo mojo) throws Exception {
        Path models = ((File) getVariableValueFromObject(mojo, "outputDirectory")).toPath();
        setVariableValueToObject(mojo, "modelName", "none-such");

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().contains(models.resolve("none-such").toString()), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "listen", pom = "src/test/resources/unit/live-no-device/pom.xml")
    void withoutAMicrophoneListenFailsNamingWhatIsMissing(ListenMojo mojo) throws Exception {
        assumeTrue(Microphone.names().isEmpty(), "this machine has a microphone");
        Path models = ((File) getVariableValueFromObject(mojo, "outputDirectory")).toPath();
        if (!Files.exists(models.resolve("unit.json"))) {
            Path recordings = models.resolveSibling("listen-no-device-recordings");
            TrainMojoTest.writeSounds(recordings, "low", "high");
            new SoundModelTrainer().train(TrainingRequest.defaults(recordings, models, "unit")
                    .withClassifier("random-forest", "-I 10").withSeedAndFolds(42, 2));
        }

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().startsWith("No microphone can record 16000 Hz 16-bit mono audio here"),
                e.getMessage());
        assertTrue(e.getMessage().contains("In Maven: -Dparrot.input="), e.getMessage());
    }
}
