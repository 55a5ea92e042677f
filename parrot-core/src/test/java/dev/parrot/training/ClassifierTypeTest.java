package dev.parrot.training;

import dev.parrot.ParrotException;
import dev.parrot.model.ModelFiles;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import weka.classifiers.Classifier;
import weka.classifiers.functions.SMO;
import weka.classifiers.lazy.IBk;
import weka.classifiers.trees.J48;
import weka.classifiers.trees.RandomForest;


import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ClassifierTypeTest {

    @ParameterizedTest
    @EnumSource(ClassifierType.class)
    void friendlyNamesMakeTheirWekaClass(ClassifierType type) throws Exception {
        Classifier c = ClassifierType.create(type.id(), "", 42, 2);
        assertEquals(type.wekaClass(), c.getClass().getName());
        assertSame(type, ClassifierType.byName(type.id()));
        assertEquals(type.id(), ClassifierType.nameOf(type.id()));
    }

    @Test
    void theLearnersOfferedAreKnownByTheirClassWhateverTheNameUsed() throws Exception {
        assertTrue(ClassifierType.offers(ClassifierType.create("weka.classifiers.trees.J48", "", 1, 1)));
        assertTrue(ClassifierType.offers(ClassifierType.create("fast-forest", "", 1, 1)));
        assertFalse(ClassifierType.offers(ClassifierType.create("weka.classifiers.rules.ZeroR", "", 1, 1)));
    }

    @Test
    void namesAreForgivingAboutCaseAndUnderscores() throws Exception {
        assertSame(ClassifierType.RANDOM_FOREST, ClassifierType.byName(" Random_Forest "));
        assertInstanceOf(IBk.class, ClassifierType.create("NEAREST_NEIGHBOURS", null, 1, 1));
        assertNull(ClassifierType.byName("random forest"));
    }

    @Test
    void randomForestDefaultsUseTheSeedAndTheThreads() throws Exception {
        RandomForest forest = (RandomForest) ClassifierType.create("random-forest", "", 7, 3);
        assertEquals(100, forest.getNumIterations());
        assertEquals(7, forest.getSeed());
        assertEquals(3, forest.getNumExecutionSlots());
    }

    @Test
    void userOptionsOverrideDefaultsFlagByFlag() throws Exception {
        RandomForest forest = (RandomForest) ClassifierType.create("random-forest", "-I 10", 7, 3);
        assertEquals(10, forest.getNumIterations());
        assertEquals(7, forest.getSeed(), "the seed default stays");
        assertEquals(3, forest.getNumExecutionSlots(), "the slots default stays");

        RandomForest seeded = (RandomForest) ClassifierType.create("random-forest", "-S 99 -depth 4", 7, 3);
        assertEquals(99, seeded.getSeed());
        assertEquals(4, seeded.getMaxDepth());
        assertEquals(100, seeded.getNumIterations());
        assertEquals(3, seeded.getNumExecutionSlots());
    }

    @Test
    void loneFlagsMergeToo() throws Exception {
        IBk knn = (IBk) ClassifierType.create("nearest-neighbours", "-K 3", 1, 1);
        assertEquals(3, knn.getKNN());
        assertTrue(ClassifierType.optionsOf(knn).contains("-I"), "distance weighting kept: "
                + ClassifierType.optionsOf(knn));
    }

    @Test
    void mergeKeepsUserOptionsAndAddsMissingDefaults() {
        String[] merged = ClassifierType.merge(new String[] {"-I", "10", "-depth", "3"},
                new String[] {"-I", "100", "-S", "1", "-num-slots", "2"});
        assertEquals("-I 10 -depth 3 -S 1 -num-slots 2", String.join(" ", merged));
        String[] negative = ClassifierType.merge(new String[] {"-S", "-5"}, new String[] {"-S", "1", "-I", "100"});
        assertEquals("-S -5 -I 100", String.join(" ", negative), "a negative number is a value, not a flag");
    }

    @Test
    void wekaClassNamesWork() throws Exception {
        J48 tree = (J48) ClassifierType.create("weka.classifiers.trees.J48", "-C 0.1 -M 5", 1, 1);
        assertEquals(0.1f, tree.getConfidenceFactor(), 1e-6);
        assertEquals(5, tree.getMinNumObj());
        assertEquals("weka.classifiers.trees.J48", ClassifierType.nameOf("weka.classifiers.trees.J48"));
    }

    @Test
    void svmGetsTheSeed() throws Exception {
        SMO svm = (SMO) ClassifierType.create("svm", "", 5, 1);
        assertEquals(5, svm.getRandomSeed());
    }

    @Test
    void unknownNameListsTheChoices() {
        ParrotException e = assertThrows(ParrotException.class,
                () -> ClassifierType.create("random-jungle", "", 1, 1));
        assertTrue(e.getMessage().contains("'random-jungle'"), e.getMessage());
        for (ClassifierType type : ClassifierType.values()) {
            assertTrue(e.getMessage().contains(type.id()), e.getMessage());
        }
    }

    @Test
    void classNamesThatAreNotClassifiers() {
        ParrotException missing = assertThrows(ParrotException.class,
                () -> ClassifierType.create("weka.classifiers.trees.Nope", "", 1, 1));
        assertTrue(missing.getMessage().contains("weka.classifiers.trees.Nope is not on the class path"),
                missing.getMessage());
        ParrotException notOne = assertThrows(ParrotException.class,
                () -> ClassifierType.create("weka.core.Instances", "", 1, 1));
        assertTrue(notOne.getMessage().contains("not a Weka classifier"), notOne.getMessage());
    }

    @ParameterizedTest
    @ValueSource(strings = {"-I abc", "-Q 5", "-K 3 -Z"})
    void badWekaOptionsNameTheOptions(String options) {
        ParrotException e = assertThrows(ParrotException.class,
                () -> ClassifierType.create("random-forest", options, 1, 2));
        assertTrue(e.getMessage().contains("weka.classifiers.trees.RandomForest"), e.getMessage());
        // The options as given, not what is left of them after Weka consumed the ones it knew.
        assertTrue(e.getMessage().contains("options '" + options + " "), e.getMessage());
        assertTrue(e.getMessage().contains("-S 1 -num-slots 2'"), e.getMessage());
    }

    @Test
    void unparseableOptions() {
        ParrotException e = assertThrows(ParrotException.class,
                () -> ClassifierType.create("decision-tree", "-C \"0.1", 1, 1));
        assertTrue(e.getMessage().contains("cannot be parsed"), e.getMessage());
    }
}
