package dev.parrot.maven;

import dev.parrot.ParrotException;
import dev.parrot.dataset.DatasetOptions;
import dev.parrot.features.FeatureSettings;
import dev.parrot.model.AugmentationSettings;
import dev.parrot.model.ModelFiles;
import dev.parrot.runtime.SoundKind;
import dev.parrot.training.SoundModelTrainer;
import dev.parrot.training.TrainingRequest;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.descriptor.PluginDescriptor;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

import java.io.File;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Trains a sound model from folders of recorded sounds: {@code <recordingsDirectory>/<sound>/*.wav} takes, Parrot.py's
 * long recordings with SRT segments, plain long recordings (segmented automatically) and background folders. Writes
 * {@code <outputDirectory>/<modelName>.model} (the Weka classifier) and {@code <modelName>.json} (how it was made and
 * its cross-validated accuracy and confusion matrix), which the report and classify goals read.
 */
@Mojo(name = "train", defaultPhase = LifecyclePhase.PROCESS_CLASSES, threadSafe = true)
public class TrainMojo extends AbstractGatedMojo {

    /** The folder with one sub-folder of WAV recordings per sound; the sub-folder names become the labels. */
    @Parameter(property = "parrot.recordings", defaultValue = "${project.basedir}/data/recordings", required = true)
    private File recordingsDirectory;

    /**
     * The sounds to learn, by folder name. Empty (the default) learns every sub-folder. A named sound without a
     * folder fails the build.
     */
    @Parameter(property = "parrot.sounds")
    private List<String> sounds;

    /** The model's name: the files are {@code <modelName>.model} and {@code <modelName>.json}. */
    @Parameter(property = "parrot.modelName", defaultValue = "${project.artifactId}", required = true)
    private String modelName;

    /** Where the model files go. */
    @Parameter(property = "parrot.outputDirectory", defaultValue = "${project.build.directory}/models",
            required = true)
    private File outputDirectory;

    /**
     * Parrot.py's automatic data set balancing: sounds with far more windows than the others are undersampled and
     * sounds with far fewer oversampled, so that no sound drowns another. Off uses all data as recorded.
     */
    @Parameter(property = "parrot.balance", defaultValue = "true")
    private boolean automaticDatasetBalancing;

    /**
     * The learner: {@code fast-forest} (default: a random forest on binned features, many times faster to train
     * than Weka's), {@code random-forest} (Weka's), {@code decision-tree}, {@code svm}, {@code logistic},
     * {@code naive-bayes}, {@code nearest-neighbours}, {@code neural-network}, or a Weka class name such as
     * {@code weka.classifiers.functions.SMO}.
     */
    @Parameter(property = "parrot.classifier", defaultValue = TrainingRequest.DEFAULT_CLASSIFIER)
    private String classifier;

    /** Weka options for the learner, over Parrot's defaults flag by flag, e.g. {@code -I 200 -depth 20}. */
    @Parameter(property = "parrot.classifierOptions")
    private String classifierOptions;

    /** The seed of every random choice: the same recordings, settings and seed give the same model. */
    @Parameter(property = "parrot.seed", defaultValue = "42")
    private long seed;

    /** Cross-validation folds; all windows of a recording stay in one fold. */
    @Parameter(property = "parrot.folds", defaultValue = "5")
    private int folds;

    /**
     * How far below the loudest window of a recording a window may be and still hold the sound, in dB. Quieter
     * windows are the silence around the sound and are not used.
     */
    @Parameter(property = "parrot.silenceThreshold", defaultValue = "30")
    private double silenceThresholdDb;

    /**
     * Also feed the learner Parrot.py's own features: the 40 log-mel bands of each of the four 15 ms frames of a
     * window, standardised over the window (160 values). Off by default, because on recordings from a microphone or
     * room the model was not trained with they made recognition worse (see the benchmarks page); turn it on to
     * compare with a Parrot.py model on the same recordings.
     */
    @Parameter(property = "parrot.parrotMelFrames", defaultValue = "false")
    private boolean parrotMelFrames;

    /**
     * Varied copies of each recording to train on beside it (gain, microphone colour and band limits, room noise,
     * a small room, a few percent of speed), drawn from the seed; 0, the default, trains on the recordings as
     * recorded. Off by default because on drums from a source the model never heard it did not help (see the
     * benchmarks page); each copy costs about the time of reading the recordings once more and multiplies the
     * training windows. Written into the model JSON.
     */
    @Parameter(property = "parrot.augmentationCopies", defaultValue = "0")
    private int augmentationCopies;

    /**
     * With {@code augmentationCopies}: hear half of the copies in context, the background folders' recordings (or
     * coloured noise when there are none) 20 to 40 dB below the sound, under it and up to 0.6 s before it, as a live
     * microphone hears a noise after talk. Off by default: on the stream benchmark it raised the recall of sounds
     * from kits the model was trained on, but not of kits it never heard, and its calibrated thresholds let more than
     * one false alarm a minute through there (see the live-detection page).
     */
    @Parameter(property = "parrot.augmentationContext", defaultValue = "false")
    private boolean augmentationContext;

    /**
     * Sound folders, besides those named {@code silence}, {@code background} or {@code noise}, that hold things that
     * must never fire (talking, typing, music, the room). All their windows are learned, and the model marks them as
     * background, which the detector never reports.
     */
    @Parameter(property = "parrot.backgroundSounds")
    private List<String> backgroundSounds;

    /** The background label of the audio between the sounds' segments in long recordings, as in Parrot.py. */
    @Parameter(property = "parrot.silenceLabel", defaultValue = "silence")
    private String silenceLabel;

    /** Learn the audio between the sounds' segments in long recordings as {@code silenceLabel}. */
    @Parameter(property = "parrot.learnSilence", defaultValue = "true")
    private boolean learnSilence;

    /**
     * Parrot.py's microphone separator: with {@code --}, the folders {@code pop--dpa} and {@code pop--desk} train one
     * sound {@code pop}. Empty (the default): every folder is a sound.
     */
    @Parameter(property = "parrot.microphoneSeparator")
    private String microphoneSeparator;

    /**
     * Where the segments found in plain long recordings are written, as {@code <sound>/<recording>.srt}, to be
     * checked in a subtitle or audio editor; a corrected copy saved as {@code <recording>.MANUAL.srt} beside the
     * recording wins over detection.
     */
    @Parameter(property = "parrot.segmentsDirectory", defaultValue = "${project.build.directory}/parrot/segments")
    private File segmentsDirectory;

    /**
     * How many false alarms per minute of background audio the detector may give, all sounds together. Training
     * replays the detector over simulated streams (each cross-validation fold's held-out takes at live levels between
     * its held-out background recordings, judged by the fold's models), lowers each sound's threshold where it finds
     * the most onsets per false alarm while the streams' false alarms stay within 0.35 of this rate (the streams hold
     * only your own background; other voices set off about twice as many), and stores the thresholds in the model
     * JSON for {@code SoundModel.newDetector(listener)}. (A model whose sounds are all held is calibrated on its
     * recordings one by one, this rate then per sound.) Lower is quieter during talk and typing, higher catches more
     * of the sounds.
     */
    @Parameter(property = "parrot.falseAlarmsPerMinute", defaultValue = "1")
    private double falseAlarmsPerMinute;

    /**
     * Sounds to report while they last (a hiss to scroll, a hum or a whistle to move): at their start, every 100 ms
     * while they go on, and at their stop. Empty (the default) lets training tell from the recordings: a sound whose
     * takes stay near their loudest for a quarter of a second or more is held. E.g.
     * {@code <heldSounds><sound>hiss</sound></heldSounds>} or {@code -Dparrot.heldSounds=hiss,whistle}.
     */
    @Parameter(property = "parrot.heldSounds")
    private List<String> heldSounds;

    /**
     * Sounds to report once per onset (a click, a pop), whatever their recordings show: e.g. a pop recorded with a
     * long room tail. Empty (the default) lets training tell from the recordings.
     */
    @Parameter(property = "parrot.shortSounds")
    private List<String> shortSounds;

    /** Threads for reading recordings and for learners that use several; 0 uses every core. */
    @Parameter(property = "parrot.threads", defaultValue = "0")
    private int threads;

    /**
     * Trains even when the model on disk was made from the same recordings and settings by this version of Parrot.
     * Without it, such a model is kept and both its files left untouched.
     */
    @Parameter(property = "parrot.force", defaultValue = "false")
    private boolean force;

    /** The project, to tell before its site whether the site can show the report. */
    @Parameter(defaultValue = "${project}", readonly = true)
    private MavenProject project;

    @Parameter(defaultValue = "${plugin}", readonly = true)
    private PluginDescriptor plugin;

    @Parameter(defaultValue = "${maven.version}", readonly = true)
    private String mavenVersion;

    @Override
    protected void run() throws MojoExecutionException, MojoFailureException {
        String siteProblem = SiteRenderer.problem(project, plugin == null ? null : plugin.getPluginLookupKey(),
                mavenVersion);
        if (siteProblem != null) {
            getLog().warn(siteProblem);
        }
        TrainingRequest request = TrainingRequest.builder(recordingsDirectory.toPath(), outputDirectory.toPath(),
                        modelName)
                .sounds(sounds)
                .balance(automaticDatasetBalancing)
                .classifier(classifier, classifierOptions)
                .seed(seed)
                .folds(folds)
                .threads(threads)
                .features(FeatureSettings.defaults().withSilenceThresholdDb(silenceThresholdDb)
                        .withParrotMelFrames(parrotMelFrames))
                .log(new MavenProgressLog(getLog()))
                .dataset(DatasetOptions.builder(segmentsDirectory.toPath())
                        .backgroundSounds(backgroundSounds)
                        .silenceLabel(silenceLabel)
                        .learnSilence(learnSilence)
                        .microphoneSeparator(microphoneSeparator)
                        .build())
                .augmentation(augmentation())
                .falseAlarmsPerMinute(falseAlarmsPerMinute)
                .soundKinds(soundKinds())
                .build();
        SoundModelTrainer.TrainingResult result;
        try {
            SoundModelTrainer trainer = new SoundModelTrainer();
            result = force ? trainer.train(request) : trainer.trainIfChanged(request);
        } catch (ParrotException e) {
            throw failure(e);
        } catch (IOException e) {
            throw new MojoExecutionException("Cannot write the model to " + outputDirectory + ": " + e.getMessage(),
                    e);
        }
        if (!result.trained()) {
            getLog().info("Model " + modelName + " is up to date: " + result.descriptor().fingerprint()
                    .recordingCount() + " recordings, settings unchanged; -Dparrot.force=true retrains");
        }
        enforceGate(result.descriptor(),
                new ModelFiles(outputDirectory.toPath(), modelName).descriptorFile());
    }

    /** The kinds set in the POM; a sound named as both held and short is a contradiction the user must resolve. */
    private Map<String, SoundKind> soundKinds() throws MojoFailureException {
        Map<String, SoundKind> kinds = new LinkedHashMap<>();
        for (String sound : heldSounds == null ? List.<String>of() : heldSounds) {
            kinds.put(sound.trim(), SoundKind.HELD);
        }
        for (String sound : shortSounds == null ? List.<String>of() : shortSounds) {
            if (kinds.put(sound.trim(), SoundKind.SHORT) == SoundKind.HELD) {
                throw new MojoFailureException("'" + sound.trim() + "' is named both in <heldSounds> and in"
                        + " <shortSounds> (-Dparrot.heldSounds, -Dparrot.shortSounds): a sound is one or the other.");
            }
        }
        return kinds;
    }

    private AugmentationSettings augmentation() {
        if (augmentationCopies == 0) {
            return AugmentationSettings.off();
        }
        AugmentationSettings standard = AugmentationSettings.standard(augmentationCopies);
        return augmentationContext ? standard.withContext() : standard;
    }
}
