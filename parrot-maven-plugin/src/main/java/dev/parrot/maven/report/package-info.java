/**
 * The site report: one view class per section of the page, built from the model JSON and classify's figures, the
 * renderer that places them with Freemarker templates, and the labels in {@code parrot-report.properties}. Internal.
 */
package dev.parrot.maven.report;
