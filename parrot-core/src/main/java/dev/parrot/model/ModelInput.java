package dev.parrot.model;

import weka.core.Attribute;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

import java.util.ArrayList;
import java.util.List;

/**
 * What a model's classifier reads for one window: the window's features as a Weka instance of the model's data header,
 * the class left missing. Training, evaluation and the runtime all make their headers and instances here, so they
 * agree.
 */
public final class ModelInput {

    private ModelInput() {
    }

    /** An empty data set with one numeric attribute per feature and the sounds as the nominal class, last. */
    public static Instances header(String relation, List<String> featureNames, String classAttribute,
            List<String> sounds) {
        ArrayList<Attribute> attributes = new ArrayList<>(featureNames.size() + 1);
        for (String name : featureNames) {
            attributes.add(new Attribute(name));
        }
        attributes.add(new Attribute(classAttribute, new ArrayList<>(sounds)));
        Instances header = new Instances(relation, attributes, 0);
        header.setClassIndex(attributes.size() - 1);
        return header;
    }

    /** One window as an instance of the header's layout (the features, then the class, last); the class is missing. */
    public static Instance instance(Instances header, float[] features) {
        double[] values = new double[features.length + 1];
        for (int i = 0; i < features.length; i++) {
            values[i] = features[i];
        }
        values[features.length] = Utils.missingValue();
        Instance instance = new DenseInstance(1.0, values);
        instance.setDataset(header);
        return instance;
    }
}
