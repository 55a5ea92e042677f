package dev.parrot.model;

import dev.parrot.ParrotException;
import dev.parrot.model.forest.ForestFile;
import dev.parrot.model.forest.ForestFormat;
import dev.parrot.model.forest.ForestHolder;
import dev.parrot.model.forest.TreeForest;
import weka.core.Attribute;
import weka.core.Instances;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

/**
 * A forest's model file in Weka's terms: the data header it needs is made from the names the file holds, and the
 * forest predicts as a Weka classifier ({@link ForestClassifier}). The bytes are {@link ForestFormat}'s.
 */
final class ForestModelFormat {

    private ForestModelFormat() {
    }

    static void write(ForestHolder classifier, Instances header, OutputStream out) throws IOException {
        TreeForest forest = classifier.forest();
        int classIndex = header.classIndex();
        if (classIndex != header.numAttributes() - 1 || forest.features() != classIndex) {
            throw new IllegalArgumentException("a forest model file holds forests that read every attribute but the"
                    + " class, which is last; this one reads " + forest.features() + " of the header's "
                    + header.numAttributes() + " attributes, class at " + classIndex);
        }
        List<String> features = new ArrayList<>(classIndex);
        for (int a = 0; a < classIndex; a++) {
            features.add(header.attribute(a).name());
        }
        Attribute sound = header.classAttribute();
        List<String> labels = new ArrayList<>(sound.numValues());
        for (int c = 0; c < sound.numValues(); c++) {
            labels.add(sound.value(c));
        }
        ForestFormat.write(new ForestFile(header.relationName(), features, sound.name(), labels, forest), out);
    }

    static LoadedClassifier read(byte[] bytes, String where) throws ParrotException {
        ForestFile file = ForestFormat.read(bytes, where);
        Instances header = ModelInput.header(file.relation(), file.featureNames(), file.classAttribute(),
                file.labels());
        return new LoadedClassifier(new ForestClassifier(file.forest()), header, null, ClassifierFormat.FOREST, null);
    }
}
