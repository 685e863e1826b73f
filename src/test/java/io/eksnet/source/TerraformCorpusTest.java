package io.eksnet.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.eksnet.SharedData;
import io.eksnet.model.EksCluster;
import io.eksnet.model.InputProblem;
import io.eksnet.model.NodeGroup;
import io.eksnet.model.RouteTable;
import io.eksnet.model.SecurityGroup;
import io.eksnet.model.Subnet;
import io.eksnet.model.TerraformResource;
import io.eksnet.model.Tree;
import io.eksnet.model.Vpc;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every real {@code terraform show -json} file of the shared corpus loads without an input problem,
 * and the loader finds as many VPCs, subnets, route tables, security groups, clusters and node
 * groups as the file manages (counted independently with Jackson over planned values, state values
 * and resource changes).
 */
class TerraformCorpusTest {

  private static final Map<String, Class<? extends TerraformResource>> COUNTED =
      Map.of(
          "aws_vpc", Vpc.class,
          "aws_subnet", Subnet.class,
          "aws_route_table", RouteTable.class,
          "aws_security_group", SecurityGroup.class,
          "aws_eks_cluster", EksCluster.class,
          "aws_eks_node_group", NodeGroup.class);

  @Test
  void everyCorpusPlanAndStateLoadsWithPlausibleFacts() throws IOException {
    Path corpus = SharedData.require("corpus/terraform");
    List<Path> files;
    try (Stream<Path> s = Files.walk(corpus)) {
      files = s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    }
    assertTrue(files.size() >= 30, "corpus files: " + files.size());
    List<String> errors = new ArrayList<>();
    Map<String, Integer> totals = new TreeMap<>();
    int terraformDocs = 0;
    for (Path f : files) {
      String rel = corpus.relativize(f).toString();
      Loader.Loaded l = new Loader().load(new SourceFile(f, rel));
      List<InputProblem> problems = new ArrayList<>(l.problems());
      List<Object> facts = new ArrayList<>();
      for (Tree t : l.terraform()) {
        terraformDocs++;
        facts.addAll(TerraformLoader.facts(rel, (Tree.TMap) t, problems));
      }
      if (!problems.isEmpty()) {
        errors.add(rel + ": " + problems);
      }
      if (l.terraform().isEmpty()) {
        errors.add(rel + ": not recognised as Terraform JSON");
        continue;
      }
      Map<String, Integer> expected = expectedCounts(f);
      for (Map.Entry<String, Class<? extends TerraformResource>> e : COUNTED.entrySet()) {
        long found =
            facts.stream()
                .filter(e.getValue()::isInstance)
                .map(x -> (TerraformResource) x)
                .filter(x -> x.getType().equals(e.getKey()) && !isData(x.getAddress()))
                .count();
        int want = expected.getOrDefault(e.getKey(), 0);
        totals.merge(e.getKey(), (int) found, Integer::sum);
        if (found != want) {
          errors.add(rel + ": " + e.getKey() + " expected " + want + ", loaded " + found);
        }
      }
    }
    System.out.println("corpus/terraform: " + terraformDocs + " documents, facts " + totals);
    assertEquals(List.of(), errors);
    assertTrue(
        totals.get("aws_subnet") >= 15 && totals.get("aws_eks_cluster") >= 5, totals.toString());
  }

  /** Data sources (subnets and VPCs looked up) also give facts; they are not counted here. */
  private static boolean isData(String address) {
    return address.startsWith("data.") || address.contains(".data.");
  }

  /** Managed resource instances by type, read independently of the loader. */
  private static Map<String, Integer> expectedCounts(Path f) throws IOException {
    byte[] bytes = Files.readAllBytes(f);
    JsonNode doc;
    try (Reader r = reader(bytes)) {
      doc = new ObjectMapper().readTree(r);
    }
    Set<String> addresses = new HashSet<>();
    Map<String, Integer> out = new TreeMap<>();
    List<JsonNode> resources = new ArrayList<>();
    collect(doc.path("planned_values").path("root_module"), resources);
    collect(doc.path("values").path("root_module"), resources);
    for (JsonNode rc : doc.path("resource_changes")) {
      List<String> actions = new ArrayList<>();
      rc.path("change").path("actions").forEach(a -> actions.add(a.asText()));
      if (!actions.equals(List.of("delete"))) {
        resources.add(rc);
      }
    }
    for (JsonNode r : resources) {
      if (!"data".equals(r.path("mode").asText()) && addresses.add(r.path("address").asText())) {
        out.merge(r.path("type").asText(), 1, Integer::sum);
      }
    }
    return out;
  }

  private static void collect(JsonNode module, List<JsonNode> out) {
    module.path("resources").forEach(out::add);
    for (JsonNode c : module.path("child_modules")) {
      collect(c, out);
    }
  }

  private static Reader reader(byte[] b) {
    java.nio.charset.Charset cs = java.nio.charset.StandardCharsets.UTF_8;
    int skip = 0;
    if (b.length >= 2 && b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) {
      cs = java.nio.charset.StandardCharsets.UTF_16LE;
      skip = 2;
    } else if (b.length >= 2 && b[0] == (byte) 0xFE && b[1] == (byte) 0xFF) {
      cs = java.nio.charset.StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
      skip = 3;
    }
    return new InputStreamReader(new java.io.ByteArrayInputStream(b, skip, b.length - skip), cs);
  }
}
