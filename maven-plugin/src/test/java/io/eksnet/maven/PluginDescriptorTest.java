package io.eksnet.maven;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * The generated {@code META-INF/maven/plugin.xml} (INTEGRATIONS.md §6 item 13): what Maven reads,
 * so it is checked rather than the annotations.
 */
class PluginDescriptorTest {

  private static Element plugin;
  private static Element mojo;
  private static final Map<String, Element> PARAMETERS = new HashMap<>();
  private static final Map<String, Element> CONFIGURATION = new HashMap<>();

  @BeforeAll
  static void load() throws Exception {
    try (InputStream in =
        PluginDescriptorTest.class.getResourceAsStream("/META-INF/maven/plugin.xml")) {
      assertNotNull(in, "plugin.xml is generated before the tests run");
      Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
      plugin = doc.getDocumentElement();
    }
    NodeList mojos = plugin.getElementsByTagName("mojo");
    List<String> goals = new java.util.ArrayList<>();
    for (int i = 0; i < mojos.getLength(); i++) {
      Element m = (Element) mojos.item(i);
      goals.add(text(m, "goal"));
      if ("check".equals(text(m, "goal"))) {
        mojo = m;
      }
    }
    assertEquals(List.of("check", "help"), goals.stream().sorted().toList(), "goals");
    for (Element p : children(child(mojo, "parameters"), "parameter")) {
      PARAMETERS.put(text(p, "name"), p);
    }
    for (Element c : children(child(mojo, "configuration"), null)) {
      CONFIGURATION.put(c.getTagName(), c);
    }
  }

  private static Element child(Element parent, String name) {
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && e.getTagName().equals(name)) {
        return e;
      }
    }
    return null;
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> out = new java.util.ArrayList<>();
    for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
      if (n instanceof Element e && (name == null || e.getTagName().equals(name))) {
        out.add(e);
      }
    }
    return out;
  }

  private static String text(Element parent, String name) {
    Element e = child(parent, name);
    return e == null ? null : e.getTextContent().strip();
  }

  @Test
  void goalCheckIsThreadSafeBoundToVerifyWithPrefixEksnet() {
    assertEquals("eksnet", text(plugin, "goalPrefix"));
    assertEquals("check", text(mojo, "goal"));
    assertEquals("verify", text(mojo, "phase"));
    assertEquals("true", text(mojo, "threadSafe"));
    assertEquals("true", text(mojo, "requiresProject"));
    String resolution = text(mojo, "requiresDependencyResolution");
    assertTrue(
        resolution == null || resolution.isEmpty(), "no dependency resolution: " + resolution);
    assertNotNull(text(mojo, "description"));
  }

  @Test
  void runsOnMaven387AndJava17() {
    assertEquals("17", text(plugin, "requiredJavaVersion"));
    String maven = text(plugin, "requiredMavenVersion");
    assertTrue(
        maven.compareTo("3.8.7") <= 0 && maven.startsWith("3."), "requiredMavenVersion " + maven);
  }

  @Test
  void everyParameterOfTheIssueHasAnEksnetPropertyAndJavadoc() {
    Map<String, String> defaults = new HashMap<>();
    defaults.put("skip", "false");
    defaults.put("failOnViolation", "true");
    defaults.put("sarifFile", "${project.build.directory}/eksnet.sarif");
    defaults.put("formats", "sarif");
    defaults.put("includeTests", "false");
    for (String name :
        List.of(
            "skip",
            "failOn",
            "failOnViolation",
            "paths",
            "excludes",
            "rulesDirectories",
            "configFile",
            "sarifFile",
            "formats",
            "baselineFile",
            "root",
            "includeTests")) {
      Element p = PARAMETERS.get(name);
      assertNotNull(p, "parameter " + name);
      assertEquals("true", text(p, "editable"), name);
      assertTrue(
          text(p, "description") != null && text(p, "description").length() > 10,
          name + " has Javadoc");
      Element c = CONFIGURATION.get(name);
      assertNotNull(c, name + " is configurable");
      String expression = c.getTextContent().strip();
      assertTrue(expression.equals("${eksnet." + name + "}"), name + " property: " + expression);
      assertEquals(
          defaults.get(name),
          c.hasAttribute("default-value") ? c.getAttribute("default-value") : null,
          name + " default");
    }
    assertEquals("failOnSeverity", text(PARAMETERS.get("failOn"), "alias"));
    assertTrue(text(PARAMETERS.get("sarifFile"), "description").contains("SARIF"));
  }
}
