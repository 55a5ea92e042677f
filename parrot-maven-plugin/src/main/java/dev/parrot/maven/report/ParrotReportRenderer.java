package dev.parrot.maven.report;

import org.apache.maven.doxia.sink.Sink;
import org.apache.maven.reporting.AbstractMavenReportRenderer;

import java.util.List;
import java.util.Map;

/**
 * Writes the Parrot page into a Doxia sink: the headings through the sink, so that the site skin styles and anchors
 * them like every other report, and what comes under each heading as HTML from the Freemarker templates.
 */
public final class ParrotReportRenderer extends AbstractMavenReportRenderer {

    private final List<ModelView> models;
    private final String modelsLocation;
    private final ReportTemplates templates;
    private final ReportLabels labels;

    /**
     * @param sink where the page goes
     * @param models the models, in the order they are shown
     * @param modelsLocation where they were read from, as the reader should see it (e.g. {@code target/models})
     * @param templates the templates and labels
     */
    public ParrotReportRenderer(Sink sink, List<ModelView> models, String modelsLocation, ReportTemplates templates) {
        super(sink);
        this.models = List.copyOf(models);
        this.modelsLocation = modelsLocation;
        this.templates = templates;
        this.labels = templates.labels();
    }

    @Override
    public String getTitle() {
        return labels.get("report.title");
    }

    @Override
    protected void renderBody() {
        startSection(getTitle(), "parrot");
        html("style.ftlh", Map.of());
        html("intro.ftlh", Map.of("location", modelsLocation, "models", models));
        for (ModelView model : models) {
            renderModel(model);
        }
        endSection();
    }

    private void renderModel(ModelView model) {
        startSection(labels.get("model.title", model.name()), model.anchor());
        accuracyBox(model);
        onUnseenRecordings(model);
        confusionMatrix(model);
        perSound(model);
        liveDetection(model);
        mostConfused(model);
        recordingsToListenTo(model);
        acrossBuilds(model);
        howItWasMade(model);
        endSection();
    }

    private void accuracyBox(ModelView model) {
        html("accuracy.ftlh", Map.of("model", model));
    }

    /** Beside the estimate, what parrot:classify measured on new recordings, when it did. */
    private void onUnseenRecordings(ModelView model) {
        if (model.unseen() != null) {
            html("unseen.ftlh", Map.of("model", model));
        }
    }

    private void confusionMatrix(ModelView model) {
        startSection(labels.get("matrix.title"), model.anchor() + "-matrix");
        html("matrix.ftlh", Map.of("model", model, "legendRight", MatrixColours.legendStyle(true),
                "legendConfused", MatrixColours.legendStyle(false)));
        endSection();
    }

    private void perSound(ModelView model) {
        startSection(labels.get("sounds.title"), model.anchor() + "-sounds");
        html("sounds.ftlh", Map.of("model", model));
        endSection();
    }

    /** The detector thresholds training calibrated, for a model trained with calibration. */
    private void liveDetection(ModelView model) {
        if (model.live() != null) {
            startSection(labels.get("live.title"), model.anchor() + "-live");
            html("live.ftlh", Map.of("live", model.live()));
            endSection();
        }
    }

    private void mostConfused(ModelView model) {
        startSection(labels.get("pairs.title"), model.anchor() + "-pairs");
        html("pairs.ftlh", Map.of("model", model));
        endSection();
    }

    private void recordingsToListenTo(ModelView model) {
        startSection(labels.get("mistakes.title"), model.anchor() + "-listen");
        html("mistakes.ftlh", Map.of("model", model));
        endSection();
    }

    /** Only once the train goal has kept a history: models trained before it have none. */
    private void acrossBuilds(ModelView model) {
        if (model.history() != null) {
            startSection(labels.get("history.title"), model.anchor() + "-history");
            html("history.ftlh", Map.of("model", model));
            endSection();
        }
    }

    private void howItWasMade(ModelView model) {
        startSection(labels.get("made.title"), model.anchor() + "-made");
        html("made.ftlh", Map.of("model", model));
        endSection();
    }

    /** A template's HTML, as is: it is escaped already, by the template's HTML output format. */
    private void html(String template, Map<String, ?> model) {
        sink.rawText(templates.render(template, model));
    }
}
