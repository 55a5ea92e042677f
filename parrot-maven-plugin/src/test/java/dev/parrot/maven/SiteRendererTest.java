package dev.parrot.maven;

import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.ReportPlugin;
import org.apache.maven.model.Reporting;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Which site plugins the train goal warns about, before they fail to create the report. */
class SiteRendererTest {

    private static final String PARROT = "dev.parrot:parrot-maven-plugin";

    private static MavenProject project(boolean reported, String sitePluginVersion) {
        Model model = new Model();
        model.setBuild(new Build());
        if (sitePluginVersion != null) {
            Plugin site = new Plugin();
            site.setArtifactId("maven-site-plugin");
            site.setVersion(sitePluginVersion);
            model.getBuild().addPlugin(site);
        }
        if (reported) {
            ReportPlugin parrot = new ReportPlugin();
            parrot.setGroupId("dev.parrot");
            parrot.setArtifactId("parrot-maven-plugin");
            Reporting reporting = new Reporting();
            reporting.addPlugin(parrot);
            model.setReporting(reporting);
        }
        return new MavenProject(model);
    }

    @Test
    void anOldPinnedSitePluginIsNamedWithTheVersionToPin() {
        String problem = SiteRenderer.problem(project(true, "3.3"), PARROT, "3.9.9");
        assertTrue(problem.contains("than maven-site-plugin 3.3") && problem.contains("<version>3.21.0</version>"),
                problem);
    }

    @Test
    void noPinnedSitePluginIsAProblemOnlyWhereMavensDefaultIsTheOldOne() {
        String problem = SiteRenderer.problem(project(true, null), PARROT, "3.8.7");
        assertTrue(problem.contains("Maven 3.8.7's default maven-site-plugin (3.3)"), problem);
        assertNull(SiteRenderer.problem(project(true, null), PARROT, "3.9.9"));
    }

    @Test
    void aNewEnoughSitePluginOrNoReportIsNoProblem() {
        assertNull(SiteRenderer.problem(project(true, "3.21.0"), PARROT, "3.8.7"));
        assertNull(SiteRenderer.problem(project(true, "3.12.1"), PARROT, "3.8.7"));
        assertNull(SiteRenderer.problem(project(false, "3.3"), PARROT, "3.8.7"));
        assertNull(SiteRenderer.problem(project(true, "${site.version}"), PARROT, "3.8.7"));
    }
}
