package io.eksnet.source;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.eksnet.finding.Config;
import io.eksnet.model.InputProblem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code clusters:} key of {@code .eksnet.yaml}. */
class ConfigClustersTest {

  @TempDir Path dir;

  private ConfigLoader.Result load(String yaml) throws IOException {
    Path p = dir.resolve(".eksnet.yaml");
    Files.writeString(p, yaml);
    return ConfigLoader.load(p, ".eksnet.yaml");
  }

  private static List<String> problems(ConfigLoader.Result r) {
    return r.problems().stream().map(InputProblem::toString).toList();
  }

  @Test
  void readsNamedGroupsOfGlobs() throws IOException {
    ConfigLoader.Result r =
        load(
            """
            clusters:
              - name: production
                paths: ["clusters/production/**", "apps/base/**"]
              - name: staging
                paths: ["clusters/staging/**"]
            """);
    assertEquals(List.of(), problems(r));
    assertEquals(
        List.of(
            new Config.Cluster("production", List.of("clusters/production/**", "apps/base/**"), 2),
            new Config.Cluster("staging", List.of("clusters/staging/**"), 4)),
        r.config().clusters());
  }

  @Test
  void everyMistakeIsAProblemAtItsLine() throws IOException {
    ConfigLoader.Result r =
        load(
            """
            clusters:
              - name: a
                paths: ["a/**"]
              - name: a
                paths: ["b/**"]
              - paths: ["c/**"]
              - name: d
                path: ["d/**"]
              - name: e
                paths: ["e/{"]
            """);
    assertEquals(
        List.of(
            ".eksnet.yaml:4:5: cluster 'a' is declared twice",
            ".eksnet.yaml:6:5: each clusters entry needs a name and a list of path globs",
            ".eksnet.yaml:7:5: each clusters entry needs a name and a list of path globs"),
        problems(r).subList(0, 3));
    assertEquals(4, r.problems().size(), problems(r).toString());
    assertEquals(
        true,
        problems(r).get(3).startsWith(".eksnet.yaml:10:13: paths 'e/{' is not a valid glob"),
        problems(r).get(3));
    assertEquals(
        List.of("a", "e"), r.config().clusters().stream().map(Config.Cluster::name).toList());
  }

  @Test
  void aClustersValueThatIsNotAListIsAProblem() throws IOException {
    ConfigLoader.Result r = load("clusters: production\n");
    assertEquals(
        List.of(".eksnet.yaml:1:1: clusters must be a list of {name, paths}"), problems(r));
  }
}
