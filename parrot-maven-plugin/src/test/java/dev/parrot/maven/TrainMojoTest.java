package dev.parrot.maven;

import dev.parrot.audio.WavWriter;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.junit.jupiter.api.Test;
import org.mockito.Mockito;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Random;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.apache.maven.api.plugin.testing.MojoExtension.setVariableValueToObject;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MojoTest
class TrainMojoTest {

    private static final int RATE = 16_000;

    @Test
    @InjectMojo(goal = "train", pom = "src/test/resources/unit/train/pom.xml")
    void trainsAModelFromTheConfiguredFolders(TrainMojo mojo) throws Exception {
        File recordings = getVariableValueFromObject(mojo, "recordingsDirectory");
        File output = getVariableValueFromObject(mojo, "outputDirectory");
        writeSounds(recordings.toPath(), "low", "high");

        mojo.execute();

        assertTrue(Files.isRegularFile(output.toPath().resolve("unit.model")));
        String json = Files.readString(output.toPath().resolve("unit.json"));
        assertTrue(json.contains("\"confusionMatrix\""), json);
        assertTrue(json.contains("\"low\"") && json.contains("\"high\""), json);
        assertEquals(3, (int) getVariableValueFromObject(mojo, "folds"));
        assertTrue(json.contains("\"calibration\"") && json.contains("\"targetFalseAlarmsPerMinute\" : 1.0"), json);
    }

    @Test
    @InjectMojo(goal = "train", pom = "src/test/resources/unit/negative-false-alarms/pom.xml")
    void aNegativeTargetOfFalseAlarmsFailsBeforeTraining(TrainMojo mojo) throws Exception {
        File recordings = getVariableValueFromObject(mojo, "recordingsDirectory");
        writeSounds(recordings.toPath(), "low", "high");

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().contains("false alarms per minute must be 0 or more, not -1.0"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "train", pom = "src/test/resources/unit/incremental/pom.xml")
    void aSecondRunKeepsTheModelAndTheGateAppliesToItToo(TrainMojo mojo) throws Exception {
        File recordings = getVariableValueFromObject(mojo, "recordingsDirectory");
        File output = getVariableValueFromObject(mojo, "outputDirectory");
        deleteRecursively(recordings.toPath());
        deleteRecursively(output.toPath());
        writeSounds(recordings.toPath(), "low", "high");
        Log log = Mockito.spy(new SystemStreamLog());
        mojo.setLog(log);

        mojo.execute();
        Path json = output.toPath().resolve("incremental.json");
        FileTime written = Files.getLastModifiedTime(json);
        byte[] model = Files.readAllBytes(output.toPath().resolve("incremental.model"));

        mojo.execute();
        Mockito.verify(log).info("Model incremental is up to date: 8 recordings, settings unchanged;"
                + " -Dparrot.force=true retrains");
        assertEquals(written, Files.getLastModifiedTime(json));
        assertArrayEquals(model, Files.readAllBytes(output.toPath().resolve("incremental.model")));

        // An impossible minimum fails the up-to-date model without training it.
        setVariableValueToObject(mojo, "minimumRecall", 1.01);
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().startsWith("The minimum recall is a share between 0 and 1"), e.getMessage());
        setVariableValueToObject(mojo, "minimumRecall", null);

        // The live gate judges the thresholds this training calibrated.
        setVariableValueToObject(mojo, "minimumLiveRecall", 0.0);
        mojo.execute();
        Mockito.verify(log).info(Mockito.startsWith("Model incremental passes its quality gate: lowest live recall"));
        setVariableValueToObject(mojo, "minimumLiveRecall", null);

        setVariableValueToObject(mojo, "force", true);
        mojo.execute();
        // Three times up to date (the second run, the one the gate failed, the live gate's), not after force.
        Mockito.verify(log, Mockito.times(3)).info(Mockito.startsWith("Model incremental is up to date"));
        assertTrue(Files.readString(json).contains("\"fingerprint\""));
    }

    @Test
    @InjectMojo(goal = "train", pom = "src/test/resources/unit/missing-sound/pom.xml")
    void aNamedSoundWithoutAFolderFailsNamingIt(TrainMojo mojo) throws Exception {
        File recordings = getVariableValueFromObject(mojo, "recordingsDirectory");
        writeSounds(recordings.toPath(), "low", "high");

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().contains("'snap'"), e.getMessage());
        assertTrue(e.getMessage().contains(recordings.toPath().resolve("snap").toString()), e.getMessage());
        // The core says "the sounds to learn"; the goal adds the parameter's Maven name.
        assertTrue(e.getMessage().endsWith("remove it from the sounds to learn. In Maven: the <sounds> parameter"
                + " (-Dparrot.sounds=a,b)."), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "train", pom = "src/test/resources/unit/skip/pom.xml")
    void skipDoesNothingEvenWithoutRecordings(TrainMojo mojo) throws Exception {
        File output = getVariableValueFromObject(mojo, "outputDirectory");

        mojo.execute();

        assertFalse(Files.exists(output.toPath()));
    }

