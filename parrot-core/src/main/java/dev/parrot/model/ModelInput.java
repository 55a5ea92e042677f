package dev.parrot.model;

import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * What a model's classifier reads for one window: the window's features as a Weka instance of the model's data header,
 * the class left missing. Training, evaluation and the runtime all make their instances here, so they agree.
 */
public final class ModelInput {

    private ModelInput() {
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
