package io.eksnet.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.engine.RuleDocs;
import io.eksnet.scan.ScanRequest;
import io.eksnet.scan.ScanResult;
import io.eksnet.scan.Scanner;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.junit.jupiter.api.Test;

/** The HTML report of the example shop, parsed as a browser would. */
class HtmlReportTest {

  private static final Path SHOP = Path.of("examples/shop").toAbsolutePath();

  private static Document page() {
    ScanResult r = new Scanner().scan(ScanRequest.of(SHOP.getParent().getParent(), List.of(SHOP)));
    String html = Format.parse("html").render(r, ReportOptions.defaults().withDocs(RuleDocs::doc));
    return Jsoup.parse(html);
  }

  @Test
  void oneSelfContainedPageWithoutScripts() {
    Document d = page();
    assertEquals("eksnet report", d.title());
    assertTrue(d.select("script, link, img, iframe, [src]").isEmpty(), "no script or resource");
    assertTrue(d.select("[onclick], [onload]").isEmpty());
    assertFalse(d.select("head > style").isEmpty(), "styles are inline");
    assertEquals(
        "5 findings (2 high, 1 medium, 1 low, 1 info) in 4 files",
        d.selectFirst(".summary").text());
  }

  @Test
  void findingsAreGroupedByRuleMostSevereFirstThenByFile() {
    Document d = page();
    Elements rules = d.select("section.rule");
    assertEquals(5, rules.size(), "one section per rule with findings");
    List<String> severities = rules.stream().map(s -> s.selectFirst(".badge").text()).toList();
    assertEquals(List.of("HIGH", "HIGH", "MEDIUM", "LOW", "INFO"), severities);
    Element lb002 = d.getElementById("rule-EKS-LB-002");
    assertTrue(lb002.hasClass("sev-high"), "the severity colour class");
    assertEquals("examples/shop/storefront.yaml", lb002.selectFirst("h3.file code").text());
    Element f = lb002.selectFirst("ul.findings > li");
    assertEquals("95:15", f.selectFirst("a.where").text());
    assertEquals("#" + f.id(), f.selectFirst("a.where").attr("href"), "each finding has an anchor");
    assertTrue(f.text().contains("Ingress shop/storefront sends catalog:http"), f.text());
    assertEquals(5, d.select("section.rule ul.findings > li").size());
  }

  @Test
  void eachRuleCarriesItsHelpInADetailsElement() {
    Element help = page().getElementById("rule-EKS-LB-002").selectFirst("details");
    assertEquals("Rule help", help.selectFirst("summary").text());
    assertTrue(help.text().contains("Remediation:"), help.text());
    assertTrue(help.selectFirst("pre.doc").text().startsWith("# EKS-LB-002"), help.text());
  }

  @Test
  void relatedLocationsAreLinks() {
    Elements related = page().select("ul.related a.where");
    assertFalse(related.isEmpty(), "the example has findings with related locations");
    for (Element a : related) {
      String href = a.attr("href");
      assertTrue(
          href.startsWith("#f") || href.matches("examples/shop/[a-z]+\\.yaml#L\\d+"),
          "a finding's anchor or a root-relative source line: " + href);
      assertTrue(href.endsWith("#L" + a.text().replaceAll(".*:", "")) || href.startsWith("#f"));
    }
  }

  @Test
  void textFromFilesIsEscaped() {
    assertEquals(
        "&lt;script&gt;alert(&#39;x&#39;) &amp; &quot;y&quot;&lt;/script&gt;",
        HtmlReport.esc("<script>alert('x') & \"y\"</script>"));
  }
}