    @Test
    @InjectMojo(goal = "train", pom = "src/test/resources/unit/unknown-classifier/pom.xml")
    void anUnknownClassifierFailsListingTheChoices(TrainMojo mojo) throws Exception {
        File recordings = getVariableValueFromObject(mojo, "recordingsDirectory");
        writeSounds(recordings.toPath(), "low", "high");

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().contains("deep-magic"), e.getMessage());
        assertTrue(e.getMessage().contains("random-forest"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "train", pom = "src/test/resources/unit/background/pom.xml")
    void backgroundSilenceLabelMicrophonesAndSegmentsAreConfigured(TrainMojo mojo) throws Exception {
        Path recordings = ((File) getVariableValueFromObject(mojo, "recordingsDirectory")).toPath();
        File output = getVariableValueFromObject(mojo, "outputDirectory");
        Path segments = ((File) getVariableValueFromObject(mojo, "segmentsDirectory")).toPath();
        deleteRecursively(recordings);
        writeSounds(recordings.resolve("takes"), "low", "high", "talk");
        Files.move(recordings.resolve("takes/low"), recordings.resolve("low--dpa"));
        Files.move(recordings.resolve("takes/high"), recordings.resolve("high"));
        Files.move(recordings.resolve("takes/talk"), recordings.resolve("talk"));
        Files.delete(recordings.resolve("takes"));
        // A recording in source/ without SRT: a tone now and then in room noise, segmented, its silence learned as
        // 'quiet'.
        Random random = new Random(3);
        float[] session = new float[4 * RATE];
        for (int i = 0; i < session.length; i++) {
            boolean tone = i % RATE < RATE / 5;
            session[i] = (float) (0.003 * random.nextGaussian() + (tone ? 0.5 * Math.sin(2 * Math.PI * 300 * i / RATE) : 0));
        }
        WavWriter.writePcm16(recordings.resolve("low--desk/source/session.wav"), session, RATE);

        mojo.execute();

        String json = Files.readString(output.toPath().resolve("unit.json"));
        assertTrue(json.contains("\"labels\" : [ \"high\", \"low\", \"talk\", \"quiet\" ]"), json);
        assertTrue(json.contains("\"background\" : [ \"talk\", \"quiet\" ]"), json);
        assertTrue(json.contains("\"silenceLabel\" : \"quiet\""), json);
        String srt = Files.readString(segments.resolve("low--desk/session.srt"));
        assertTrue(srt.startsWith("1\n00:00:00,000 --> 00:00:00,200\nlow\n\n2\n00:00:01,000 --> "), srt);
        assertEquals(4, srt.split("\n\n").length, srt);
    }

    @Test
    @InjectMojo(goal = "train", pom = "src/test/resources/unit/sound-kinds/pom.xml")
    void heldAndShortSoundsSetInThePomReachTheModel(TrainMojo mojo) throws Exception {
        File recordings = getVariableValueFromObject(mojo, "recordingsDirectory");
        File output = getVariableValueFromObject(mojo, "outputDirectory");
        writeSounds(recordings.toPath(), "low", "high");

        mojo.execute();

        dev.parrot.runtime.SoundModel model = dev.parrot.runtime.SoundModel.load(output.toPath().resolve("unit.json"));
        assertEquals(dev.parrot.runtime.SoundKind.HELD, model.kindOf("high"));
        assertEquals(dev.parrot.runtime.SoundKind.SHORT, model.kindOf("low"));
        String json = Files.readString(output.toPath().resolve("unit.json"));
        assertTrue(json.contains("\"kindReason\" : \"set, not inferred from the recordings\""), json);
    }

    @Test
    @InjectMojo(goal = "train", pom = "src/test/resources/unit/sound-kinds-both/pom.xml")
    void aSoundBothHeldAndShortFailsNamingIt(TrainMojo mojo) throws Exception {
        File recordings = getVariableValueFromObject(mojo, "recordingsDirectory");
        writeSounds(recordings.toPath(), "low", "high");

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().startsWith("'high' is named both in <heldSounds> and in <shortSounds>"),
                e.getMessage());
    }

    private static void deleteRecursively(Path folder) throws Exception {
        if (Files.exists(folder)) {
            try (var files = Files.walk(folder)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(p);
                }
            }
        }
    }

    /** Four short takes per sound: a tone per sound, with a little noise so that takes differ. */
    static void writeSounds(Path recordings, String... sounds) throws Exception {
        Random random = new Random(7);
        for (int s = 0; s < sounds.length; s++) {
            double frequency = 300 * Math.pow(4, s);
            for (int take = 0; take < 4; take++) {
                float[] samples = new float[RATE / 4];
                for (int i = 0; i < samples.length; i++) {
                    samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * frequency * (1 + 0.02 * take) * i / RATE)
                            + 0.02 * random.nextGaussian());
                }
                WavWriter.writePcm16(recordings.resolve(sounds[s]).resolve("take" + take + ".wav"), samples, RATE);
            }
        }
    }
}
