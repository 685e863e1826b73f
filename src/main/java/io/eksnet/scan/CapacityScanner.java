package io.eksnet.scan;

import io.eksnet.finding.Config;
import io.eksnet.model.Ec2NodeClass;
import io.eksnet.model.InputProblem;
import io.eksnet.model.KarpenterNodePool;
import io.eksnet.model.Subnet;
import io.eksnet.model.Thresholds;
import io.eksnet.relate.join.KarpenterNodes;
import io.eksnet.relate.terraform.CapacityTable;
import io.eksnet.relate.terraform.TerraformRelations;
import io.eksnet.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The entry point of {@code eksnet capacity}: discovers and loads the Terraform JSON under the
 * paths (with the config's and the request's excludes, and the config's thresholds) and computes
 * the capacity table. Of the Kubernetes manifests, only Karpenter NodePools and EC2NodeClasses
 * contribute: NodePools join the node groups ({@link KarpenterNodes}).
 */
public final class CapacityScanner {

  /** The table and the input problems met on the way. */
  public record Result(CapacityTable table, List<InputProblem> problems, List<String> files) {}

  public Result scan(ScanRequest req) {
    List<InputProblem> problems = new ArrayList<>();
    Config config = Scanner.loadConfig(req, problems);
    List<Object> facts = new ArrayList<>();
    List<String> files = new ArrayList<>();
    List<String> excludes = new ArrayList<>(config.excludes());
    excludes.addAll(req.excludes());
    List<KarpenterNodePool> pools = new ArrayList<>();
    List<Ec2NodeClass> nodeClasses = new ArrayList<>();
    for (ScanInputs.Input in : ScanInputs.discover(req, excludes, null, problems)) {
      if (in.isTerraformSource()) {
        continue;
      }
      boolean karpenter = false;
      for (Object f : in.loaded().facts()) {
        if (f instanceof KarpenterNodePool p) {
          pools.add(p);
          karpenter = true;
        } else if (f instanceof Ec2NodeClass c) {
          nodeClasses.add(c);
          karpenter = true;
        }
      }
      if (karpenter && in.loaded().terraform().isEmpty()) {
        files.add(in.file().relative());
        problems.addAll(in.loaded().problems());
        continue;
      }
      if (in.loaded().terraform().isEmpty()) {
        if (mayBeCapacityInput(in.file(), req)) {
          // a plan that does not load (truncated, too deep, binary) must not read as "no subnets"
          problems.addAll(in.loaded().problems());
        }
        continue;
      }
      files.add(in.file().relative());
      problems.addAll(in.loaded().problems());
      facts.addAll(in.terraformFacts());
    }
    List<Subnet> subnets = new ArrayList<>();
    for (Object f : facts) {
      if (f instanceof Subnet s) {
        subnets.add(s);
      }
    }
    facts.addAll(KarpenterNodes.compute(pools, nodeClasses, subnets));
    Thresholds thresholds = new Thresholds(config.thresholds());
    facts.add(thresholds);
    CapacityTable table =
        CapacityTable.of(
            TerraformRelations.compute(facts), (int) thresholds.get("subnetUtilizationPercent"));
    Collections.sort(problems);
    return new Result(table, problems, files);
  }

  /**
   * Whether a file that gave nothing to the table may have been meant to: JSON (Terraform input is
   * JSON; a JSON file that claims to be neither Kubernetes nor Terraform has no problems, see
   * README "What is scanned"), a stream, or a file named on the command line. A broken manifest met
   * in a directory walk is none of capacity's business.
   */
  private static boolean mayBeCapacityInput(SourceFile f, ScanRequest req) {
    String name = f.path().getFileName() == null ? "" : f.path().getFileName().toString();
    if (!(name.endsWith(".yaml") || name.endsWith(".yml"))) {
      return true;
    }
    for (Path p : req.paths()) {
      if (p.toAbsolutePath().normalize().equals(f.path().toAbsolutePath().normalize())) {
        return true;
      }
    }
    return false;
  }
}
