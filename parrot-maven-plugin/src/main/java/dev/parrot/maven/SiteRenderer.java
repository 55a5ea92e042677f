package dev.parrot.maven;

import org.apache.maven.artifact.versioning.ComparableVersion;
import org.apache.maven.model.Plugin;
import org.apache.maven.model.ReportPlugin;
import org.apache.maven.model.Reporting;
import org.apache.maven.project.MavenProject;

/**
 * Whether the project's site can show the report. The report is built on maven-reporting-impl 4 (Doxia 2); an old
 * maven-site-plugin, such as the 3.3 that Maven before 3.9 picks when none is pinned, hands the report plugin its own
 * Doxia 1 classes, and Maven cannot even create the report: some 130 lines of NoClassDefFoundError for
 * {@code org/apache/maven/doxia/siterenderer/DocumentContent}, before any code of this plugin runs. The train goal,
 * which runs before the site in {@code mvn parrot:train site} and {@code mvn verify site}, says so in one line.
 */
final class SiteRenderer {

    static final String PINNED = "3.21.0";
    /** The oldest site plugin the report was seen to work with (3.3 fails, 3.12.1 works). */
    static final ComparableVersion OLDEST_WORKING = new ComparableVersion("3.12.1");
    /** From this Maven on, the site plugin picked when none is pinned is 3.12.1. */
    static final ComparableVersion MAVEN_WITH_NEWER_DEFAULT = new ComparableVersion("3.9.0");
    static final String SITE_PLUGIN = "org.apache.maven.plugins:maven-site-plugin";

    private SiteRenderer() {
    }

    /**
     * One line saying which site plugin to pin, when the project lists this plugin under {@code <reporting>} and its
     * site would be built with a site plugin too old for the report; null when all is well.
     */
    static String problem(MavenProject project, String pluginKey, String mavenVersion) {
        Reporting reporting = project == null ? null : project.getModel().getReporting();
        if (reporting == null || reporting.getPlugins().stream().map(ReportPlugin::getKey)
                .noneMatch(key -> key.equals(pluginKey))) {
            return null;
        }
        Plugin site = project.getPlugin(SITE_PLUGIN);
        if (site == null && project.getPluginManagement() != null) {
            site = project.getPluginManagement().getPluginsAsMap().get(SITE_PLUGIN);
        }
        String version = site == null ? null : site.getVersion();
        if (version == null) {
            if (mavenVersion == null
                    || new ComparableVersion(mavenVersion).compareTo(MAVEN_WITH_NEWER_DEFAULT) >= 0) {
                return null;
            }
            return tooOld("Maven " + mavenVersion + "'s default maven-site-plugin (3.3)");
        }
        if (version.contains("${") || new ComparableVersion(version).compareTo(OLDEST_WORKING) >= 0) {
            return null;
        }
        return tooOld("maven-site-plugin " + version);
    }

    private static String tooOld(String running) {
        return "The Parrot report under <reporting> needs a newer site plugin than " + running + ", which fails with"
                + " NoClassDefFoundError: DocumentContent: pin <artifactId>maven-site-plugin</artifactId><version>"
                + PINNED + "</version> in <build><plugins> (see the README).";
    }
}
