package dev.parrot.maven;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

import javax.xml.parsers.DocumentBuilderFactory;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The m2e lifecycle mapping is on the plugin's class path (so in its jar, where m2e looks), well formed, and maps
 * every goal: train on explicit builds only, the others ignored.
 */
class LifecycleMappingMetadataTest {

    static final String RESOURCE = "META-INF/m2e/lifecycle-mapping-metadata.xml";

    @Test
    void mapsEveryGoal() throws Exception {
        Map<String, String> actions = new LinkedHashMap<>();
        Map<String, String> incremental = new LinkedHashMap<>();
        try (InputStream in = getClass().getClassLoader().getResourceAsStream(RESOURCE)) {
            assertNotNull(in, RESOURCE + " is not on the class path");
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Document xml = factory.newDocumentBuilder().parse(in);
            assertEquals("lifecycleMappingMetadata", xml.getDocumentElement().getTagName());
            NodeList executions = xml.getElementsByTagName("pluginExecution");
            for (int i = 0; i < executions.getLength(); i++) {
                Element execution = (Element) executions.item(i);
                Element action = (Element) execution.getElementsByTagName("action").item(0);
                Element what = firstChild(action);
                NodeList goals = execution.getElementsByTagName("goal");
                for (int g = 0; g < goals.getLength(); g++) {
                    String goal = goals.item(g).getTextContent().trim();
                    actions.put(goal, what.getTagName());
                    NodeList on = what.getElementsByTagName("runOnIncremental");
                    incremental.put(goal, on.getLength() == 0 ? "" : on.item(0).getTextContent().trim());
                }
            }
        }
        assertEquals(Map.of("train", "execute", "report", "ignore", "classify", "ignore", "check", "ignore",
                "record", "ignore", "listen", "ignore"), actions);
        assertEquals("false", incremental.get("train"));
        assertEquals(goalsOfThePlugin(), new ArrayList<>(actions.keySet()).stream().sorted().toList());
    }

    private static Element firstChild(Element parent) {
        for (var n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e) {
                return e;
            }
        }
        throw new AssertionError("empty <" + parent.getTagName() + ">");
    }

    /** The goals the plugin descriptor declares, so that a new goal cannot be left unmapped. */
    private static List<String> goalsOfThePlugin() throws Exception {
        try (InputStream in = LifecycleMappingMetadataTest.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/plugin.xml")) {
            assertNotNull(in, "plugin.xml");
            NodeList goals = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in)
                    .getElementsByTagName("goal");
            List<String> names = new ArrayList<>();
            for (int i = 0; i < goals.getLength(); i++) {
                if (goals.item(i).getParentNode().getNodeName().equals("mojo")) {
                    names.add(goals.item(i).getTextContent().trim());
                }
            }
            return names.stream().sorted().toList();
        }
    }
}
