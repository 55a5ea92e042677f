package dev.parrot.maven;

import dev.parrot.training.SoundModelTrainer;
import dev.parrot.training.TrainingRequest;
import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.apache.maven.api.plugin.testing.MojoExtension.getVariableValueFromObject;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@MojoTest
class ClassifyMojoTest {

    @Test
    @InjectMojo(goal = "classify", pom = "src/test/resources/unit/classify/pom.xml")
    void classifiesAFolderWithTheNamedModel(ClassifyMojo mojo) throws Exception {
        Path input = ((File) getVariableValueFromObject(mojo, "input")).toPath();
        Path models = ((File) getVariableValueFromObject(mojo, "outputDirectory")).toPath();
        Path reports = ((File) getVariableValueFromObject(mojo, "reportDirectory")).toPath();
        TrainMojoTest.writeSounds(input, "low", "high");
        new SoundModelTrainer().train(TrainingRequest.defaults(input, models, "unit")
                .withClassifier("random-forest", "-I 10").withSeedAndFolds(42, 2));

        mojo.execute();

        List<String> csv = Files.readAllLines(reports.resolve("classifications.csv"));
        assertEquals(9, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(0).startsWith("file,label,confidence,"), csv.get(0));
        assertTrue(csv.stream().anyMatch(l -> l.startsWith("high/take0.wav,high,") && l.endsWith(",high")),
                String.join("\n", csv));
        String unseen = Files.readString(reports.resolve("unit-unseen.json"));
        assertTrue(unseen.contains("\"accuracy\" : 1.0"), unseen);
        assertTrue(unseen.contains("\"recordings\" : 8"), unseen);
    }

    @Test
    @InjectMojo(goal = "classify")
    void withoutInputItSaysWhichPropertyToSet(ClassifyMojo mojo) {
        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);
        assertTrue(e.getMessage().contains("-Dparrot.input=<file or folder>"), e.getMessage());
    }

    @Test
    @InjectMojo(goal = "classify", pom = "src/test/resources/unit/classify-missing-model/pom.xml")
    void aMissingModelFailsNamingItsPath(ClassifyMojo mojo) throws Exception {
        Path input = ((File) getVariableValueFromObject(mojo, "input")).toPath();
        File model = getVariableValueFromObject(mojo, "model");
        TrainMojoTest.writeSounds(input, "low", "high");

        MojoFailureException e = assertThrows(MojoFailureException.class, mojo::execute);

        assertTrue(e.getMessage().contains(model.getAbsolutePath()), e.getMessage());
        assertTrue(e.getMessage().contains("parrot:train"), e.getMessage());
    }
}
