package dev.parrot.model;

import dev.parrot.features.FeatureExtractor;
import weka.core.DenseInstance;
import weka.core.Instance;
import weka.core.Instances;
import weka.core.Utils;

/**
 * What a model's classifier reads for one window: the window's features as a Weka instance of the model's data header,
 * the class left missing. Training, evaluation and the runtime all make their instances here, so they agree.
 *
 * <p>The values that only say how loud the window is ({@link FeatureExtractor#isAbsoluteLoudness}) are read as 0:
 * every classifier sees them constant and learns nothing from them. Takes are recorded close to full scale, while
 * a live microphone hears the same noise 6 to 30 dB quieter, so a model that learnt loudness mistakes a quiet hit
 * for another sound (see the live-detection page). They stay in the vector for the decisions that need them: the
 * onset rule and calibration read the window's level.
 */
public final class ModelInput {

    private ModelInput() {
    }

    /** One window as an instance of the header's layout (the features, then the class, last); the class is missing. */
    public static Instance instance(Instances header, float[] features) {
        double[] values = new double[features.length + 1];
        for (int i = 0; i < features.length; i++) {
            values[i] = FeatureExtractor.isAbsoluteLoudness(header.attribute(i).name()) ? 0 : features[i];
        }
        values[features.length] = Utils.missingValue();
        Instance instance = new DenseInstance(1.0, values);
        instance.setDataset(header);
        return instance;
    }
}
