package dev.parrot.runtime;

import dev.parrot.ParrotException;
import dev.parrot.features.FeatureExtractor;
import dev.parrot.features.FeatureSettings;
import dev.parrot.features.OnsetFeatures;
import dev.parrot.model.ClassifierFormat;
import dev.parrot.model.DetectionCalibration;
import dev.parrot.model.LoadedClassifier;
import dev.parrot.model.ModelDescriptor;
import dev.parrot.model.ModelFiles;
import dev.parrot.model.ModelInput;
import dev.parrot.model.ModelJson;
import weka.classifiers.AbstractClassifier;
import weka.classifiers.Classifier;
import weka.core.Attribute;
import weka.core.Instances;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * A trained model, ready to classify audio: the Weka classifier, the header of the data it learnt from, and the
 * descriptor whose feature settings say how to turn audio into what it expects.
 *
 * <p>Loading checks that this version of Parrot computes exactly the features the model was trained on, and refuses
 * the model otherwise: a model fed other features answers with confidence, and wrongly.
 *
 * <p>Thread safety: a model may be shared by threads. Weka does not promise that predicting leaves a classifier
 * untouched (some learners filter or search with shared state), so calls into the classifier are serialised on this
 * model. Threads that classify at the same time without waiting on each other each use their own {@link #copy()}.
 * The {@link SoundClassifier}s and {@link SoundDetector}s made from a model hold a {@link FeatureExtractor}, which is
 * not thread-safe: one per thread.
 */
public final class SoundModel {

    private final ModelDescriptor descriptor;
    private final Classifier classifier;
    private final Instances header;
    private final List<String> labels;
    private final String source;
    private final String formatNote;
    /** The onset model, or null when short sounds are judged window by window. */
    private final Classifier onsetClassifier;
    private final Instances onsetHeader;

    private SoundModel(ModelDescriptor descriptor, Classifier classifier, Instances header, List<String> labels,
            String source, String formatNote, Classifier onsetClassifier, Instances onsetHeader) {
        this.descriptor = descriptor;
        this.classifier = classifier;
        this.header = header;
        this.labels = labels;
        this.source = source;
        this.formatNote = formatNote;
        this.onsetClassifier = onsetClassifier;
        this.onsetHeader = onsetHeader;
    }

    /**
     * Loads the model that {@code parrot:train} wrote, given either of its two files ({@code noises.json} or
     * {@code noises.model}); the other is expected next to it.
     *
     * @throws ParrotException when a file is missing, is no Parrot model, or needs features this version cannot make
     * @throws IOException when a file cannot be read
     */
    public static SoundModel load(Path jsonOrModel) throws ParrotException, IOException {
        String file = jsonOrModel.getFileName().toString();
        boolean known = file.endsWith(ModelFiles.DESCRIPTOR_EXTENSION) || file.endsWith(ModelFiles.MODEL_EXTENSION);
        ModelFiles files = known ? ModelFiles.of(jsonOrModel)
                : new ModelFiles(jsonOrModel.toAbsolutePath().getParent(), file);
        ModelFiles.Loaded both = files.readBoth();
        return of(both.descriptor(), both.classifier(), both.onsets(), files.classifierFile().toString());
    }

    /**
     * Loads a model packaged with an application: the resources {@code <name>.json} and {@code <name>.model}, e.g.
     * {@code fromClasspath("models/noises")} for {@code src/main/resources/models/noises.*}. Resources are looked up
     * with the thread's context class loader, or this library's when there is none.
     *
     * @throws ParrotException when a resource is missing or is no usable Parrot model
     */
    public static SoundModel fromClasspath(String name) throws ParrotException, IOException {
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        return fromClasspath(loader != null ? loader : SoundModel.class.getClassLoader(), name);
    }

    /** Like {@link #fromClasspath(String)}, with the given class loader. */
    public static SoundModel fromClasspath(ClassLoader loader, String name) throws ParrotException, IOException {
        String base = name.startsWith("/") ? name.substring(1) : name;
        if (base.endsWith(ModelFiles.DESCRIPTOR_EXTENSION) || base.endsWith(ModelFiles.MODEL_EXTENSION)) {
            base = base.substring(0, base.lastIndexOf('.'));
        }
        String json = base + ModelFiles.DESCRIPTOR_EXTENSION;
        String model = base + ModelFiles.MODEL_EXTENSION;
        ModelDescriptor descriptor;
        try (InputStream in = open(loader, json)) {
            descriptor = ModelJson.parseDescriptor(in, "class path resource " + json);
        }
        LoadedClassifier loaded;
        try (InputStream in = open(loader, model)) {
            loaded = ClassifierFormat.readAny(in.readAllBytes(), "class path resource " + model);
        }
        LoadedClassifier onsets = null;
        if (descriptor.onsets() != null) {
            String onsetModel = base + ModelFiles.ONSETS_EXTENSION;
            try (InputStream in = open(loader, onsetModel)) {
                onsets = ClassifierFormat.readAny(in.readAllBytes(), "class path resource " + onsetModel);
            }
        }
        return of(descriptor, loaded, onsets, "class path resource " + model);
    }

    private static InputStream open(ClassLoader loader, String resource) throws ParrotException {
        InputStream in = loader.getResourceAsStream(resource);
        if (in == null) {
            throw new ParrotException("No model resource " + resource + " on the class path: package all of "
                    + "<name>.json, <name>.model and (when training wrote one) <name>.onsets.model, e.g. under"
                    + " src/main/resources.");
        }
        return in;
    }

    /**
     * A model from a descriptor and a classifier read elsewhere; {@code where} names them in messages. Not public:
     * its arguments carry Weka's types, which the runtime's API does not show; programs load models with
     * {@link #load} or {@link #fromClasspath}.
     *
     * @throws ParrotException when the two do not make a model this version can feed
     */
    static SoundModel of(ModelDescriptor descriptor, LoadedClassifier loaded, String where)
            throws ParrotException {
        return of(descriptor, loaded, null, where);
    }

    static SoundModel of(ModelDescriptor descriptor, LoadedClassifier loaded, LoadedClassifier onsets, String where)
            throws ParrotException {
        FeatureSettings settings = descriptor.features().settings();
        if (settings == null) {
            throw new ParrotException(where + ": the descriptor names no feature settings; retrain the model.");
        }
        String problem = settings.incompatibility();
        if (problem != null) {
            throw new ParrotException(where + " cannot be used by this version of Parrot: " + problem
                    + ". Retrain it with this version.");
        }
        Instances header = new Instances(loaded.header(), 0);
        if (header.classIndex() < 0) {
            header.setClassIndex(header.numAttributes() - 1);
        }
        Attribute classAttribute = header.classAttribute();
        if (!classAttribute.isNominal() || header.classIndex() != header.numAttributes() - 1) {
            throw new ParrotException(where + " is not a model written by parrot:train: its class is not the last,"
                    + " nominal attribute.");
        }
        List<String> labels = new ArrayList<>();
        for (int i = 0; i < classAttribute.numValues(); i++) {
            labels.add(classAttribute.value(i));
        }
        if (!labels.equals(descriptor.labels())) {
            throw new ParrotException(where + " and its descriptor disagree on the sounds: " + labels + " in the"
                    + " classifier, " + descriptor.labels() + " in the JSON. Were they copied from different runs?"
                    + " Retrain, or copy both files of one run.");
        }
        int dimension = new FeatureExtractor(settings).dimension();
        int inHeader = header.numAttributes() - 1;
        if (inHeader != dimension || descriptor.features().dimension() != dimension) {
            throw new ParrotException(String.format(Locale.ROOT, "%s expects %d feature values per window (its"
                    + " descriptor says %d), but this version of Parrot computes %d from its settings. Retrain it with"
                    + " this version.", where, inHeader, descriptor.features().dimension(),
                    dimension));
        }
        Instances onsetHeader = onsets == null ? null : onsetHeader(descriptor, onsets, labels, settings, where);
        return new SoundModel(descriptor, loaded.classifier(), header, Collections.unmodifiableList(labels), where,
                loaded.note(), onsets == null ? null : onsets.classifier(), onsetHeader);
    }

    /** The onset model's header, checked against the model's labels and the segment features it expects. */
    private static Instances onsetHeader(ModelDescriptor descriptor, LoadedClassifier onsets, List<String> labels,
            FeatureSettings settings, String where) throws ParrotException {
        ModelDescriptor.OnsetModel described = descriptor.onsets();
        if (described == null) {
            throw new ParrotException(where + ": an onset model was given that the descriptor does not describe.");
        }
        Instances header = new Instances(onsets.header(), 0);
        header.setClassIndex(header.numAttributes() - 1);
        List<String> expected = new ArrayList<>(labels);
        expected.add(ModelDescriptor.OnsetModel.NO_SOUND);
        List<String> classes = new ArrayList<>();
        Attribute classAttribute = header.classAttribute();
        for (int i = 0; classAttribute.isNominal() && i < classAttribute.numValues(); i++) {
            classes.add(classAttribute.value(i));
        }
        int dimension = new OnsetFeatures(settings, described.segmentMillis()).dimension();
        if (!classes.equals(expected) || header.numAttributes() - 1 != dimension) {
            throw new ParrotException(String.format(Locale.ROOT, "%s: its onset model does not fit the model (classes"
                    + " %s for %s, %d values per segment for %d). Were its files copied from different runs? Retrain.",
                    where, classes, expected, header.numAttributes() - 1, dimension));
        }
        return header;
    }

    /**
     * How much audio from an onset a short sound is decided on, in milliseconds: its onset model's segment; 0 for a
     * model without one, whose detector judges the onset's windows one by one.
     */
    public int onsetSegmentMillis() {
        return onsetClassifier == null ? 0 : descriptor.onsets().segmentMillis();
    }

    /** The features of onset segments for this model's onset model; one per thread. Null without one. */
    OnsetFeatures newOnsetFeatures() {
        return onsetClassifier == null ? null : new OnsetFeatures(settings(), descriptor.onsets().segmentMillis());
    }

    /**
     * The onset model's probabilities for one onset segment's features: per label in {@link #labels()} order, then
     * that no sound was made, written into {@code out}.
     *
     * @throws IllegalStateException when the model has no onset model
     */
    public void onsetProbabilities(float[] features, double[] out) {
        if (onsetClassifier == null) {
            throw new IllegalStateException(source + " has no onset model");
        }
        double[] distribution;
        synchronized (this) {
            try {
                distribution = onsetClassifier.distributionForInstance(ModelInput.instance(onsetHeader, features));
            } catch (Exception e) {
                throw new IllegalStateException("Weka could not classify an onset with " + source + ": " + e, e);
            }
        }
        System.arraycopy(distribution, 0, out, 0, labels.size() + 1);
    }

    /** The model's name, as in its file names. */
    public String name() {
        return descriptor.name();
    }

    /** The sounds it tells apart, in the order of {@link #probabilities}. */
    public List<String> labels() {
        return labels;
    }

    /**
     * The labels that hold things that must never fire (talking, typing, the room, the silence between sounds), in
     * {@link #labels()} order: a program acts on none of them. Empty for a model trained without background.
     */
    public List<String> backgroundLabels() {
        return descriptor.background();
    }

    /** Whether a label holds something that must never fire; see {@link #backgroundLabels()}. */
    public boolean isBackground(String label) {
        return descriptor.isBackground(label);
    }

    /** The label of quiet audio: the silence the model learned, or {@link Prediction#SILENCE} when it learned none. */
    public String silenceLabel() {
        return descriptor.silenceLabel() != null ? descriptor.silenceLabel() : Prediction.SILENCE;
    }

    /** How audio becomes features for this model: the settings it was trained with. */
    public FeatureSettings settings() {
        return descriptor.features().settings();
    }

    public ModelDescriptor descriptor() {
        return descriptor;
    }

    /** Where the model was loaded from, for messages. */
    public String source() {
        return source;
    }

    /**
     * What to know about the model file's format, for a program to log when it loads one: for a model in Weka's
     * serialisation (learners other than {@code fast-forest}, and {@code fast-forest} models of older versions), that
     * reading it runs code and it must come from a trusted source. Empty for a forest model, which is data only.
     */
    public Optional<String> formatNote() {
        return Optional.ofNullable(formatNote);
    }

    /** A feature extractor for this model's settings; one per thread. */
    public FeatureExtractor newFeatureExtractor() {
        return new FeatureExtractor(settings());
    }

    /** A classifier of windows and recordings for the calling thread. */
    public SoundClassifier newClassifier() {
        return new SoundClassifier(this);
    }

    /**
     * The detector settings made for this model: those training calibrated (each sound's threshold for the target
     * rate of false alarms, the onset rule), or {@link DetectionSettings#defaults()} for a model trained before there
     * was calibration; its background labels muted either way.
     */
    public DetectionSettings detectionSettings() {
        DetectionCalibration calibration = descriptor.calibration();
        return calibration != null ? DetectionSettings.calibrated(calibration, backgroundLabels())
                : DetectionSettings.defaults().withMuted(Set.copyOf(backgroundLabels()));
    }

    /**
     * How {@code sound} is made, as training found it in the recordings or the POM set it: {@link SoundKind#HELD}
     * sounds are reported while they last, {@link SoundKind#SHORT} ones once. Short for a model trained before there
     * were kinds.
     *
     * @throws IllegalArgumentException when the model has no such sound
     */
    public SoundKind kindOf(String sound) {
        if (!labels.contains(sound)) {
            throw new IllegalArgumentException("The model " + name() + " has no sound '" + sound + "'; its sounds are "
                    + labels + ".");
        }
        DetectionCalibration calibration = descriptor.calibration();
        if (calibration == null) {
            return SoundKind.SHORT;
        }
        return calibration.sounds().stream().filter(t -> t.sound().equals(sound) && t.kind() != null)
                .map(t -> SoundKind.of(t.kind())).findFirst().orElse(SoundKind.SHORT);
    }

    /** A detector of sounds in a live stream with the model's own {@link #detectionSettings()}, for one audio thread. */
    public SoundDetector newDetector(SoundListener listener) {
        return new SoundDetector(this, detectionSettings(), listener);
    }

    /** A detector of sounds in a live stream, for one audio thread. */
    public SoundDetector newDetector(DetectionSettings detection, SoundListener listener) {
        return new SoundDetector(this, detection, listener);
    }

    /**
     * An independent model with its own copy of the classifier, for a thread that should not wait for others.
     */
    public SoundModel copy() {
        Classifier own;
        Classifier ownOnsets;
        synchronized (this) {
            try {
                own = AbstractClassifier.makeCopy(classifier);
                ownOnsets = onsetClassifier == null ? null : AbstractClassifier.makeCopy(onsetClassifier);
            } catch (Exception e) {
                throw new IllegalStateException("Weka could not copy the classifier of " + source + ": " + e, e);
            }
        }
        return new SoundModel(descriptor, own, header, labels, source, formatNote, ownOnsets, onsetHeader);
    }

    /**
     * The probability of each sound ({@link #labels()} order) for one window's features, written into {@code out}.
     *
     * @param features exactly {@link FeatureExtractor#dimension()} values from this model's extractor
     * @param out room for one value per label
     */
    public void probabilities(float[] features, double[] out) {
        double[] distribution;
        synchronized (this) {
            try {
                distribution = classifier.distributionForInstance(ModelInput.instance(header, features));
            } catch (Exception e) {
                throw new IllegalStateException("Weka could not classify a window with " + source + ": " + e, e);
            }
        }
        System.arraycopy(distribution, 0, out, 0, labels.size());
    }

    /** The probability of each sound for one window's features, in {@link #labels()} order. */
    public double[] probabilities(float[] features) {
        double[] out = new double[labels.size()];
        probabilities(features, out);
        return out;
    }

    @Override
    public String toString() {
        return "SoundModel[" + name() + " " + labels + " from " + source + "]";
    }
}
