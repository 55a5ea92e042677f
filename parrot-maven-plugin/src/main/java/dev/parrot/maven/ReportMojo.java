package dev.parrot.maven;

import dev.parrot.maven.report.ModelView;
import dev.parrot.model.UnseenEvaluation;
import dev.parrot.maven.report.ModelsFolder;
import dev.parrot.maven.report.ParrotReportRenderer;
import dev.parrot.maven.report.ReportClips;
import dev.parrot.maven.report.ReportLabels;
import dev.parrot.maven.report.ReportTemplates;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.reporting.AbstractMavenReport;
import org.apache.maven.reporting.MavenReportException;

import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The Parrot page of the build site, {@code parrot.html}: for every model the train goal left in the models folder,
 * its cross-validated accuracy, a coloured confusion matrix, per-sound figures, the sounds it mixes up and how it was
 * made, and the accuracy on recordings it never saw when {@code parrot:classify} measured one. Listed under Project
 * Reports when the plugin is under {@code <reporting>}; run on its own, or bound to {@code verify} after
 * {@code train}, it writes the same page into {@code siteOutputDirectory}. It only reads what the other goals wrote;
 * it never trains.
 */
@Mojo(name = "report", defaultPhase = LifecyclePhase.VERIFY, threadSafe = true)
public class ReportMojo extends AbstractMavenReport {

    static final String OUTPUT_NAME = "parrot";

    /**
     * The folder the train goal writes its models to. Every {@code *.json} model descriptor there gets a section of
     * the page. Same property as train's {@code outputDirectory}, so one {@code -Dparrot.outputDirectory} moves both.
     */
    @Parameter(property = "parrot.outputDirectory", defaultValue = "${project.build.directory}/models",
            required = true)
    private File modelsDirectory;

    /**
     * The folder {@code parrot:classify} writes to. A {@code <modelName>-unseen.json} there, its accuracy on
     * recordings the model never saw, is shown beside the cross-validated estimate. Same property as classify's
     * {@code reportDirectory}, so one {@code -Dparrot.reportDirectory} moves both; if you configure classify's
     * {@code reportDirectory}, set this to the same folder.
     */
    @Parameter(property = "parrot.reportDirectory", defaultValue = "${project.build.directory}/parrot",
            required = true)
    private File classificationsDirectory;

    /**
     * Where {@code parrot.html} goes when the goal runs outside {@code mvn site} ({@code mvn parrot:report}, or bound
     * in an execution). Under {@code mvn site} the page goes where the site goes.
     */
    @Parameter(property = "parrot.siteOutputDirectory", defaultValue = "${project.reporting.outputDirectory}",
            required = true)
    private File siteOutputDirectory;

    /**
     * Not used: the page goes to {@code siteOutputDirectory}. Declared so that the name, which in a plugin-wide
     * {@code <configuration>} belongs to train's models folder, is documented here rather than by
     * maven-reporting-impl's inherited field.
     */
    @Parameter(defaultValue = "${project.build.directory}/reports")
    private File outputDirectory;

    /** Skips the report, e.g. {@code -Dparrot.skip} on a machine without the recordings. */
    @Parameter(property = "parrot.skip", defaultValue = "false")
    private boolean skip;

    /** The models found by {@link #canGenerateReport()}, so that the folder is read once per page. */
    private List<ModelsFolder.FoundModel> found;

    @Override
    public String getOutputPath() {
        return OUTPUT_NAME;
    }

    /** Still abstract in maven-reporting-api 4, though deprecated for {@link #getOutputPath()}. */
    @Override
    @SuppressWarnings("deprecation")
    public String getOutputName() {
        return getOutputPath();
    }

    @Override
    public String getName(Locale locale) {
        return ReportLabels.forLocale(locale).get("report.name");
    }

    @Override
    public String getDescription(Locale locale) {
        return ReportLabels.forLocale(locale).get("report.description");
    }

    /**
     * The standalone page goes to {@link #siteOutputDirectory}, not to maven-reporting-impl's {@code target/reports}:
     * a user looks for it where {@code mvn site} puts it. The inherited {@code outputDirectory} is not used, because
     * in a plugin-wide {@code <configuration>} that name belongs to train's models folder.
     */
    @Override
    protected String getOutputDirectory() {
        return siteOutputDirectory.getAbsolutePath();
    }

    @Override
    public boolean canGenerateReport() throws MavenReportException {
        if (skip) {
            getLog().info("Skipping the Parrot report (parrot.skip is set)");
            return false;
        }
        try {
            found = ModelsFolder.scan(modelsDirectory.toPath(), new MavenProgressLog(getLog()));
        } catch (IOException e) {
            throw new MavenReportException("Cannot list the models in " + modelsDirectory + ": " + e.getMessage(), e);
        }
        if (found.isEmpty()) {
            getLog().info("No Parrot model in " + shown(modelsDirectory.toPath()) + ", so no Parrot report: run"
                    + " parrot:train first (or set modelsDirectory to where it writes the models).");
            return false;
        }
        return true;
    }

    @Override
    protected void executeReport(Locale locale) throws MavenReportException {
        if (found == null && !canGenerateReport()) {
            return;
        }
        ReportLabels labels = ReportLabels.forLocale(locale);
        MavenProgressLog log = new MavenProgressLog(getLog());
        Path site = getReportOutputDirectory().toPath();
        List<ModelView> views = new ArrayList<>();
        for (ModelsFolder.FoundModel m : found) {
            Optional<UnseenEvaluation> unseen = ModelsFolder.unseen(classificationsDirectory.toPath(),
                    m.descriptor(), log);
            ReportClips.Clips clips;
            try {
                clips = ReportClips.copy(site, m.descriptor(), unseen, log);
            } catch (IOException e) {
                throw new MavenReportException("Cannot copy the clips of " + m.descriptor().name() + " into "
                        + site + ": " + e.getMessage(), e);
            }
            views.add(ModelView.of(m.descriptor(), unseen, ModelsFolder.history(m, log), clips, labels));
        }
        new ParrotReportRenderer(getSink(), views, shown(modelsDirectory.toPath()), new ReportTemplates(labels))
                .render();
        getLog().info("Parrot report of " + views.size() + (views.size() == 1 ? " model" : " models") + " from "
                + shown(modelsDirectory.toPath()) + ": "
                + shown(getReportOutputDirectory().toPath().resolve(getOutputPath() + ".html")));
    }

    /** A path as the reader knows it: relative to the project when inside it ({@code target/models}). */
    private String shown(Path path) {
        Path base = project == null || project.getBasedir() == null ? null
                : project.getBasedir().toPath().toAbsolutePath().normalize();
        Path absolute = path.toAbsolutePath().normalize();
        if (base != null && absolute.startsWith(base) && !absolute.equals(base)) {
            return base.relativize(absolute).toString().replace(File.separatorChar, '/');
        }
        return absolute.toString();
    }
}
