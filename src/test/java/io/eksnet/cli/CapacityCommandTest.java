package io.eksnet.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code eksnet capacity} in-process. */
class CapacityCommandTest {

  @TempDir Path dir;

  private final CliRun cli = new CliRun();

  private int run(String... args) {
    return cli.run(args);
  }

  private static final String STATE =
      """
      {"format_version": "1.0", "values": {"root_module": {"resources": [
        {"address": "aws_subnet.a", "mode": "managed", "type": "aws_subnet", "name": "a",
         "values": {"id": "subnet-a", "cidr_block": "10.0.0.0/24", "availability_zone": "eu-west-1a"}},
        {"address": "aws_eks_node_group.ng", "mode": "managed", "type": "aws_eks_node_group", "name": "ng",
         "values": {"subnet_ids": ["subnet-a"], "instance_types": ["m5.large"],
                    "scaling_config": [{"desired_size": 2, "max_size": 4, "min_size": 1}]}}]}}}
      """;

  @Test
  void printsTheTableAndWritesHtmlToAFile() throws IOException {
    Files.writeString(dir.resolve("state.json"), STATE);
    assertEquals(0, run("capacity", "--root", dir.toString(), dir.toString()));
    String text = cli.out();
    assertTrue(text.contains("aws_subnet.a  10.0.0.0/24  eu-west-1a  251"), text);
    assertTrue(text.contains("aws_eks_node_group.ng"), text);
    Path html = dir.resolve("out/capacity.html");
    Files.createDirectories(html.getParent());
    assertEquals(
        0,
        run(
            "capacity",
            "--format",
            "html",
            "-o",
            html.toString(),
            "--root",
            dir.toString(),
            dir.resolve("state.json").toString()));
    assertTrue(Files.readString(html).contains("class=\"bar\""));
  }

  /**
   * A plan that does not load (here cut short, as by a full disk or a failed download) was left out
   * silently: "No subnets or node groups" and exit 0. Its problem is now reported (exit 2); a
   * broken manifest met in the walk is still none of capacity's business.
   */
  @Test
  void aPlanThatDoesNotLoadIsAnInputProblemNotAnEmptyTable() throws IOException {
    Files.writeString(dir.resolve("plan.json"), STATE.substring(0, STATE.length() / 2));
    Files.writeString(dir.resolve("broken.yaml"), "apiVersion: v1\nkind: Service\nspec: [\n");
    assertEquals(2, run("capacity", "--root", dir.toString(), dir.toString()));
    assertTrue(cli.err().contains("plan.json:"), cli.err());
    assertTrue(cli.err().contains("error: JSON syntax error"), cli.err());
    assertFalse(cli.err().contains("broken.yaml"), cli.err());
    // named on the command line, the manifest was meant to be read
    assertEquals(
        2, run("capacity", "--root", dir.toString(), dir.resolve("broken.yaml").toString()));
    assertTrue(cli.err().contains("broken.yaml:"), cli.err());
  }

  @Test
  void unknownFormatIsAUsageError() {
    assertEquals(2, run("capacity", "--format", "sarif", dir.toString()));
    assertTrue(cli.err().contains("unknown --format 'sarif' for capacity"));
  }

  @Test
  void inputProblemsGiveExitCodeTwo() throws IOException {
    Files.writeString(dir.resolve("broken.json"), "{\"format_version\": \"9.0\", \"values\": {}}");
    assertEquals(2, run("capacity", "--root", dir.toString(), dir.toString()));
    assertTrue(cli.err().contains("format_version 9.0"));
  }
}
