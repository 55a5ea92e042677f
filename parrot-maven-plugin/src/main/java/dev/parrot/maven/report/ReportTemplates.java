package dev.parrot.maven.report;

import freemarker.core.HTMLOutputFormat;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.TemplateMethodModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.utility.DeepUnwrap;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The Freemarker templates of the report, under {@code dev/parrot/maven/report/} on the class path. They are
 * {@code .ftlh} files, so everything they print is HTML-escaped unless a template says otherwise: a sound folder named
 * {@code <script>} shows up as text. Each template also gets {@code msg(key, args...)}, the report's labels.
 */
public final class ReportTemplates {

    private final Configuration configuration;
    private final ReportLabels labels;

    public ReportTemplates(ReportLabels labels) {
        this.labels = labels;
        configuration = new Configuration(Configuration.VERSION_2_3_34);
        configuration.setClassForTemplateLoading(ReportTemplates.class, "/dev/parrot/maven/report");
        configuration.setDefaultEncoding("UTF-8");
        // .ftlh means HTML output with auto-escaping; spelt out so that a renamed template cannot lose it.
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setOutputFormat(HTMLOutputFormat.INSTANCE);
        configuration.setLocale(labels.locale());
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        // Figures arrive formatted by ReportLabels; a number the template prints itself is an index or a CSS value.
        configuration.setNumberFormat("computer");
    }

    public ReportLabels labels() {
        return labels;
    }

    /**
     * Renders a template to HTML.
     *
     * @param template the file name, e.g. {@code accuracy.ftlh}
     * @param model what the template sees, besides {@code msg}
     * @throws IllegalStateException when a template is broken, which is a bug of this plugin, not the user's
     */
    public String render(String template, Map<String, ?> model) {
        Map<String, Object> root = new HashMap<>(model);
        root.put("msg", (TemplateMethodModelEx) this::message);
        try {
            Template t = configuration.getTemplate(template);
            StringWriter out = new StringWriter();
            t.process(root, out);
            return out.toString();
        } catch (TemplateException e) {
            throw new IllegalStateException("Report template " + template + " failed: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot load report template " + template, e);
        }
    }

    private Object message(List<?> arguments) throws TemplateModelException {
        if (arguments.isEmpty()) {
            throw new TemplateModelException("msg needs a label key");
        }
        Object[] args = new Object[arguments.size() - 1];
        for (int i = 1; i < arguments.size(); i++) {
            args[i - 1] = DeepUnwrap.unwrap((TemplateModel) arguments.get(i));
        }
        String key = String.valueOf(DeepUnwrap.unwrap((TemplateModel) arguments.get(0)));
        return labels.get(key, args);
    }
}
