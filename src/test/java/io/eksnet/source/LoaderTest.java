package io.eksnet.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.model.CiliumPolicy;
import io.eksnet.model.Ingress;
import io.eksnet.model.IngressClass;
import io.eksnet.model.IngressClassParams;
import io.eksnet.model.InputProblem;
import io.eksnet.model.Location;
import io.eksnet.model.Service;
import io.eksnet.model.Workload;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoaderTest {

  @TempDir Path dir;

  private Loader.Loaded load(String name, byte[] content) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, content);
    return new Loader().load(new SourceFile(f, name));
  }

  private Loader.Loaded load(String name, String content) throws IOException {
    return load(name, content.getBytes(StandardCharsets.UTF_8));
  }

  private static <T> T only(Loader.Loaded l, Class<T> type) {
    List<T> xs = l.facts().stream().filter(type::isInstance).map(type::cast).toList();
    assertEquals(1, xs.size(), "facts: " + l.facts());
    return xs.get(0);
  }

  private static final String SERVICE =
      """
      # leading comment
      apiVersion: v1
      kind: Service
      metadata:
        name: web
        annotations:
          note: |
            a block scalar
            over two lines
      spec:
        type: NodePort
        ports:
          - port: 80
            targetPort: http
      """;

  @Test
  void anObjectWithAPlaceholderNameIsATemplateSkippedWithANote() throws IOException {
    Loader.Loaded l =
        load(
            "template.yaml",
            """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: <ingress-name>
              namespace: <placement-namespace>
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: "${APP}"}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: web, namespace: shop}
            """);
    assertEquals(List.of(), l.problems());
    assertEquals(
        List.of(
            "template.yaml:1: Ingress is a template (metadata.name '<ingress-name>' is a"
                + " placeholder): skipped; fill it in and scan the result",
            "template.yaml:7: Service is a template (metadata.name '${APP}' is a placeholder):"
                + " skipped; fill it in and scan the result"),
        l.notes());
    assertEquals("web", only(l, Service.class).getName());
  }

  @Test
  void fieldLocationsPointAtTheKeyLineAndColumn() throws IOException {
    Service s = only(load("s.yaml", SERVICE), Service.class);
    assertEquals(
        new Location("s.yaml", 11, 3, "Service/default/web", "spec.type"), s.at("spec", "type"));
    assertEquals(2, s.getLocation().line());
    assertEquals(13, s.portAt(s.getPorts().get(0)).line());
    assertEquals(14, s.portAt(s.getPorts().get(0), "targetPort").line());
    assertEquals("http", s.getPorts().get(0).targetPort());
  }

  @Test
  void missingFieldFallsBackToDeepestExistingNode() throws IOException {
    Service s = only(load("s.yaml", SERVICE), Service.class);
    Location l = s.at("spec", "externalTrafficPolicy");
    assertEquals(10, l.line(), "points at spec:");
    assertEquals("spec.externalTrafficPolicy", l.field());
  }

  @Test
  void multiDocumentCrlfAndBomDoNotShiftLines() throws IOException {
    String text =
        "---\r\n# first\r\napiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: a\r\n---\r\n---\r\n"
            + "apiVersion: v1\r\nkind: Service\r\nmetadata:\r\n  name: b\r\nspec:\r\n  type: NodePort\r\n";
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] body = text.getBytes(StandardCharsets.UTF_8);
    byte[] all = new byte[bom.length + body.length];
    System.arraycopy(bom, 0, all, 0, bom.length);
    System.arraycopy(body, 0, all, bom.length, body.length);
    Loader.Loaded l = load("m.yaml", all);
    assertEquals(List.of(), l.problems());
    List<Service> ss = l.facts().stream().map(Service.class::cast).toList();
    assertEquals(2, ss.size());
    assertEquals(3, ss.get(0).getLocation().line());
    assertEquals(9, ss.get(1).getLocation().line());
    assertEquals(14, ss.get(1).at("spec", "type").line());
  }

  /**
   * Files saved with a byte order mark and joined with {@code cat}: each later document starts with
   * one. kubectl reads such a stream; SnakeYAML read the mark as part of the first key, so the
   * objects lost their apiVersion ("scanned by its kind") or, when kind came first, were an input
   * problem.
   */
  @Test
  void aByteOrderMarkAtTheStartOfALaterDocumentIsNotPartOfItsFirstKey() throws IOException {
    String text =
        "\uFEFFapiVersion: v1\nkind: Service\nmetadata: {name: a}\n"
            + "---\n\uFEFFkind: Service\napiVersion: v1\nmetadata: {name: b}\nspec:\n  type: NodePort\n"
            + "\uFEFF---\r\n\uFEFFapiVersion: v1\r\nkind: Service\r\nmetadata: {name: c}\r\n"
            + "...\n\uFEFF---\nkind: Service\napiVersion: v1\nmetadata: {name: d, labels: {x: \"\uFEFF\"}}\n";
    Loader.Loaded l = load("cat.yaml", text);
    assertEquals(List.of(), l.problems());
    assertEquals(List.of(), l.notes());
    List<Service> ss = l.facts().stream().map(Service.class::cast).toList();
    assertEquals(List.of("a", "b", "c", "d"), ss.stream().map(Service::getName).toList());
    assertEquals(9, ss.get(1).at("spec", "type").line());
    assertEquals(3, ss.get(1).at("spec", "type").column());
    assertEquals(11, ss.get(2).getLocation().line());
    assertEquals("\uFEFF", ss.get(3).getLabels().get("x")); // in a value, it is content
  }

  @Test
  void listKindsExpandToTheirItems() throws IOException {
    Loader.Loaded l =
        load(
            "l.yaml",
            """
        apiVersion: v1
        kind: List
        items:
          - apiVersion: v1
            kind: Service
            metadata: {name: a, namespace: x}
          - apiVersion: apps/v1
            kind: Deployment
            metadata: {name: d}
            spec:
              template:
                metadata: {labels: {app: d}}
                spec:
                  containers: [{name: c, image: i, ports: [{containerPort: 80, name: http}]}]
        """);
    assertEquals(2, l.facts().size());
    Service s = (Service) l.facts().get(0);
    assertEquals("x", s.getNamespace());
    assertEquals(4, s.getLocation().line());
    Workload w = (Workload) l.facts().get(1);
    assertEquals("default", w.getNamespace());
    assertEquals("http", w.getContainers().get(0).ports().get(0).name());
    assertEquals(1, w.getReplicas());
  }

  @Test
  void jsonManifestsKeepPositionsToo() throws IOException {
    Service s =
        only(
            load(
                "s.json",
                """
        {
          "apiVersion": "v1",
          "kind": "Service",
          "metadata": {"name": "web"},
          "spec": {
            "type": "LoadBalancer"
          }
        }
        """),
            Service.class);
    assertEquals(1, s.getLocation().line());
    assertEquals(6, s.at("spec", "type").line());
    assertEquals("LoadBalancer", s.getType());
  }

  @Test
  void duplicateKeysAreInputProblemsWithBothLines() throws IOException {
    Loader.Loaded l =
        load(
            "d.yaml",
            """
        apiVersion: v1
        kind: Service
        metadata:
          name: a
          name: b
        """);
    assertEquals(1, l.problems().size());
    InputProblem p = l.problems().get(0);
    assertEquals(5, p.location().line());
    assertTrue(p.message().contains("first at line 4"), p.message());
  }

  @Test
  void syntaxErrorsNameTheLineAndKeepEarlierDocuments() throws IOException {
    Loader.Loaded l =
        load(
            "bad.yaml",
            """
        apiVersion: v1
        kind: Service
        metadata: {name: ok}
        ---
        apiVersion: v1
        kind: Service
        metadata: {name: [broken
        """);
    assertEquals(1, l.facts().size());
    assertEquals(1, l.problems().size());
    assertTrue(l.problems().get(0).location().line() >= 7, l.problems().toString());
  }

  @Test
  void billionLaughsIsRejectedQuickly() throws IOException {
    StringBuilder sb =
        new StringBuilder(
            "a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
    for (char c = 'b'; c <= 'k'; c++) {
      char p = (char) (c - 1);
      sb.append(c).append(": &").append(c).append(" [*").append(p);
      for (int i = 0; i < 8; i++) {
        sb.append(",*").append(p);
      }
      sb.append("]\n");
    }
    long t0 = System.nanoTime();
    Loader.Loaded l = load("bomb.yaml", sb.toString());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(1, l.problems().size(), l.problems().toString());
    assertTrue(ms < 5000, "took " + ms + " ms");
  }

  @Test
  void binaryAndOversizedFilesAreProblemsNotCrashes() throws IOException {
    Loader.Loaded bin = load("x.yaml", new byte[] {1, 2, 0, 3});
    assertTrue(bin.problems().get(0).message().contains("binary"));
    Path big = dir.resolve("big.yaml");
    Files.write(big, new byte[1024]);
    Loader.Loaded l =
        new Loader(new Limits(100, 100, 10, 10, 100)).load(new SourceFile(big, "big.yaml"));
    assertTrue(l.problems().get(0).message().contains("up to"), l.problems().toString());
  }

  @Test
  void nonKubernetesYamlIsSkippedQuietly() throws IOException {
    Loader.Loaded l =
        load(
            "ci.yaml",
            """
        name: build
        on: [push]
        jobs: {}
        ---
        - a list document
        """);
    assertEquals(List.of(), l.problems());
    assertEquals(List.of(), l.facts());
  }

  @Test
  void ingressBackendsOfBothApiVersionsAreRead() throws IOException {
    Loader.Loaded l =
        load(
            "i.yaml",
            """
        apiVersion: networking.k8s.io/v1
        kind: Ingress
        metadata:
          name: a
          annotations: {kubernetes.io/ingress.class: alb}
        spec:
          rules:
            - http:
                paths:
                  - path: /
                    backend:
                      service: {name: web, port: {name: http}}
        ---
        apiVersion: extensions/v1beta1
        kind: Ingress
        metadata: {name: b}
        spec:
          backend: {serviceName: old, servicePort: 8080}
        """);
    Ingress a = (Ingress) l.facts().get(0);
    assertEquals("alb", a.getClassAnnotation());
    assertEquals("web:http", a.getBackends().get(0).describe());
    assertEquals(12, a.backendAt(a.getBackends().get(0)).line());
    Ingress b = (Ingress) l.facts().get(1);
    assertEquals("old:8080", b.getBackends().get(0).describe());
  }

  @Test
  void ingressClassParamsAreReadWithFieldPositions() throws IOException {
    Loader.Loaded l =
        load(
            "p.yaml",
            """
        apiVersion: elbv2.k8s.aws/v1beta1
        kind: IngressClassParams
        metadata:
          name: public
        spec:
          scheme: internet-facing
          targetType: ip
          group:
            name: shared
          namespaceSelector:
            matchLabels: {team: a}
          subnets:
            ids:
              - subnet-0a
              - subnet-0b
        ---
        apiVersion: elbv2.k8s.aws/v1beta1
        kind: IngressClassParams
        metadata: {name: tagged}
        spec:
          subnets:
            tags:
              kubernetes.io/role/elb: ["1", ""]
          namespaceSelector:
        ---
        apiVersion: example.com/v1
        kind: IngressClassParams
        metadata: {name: other-group}
        ---
        apiVersion: networking.k8s.io/v1
        kind: IngressClass
        metadata: {name: public}
        spec:
          controller: ingress.k8s.aws/alb
          parameters:
            apiGroup: elbv2.k8s.aws
            kind: IngressClassParams
            name: public
        """);
    List<IngressClassParams> ps =
        l.facts().stream()
            .filter(IngressClassParams.class::isInstance)
            .map(IngressClassParams.class::cast)
            .toList();
    assertEquals(2, ps.size(), "only the elbv2.k8s.aws kind is read: " + l.facts());
    IngressClassParams p = ps.get(0);
    assertEquals("internet-facing", p.getScheme());
    assertEquals("ip", p.getTargetType());
    assertEquals("shared", p.getGroupName());
    assertEquals(List.of("subnet-0a", "subnet-0b"), p.getSubnetIds());
    assertEquals(null, p.getSubnetTags());
    assertTrue(p.getNamespaceSelector().matches(Map.of("team", "a")));
    assertEquals("IngressClassParams/public", p.getObjectId());
    assertEquals(
        new Location("p.yaml", 6, 3, "IngressClassParams/public", "spec.scheme"),
        p.at("spec", "scheme"));
    assertEquals(15, p.at("spec", "subnets", "ids", "1").line());
    IngressClassParams t = ps.get(1);
    assertEquals(Map.of("kubernetes.io/role/elb", List.of("1", "")), t.getSubnetTags());
    assertEquals(null, t.getSubnetIds());
    assertTrue(t.hasSubnets());
    // written but null: every namespace
    assertTrue(t.getNamespaceSelector().matches(Map.of()));
    IngressClass c = only(l, IngressClass.class);
    assertTrue(c.referencesIngressClassParams());
    assertEquals("public", c.getParametersName());
    assertEquals(38, c.at("spec", "parameters", "name").line());
  }

  @Test
  void ciliumSpecsListIsFlattened() throws IOException {
    CiliumPolicy p =
        only(
            load(
                "c.yaml",
                """
        apiVersion: cilium.io/v2
        kind: CiliumClusterwideNetworkPolicy
        metadata: {name: x}
        specs:
          - endpointSelector: {}
            egress:
              - toFQDNs: [{matchName: a.example.com}]
          - endpointSelector: {matchLabels: {app: b}}
            egress:
              - toPorts: [{ports: [{port: "53"}], rules: {dns: [{matchPattern: "*"}]}}]
        """),
            CiliumPolicy.class);
    assertEquals("", p.getNamespace());
    assertTrue(p.hasFqdnRules());
    assertTrue(p.hasDnsProxyRule());
    assertEquals(7, p.ruleAt(p.firstFqdnRule(), "toFQDNs").line());
  }

  @Test
  void ignoreCommentsNeedAReason() throws IOException {
    Loader.Loaded l =
        load(
            "s.yaml",
            """
        apiVersion: v1
        kind: Service
        metadata: {name: a}
        spec:
          # eksnet:ignore EKS-SVC-001 fronted by a proxy that adds X-Forwarded-For
          type: NodePort
          # eksnet:ignore EKS-SVC-001
          ports: []
        """);
    assertEquals(1, l.suppressions().size());
    assertEquals(5, l.suppressions().get(0).location().line());
    assertEquals(1, l.problems().size());
    assertEquals(7, l.problems().get(0).location().line());
  }

  @Test
  void mergeKeyBombIsRejectedQuickly() throws IOException {
    // each level merges the previous one twice: 2^60 merged keys to visit, none of them new
    StringBuilder sb = new StringBuilder("m0: &m0 {k: v}\n");
    for (int i = 1; i < 60; i++) {
      sb.append("m")
          .append(i)
          .append(": &m")
          .append(i)
          .append(" {<<: [*m")
          .append(i - 1)
          .append(", *m")
          .append(i - 1)
          .append("]}\n");
    }
    long t0 = System.nanoTime();
    Loader.Loaded l = load("merge.yaml", sb.toString());
    long ms = (System.nanoTime() - t0) / 1_000_000;
    assertEquals(1, l.problems().size(), l.problems().toString());
    assertTrue(l.problems().get(0).message().contains("alias bomb"), l.problems().toString());
    assertTrue(ms < 5000, "took " + ms + " ms");
  }

  @Test
  void mergeKeysStillMergeWithinTheBudget() throws IOException {
    Service s =
        only(
            load(
                "m.yaml",
                """
        apiVersion: v1
        kind: Service
        x-base: &base {name: web, namespace: shop}
        metadata:
          <<: *base
          labels: {app: web}
        spec: {type: NodePort}
        """),
            Service.class);
    assertEquals("shop/web", s.getNamespace() + "/" + s.getName());
  }

  @Test
  void utf16AndUtf32WithOrWithoutByteOrderMarkLoadLikeUtf8() throws IOException {
    String text =
        "apiVersion: v1\nkind: Service\nmetadata: {name: caf\u00e9-\ud83d\ude00}\nspec:\n  type: NodePort\n";
    Map<String, byte[]> variants = new LinkedHashMap<>();
    variants.put("UTF-8", text.getBytes(StandardCharsets.UTF_8));
    variants.put(
        "UTF-8 BOM",
        concat(
            new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF},
            text.getBytes(StandardCharsets.UTF_8)));
    variants.put("UTF-16LE", text.getBytes(StandardCharsets.UTF_16LE));
    variants.put("UTF-16BE", text.getBytes(StandardCharsets.UTF_16BE));
    variants.put(
        "UTF-16LE BOM",
        concat(new byte[] {(byte) 0xFF, (byte) 0xFE}, text.getBytes(StandardCharsets.UTF_16LE)));
    variants.put(
        "UTF-16BE BOM",
        concat(new byte[] {(byte) 0xFE, (byte) 0xFF}, text.getBytes(StandardCharsets.UTF_16BE)));
    variants.put("UTF-32LE", text.getBytes(Charset.forName("UTF-32LE")));
    variants.put("UTF-32BE", text.getBytes(Charset.forName("UTF-32BE")));
    variants.put(
        "UTF-32LE BOM",
        concat(
            new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0},
            text.getBytes(Charset.forName("UTF-32LE"))));
    variants.put(
        "UTF-32BE BOM",
        concat(
            new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF},
            text.getBytes(Charset.forName("UTF-32BE"))));
    for (Map.Entry<String, byte[]> v : variants.entrySet()) {
      for (String name : List.of("s.yaml", "s.json")) {
        byte[] bytes =
            name.endsWith(".json")
                ? v.getValue().length == 0 ? v.getValue() : jsonVariant(v.getKey())
                : v.getValue();
        Loader.Loaded l = load(name, bytes);
        assertEquals(List.of(), l.problems(), v.getKey() + " " + name);
        Service s = only(l, Service.class);
        assertEquals("caf\u00e9-\ud83d\ude00", s.getName(), v.getKey() + " " + name);
        assertEquals(
            name.endsWith(".json") ? 6 : 5, s.at("spec", "type").line(), v.getKey() + " " + name);
      }
    }
  }

  /** The same Service as JSON, in the named encoding. */
  private static byte[] jsonVariant(String encoding) {
    String json =
        "{\n\"apiVersion\": \"v1\",\n\"kind\": \"Service\",\n\"metadata\": {\"name\": \"caf\u00e9-\ud83d\ude00\"},\n"
            + "\"spec\": {\n\"type\": \"NodePort\"}}\n";
    String cs = encoding.replace(" BOM", "");
    byte[] body = json.getBytes(Charset.forName(cs));
    if (!encoding.endsWith("BOM")) {
      return body;
    }
    byte[] bom =
        switch (cs) {
          case "UTF-8" -> new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
          case "UTF-16LE" -> new byte[] {(byte) 0xFF, (byte) 0xFE};
          case "UTF-16BE" -> new byte[] {(byte) 0xFE, (byte) 0xFF};
          case "UTF-32LE" -> new byte[] {(byte) 0xFF, (byte) 0xFE, 0, 0};
          default -> new byte[] {0, 0, (byte) 0xFE, (byte) 0xFF};
        };
    return concat(bom, body);
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  @Test
  void invalidUtf8IsAProblemAtItsLineAndColumnNotAMangledName() throws IOException {
    byte[] latin1 =
        "apiVersion: v1\nkind: Service\nmetadata: {name: caf\u00e9}\n"
            .getBytes(StandardCharsets.ISO_8859_1);
    Loader.Loaded l = load("l.yaml", latin1);
    assertEquals(List.of(), l.facts());
    assertEquals(1, l.problems().size(), l.problems().toString());
    InputProblem p = l.problems().get(0);
    assertEquals(new Location("l.yaml", 3, 21, "", ""), p.location());
    assertTrue(p.message().startsWith("not valid UTF-8: the bytes 0xE9"), p.message());
    assertTrue(
        load("l.json", "{\"kind\": \"\u00e9\"}".getBytes(StandardCharsets.ISO_8859_1))
            .problems()
            .get(0)
            .message()
            .startsWith("not valid UTF-8"));
  }

  @Test
  void controlCharactersAreProblemsAtTheirPosition() throws IOException {
    Loader.Loaded l =
        load("c.yaml", "apiVersion: v1\nkind: Service\nmetadata:\n  name: a\u0007b\n");
    assertEquals(1, l.problems().size(), l.problems().toString());
    assertEquals(new Location("c.yaml", 4, 10, "", ""), l.problems().get(0).location());
    assertTrue(l.problems().get(0).message().contains("U+0007"), l.problems().toString());
  }

  @Test
  void unicodeLineSeparatorsDoNotShiftLinesAndColumnsCountUtf16Units() throws IOException {
    // YAML 1.1 (SnakeYAML) ends lines at NEL, LS and PS too; editors and GitHub do not
    Loader.Loaded l =
        load(
            "s.yaml",
            "# a comment\n\u0085apiVersion: v1\n"
                + "kind: Service\nmetadata: {name: web, labels: {e: \"\ud83d\ude00\u2028\u2029\"}}\nspec:\n  type: NodePort\n"
                + "  ports: [{port: 80}]\r  selector: {\ud83d\ude00: a, b: c}\r");
    assertEquals(List.of(), l.problems());
    Service s = only(l, Service.class);
    assertEquals(2, s.getLocation().line());
    assertEquals(6, s.at("spec", "type").line());
    assertEquals(
        new Location("s.yaml", 8, 21, "Service/default/web", "spec.selector.b"),
        s.at("spec", "selector", "b"));
  }

  @Test
  void aFileThatTakesTooLongIsCutOffWithAProblem() throws IOException {
    Limits oneMilli = new Limits(16L << 20, 256L << 20, 100, 100, 2_000_000, 1);
    // the same limits with an hour to spare: the file itself is fine, whatever the machine's load
    Limits anHour = new Limits(16L << 20, 256L << 20, 100, 100, 2_000_000, 3_600_000);
    StringBuilder yaml = new StringBuilder();
    StringBuilder json = new StringBuilder("[");
    for (int i = 0; i < 100_000; i++) {
      yaml.append("k").append(i).append(": [a, b, {c: d}]\n");
      json.append(i == 0 ? "" : ",").append("{\"k\": [1, 2, {\"c\": \"d\"}]}");
    }
    json.append(']');
    for (String[] f :
        new String[][] {{"slow.yaml", yaml.toString()}, {"slow.json", json.toString()}}) {
      Path p = dir.resolve(f[0]);
      Files.writeString(p, f[1]);
      Loader.Loaded l = new Loader(oneMilli).load(new SourceFile(p, f[0]));
      assertEquals(1, l.problems().size(), l.problems().toString());
      assertEquals("file took longer than 1 ms to load; skipped", l.problems().get(0).message());
      assertEquals(List.of(), l.facts());
      assertEquals(
          List.of(),
          new Loader(anHour).load(new SourceFile(p, f[0])).problems(),
          "fine with time to spare");
    }
  }
}
