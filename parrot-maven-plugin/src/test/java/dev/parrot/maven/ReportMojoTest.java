package dev.parrot.maven;

import org.apache.maven.api.plugin.testing.InjectMojo;
import org.apache.maven.api.plugin.testing.MojoParameter;
import org.apache.maven.api.plugin.testing.MojoTest;
import org.apache.maven.doxia.sink.impl.Xhtml5BaseSink;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.reporting.MavenReport;
import org.junit.jupiter.api.Test;

import javax.inject.Inject;
import java.io.StringWriter;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.mockito.ArgumentMatchers.contains;
import static org.mockito.Mockito.verify;

/** The report goal as Maven configures it from its descriptor, with the defaults a user gets. */
@MojoTest
class ReportMojoTest {

    @Inject
    private Log log;

    @Test
    @InjectMojo(goal = "report")
    void withoutAModelThereIsNoPageAndTheLogSaysWhy(ReportMojo mojo) throws Exception {
        // The default models folder, target/models of this module, holds no model.
        assertFalse(mojo.canGenerateReport());
        verify(log).info(contains("No Parrot model in "));
        verify(log).info(contains("run parrot:train first"));
    }

    @Test
    @InjectMojo(goal = "report")
    @MojoParameter(name = "modelsDirectory", value = "${basedir}/src/test/resources/models")
    @MojoParameter(name = "siteOutputDirectory", value = "${basedir}/target/site")
    @MojoParameter(name = "classificationsDirectory", value = "${basedir}/src/test/resources/parrot")
    void everyModelInTheFolderIsOnThePage(ReportMojo mojo) throws Exception {
        assertTrue(mojo.canGenerateReport());
        StringWriter html = new StringWriter();
        mojo.generate(new Xhtml5BaseSink(html), null, Locale.ENGLISH);
        String page = html.toString();
        assertTrue(page.contains("Model drums"), page);
        assertTrue(page.contains("the sound models in src/test/resources/models:"), "the folder, relative");
        assertTrue(page.contains("<span class=\"parrot-accuracy-value\">91.1%</span>"));
        assertTrue(page.contains("<span class=\"parrot-accuracy-value\">83.3%</span>"), "classify's figure");
        verify(log).info("Parrot report of 1 model from src/test/resources/models: target/site/parrot.html");
    }

    @Test
    @InjectMojo(goal = "report")
    @MojoParameter(name = "modelsDirectory", value = "${basedir}/src/test/resources/models")
    @MojoParameter(name = "skip", value = "true")
    void skipLeavesThePageOut(ReportMojo mojo) throws Exception {
        assertFalse(mojo.canGenerateReport());
        verify(log).info(contains("parrot.skip"));
    }

    @Test
    @InjectMojo(goal = "report")
    @MojoParameter(name = "siteOutputDirectory", value = "${basedir}/target/site")
    void itIsAProjectReportCalledParrot(ReportMojo mojo) {
        assertEquals("parrot", mojo.getOutputPath());
        assertEquals(MavenReport.CATEGORY_PROJECT_REPORTS, mojo.getCategoryName());
        assertEquals("Parrot sound models", mojo.getName(Locale.ENGLISH));
        assertTrue(mojo.getReportOutputDirectory().getPath().endsWith("target/site"),
                mojo.getReportOutputDirectory().getPath());
    }
}
