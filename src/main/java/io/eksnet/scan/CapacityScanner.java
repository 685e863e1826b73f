package io.eksnet.scan;

import io.eksnet.finding.Config;
import io.eksnet.model.Ec2NodeClass;
import io.eksnet.model.EniConfig;
import io.eksnet.model.InputProblem;
import io.eksnet.model.KarpenterNodePool;
import io.eksnet.model.Thresholds;
import io.eksnet.model.Workload;
import io.eksnet.relate.Relations;
import io.eksnet.relate.join.PodSubnetDemand;
import io.eksnet.relate.terraform.CapacityTable;
import io.eksnet.relate.terraform.NodeGroupCapacity;
import io.eksnet.relate.terraform.SubnetDemand;
import io.eksnet.source.SourceFile;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;

/**
 * The entry point of {@code eksnet capacity}: discovers and loads the Terraform JSON under the
 * paths (with the config's and the request's excludes, and the config's thresholds) and computes
 * the capacity table. Of the Kubernetes manifests, only Karpenter NodePools and EC2NodeClasses
 * (NodePools join the node groups), ENIConfigs (the pod subnets of custom networking, {@link
 * PodSubnetDemand}) and the aws-node DaemonSet (the VPC CNI settings, as a scan reads them)
 * contribute.
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
    for (ScanInputs.Input in : ScanInputs.discover(req, excludes, null, problems)) {
      if (in.isTerraformSource()) {
        continue;
      }
      // of the manifests: Karpenter NodePools and their EC2NodeClasses (node groups), the
      // ENIConfigs (custom networking pod subnets) and the aws-node DaemonSet (VPC CNI settings)
      boolean used = !in.loaded().terraform().isEmpty();
      for (Object f : in.loaded().facts()) {
        if (f instanceof KarpenterNodePool
            || f instanceof Ec2NodeClass
            || f instanceof EniConfig
            || (f instanceof Workload w && w.isAwsNode())) {
          facts.add(f);
          used = true;
        }
      }
      if (!used) {
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
    Thresholds thresholds = new Thresholds(config.thresholds());
    facts.add(thresholds);
    List<Object> relations =
        Relations.compute(
            facts, Set.of(SubnetDemand.class, NodeGroupCapacity.class, PodSubnetDemand.class));
    List<CapacityTable.PodSubnetRow> pods = new ArrayList<>();
    for (Object r : relations) {
      if (r instanceof PodSubnetDemand d) {
        pods.add(d.row());
      }
    }
    CapacityTable table =
        CapacityTable.of(relations, pods, (int) thresholds.get("subnetUtilizationPercent"));
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
