package io.eksnet.aws;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds {@code src/main/resources/io/eksnet/aws/instance-types.tsv} from the reference data in
 * {@code ../shared/data}: {@code ec2-eni-limits.tsv} (VPC CNI and resource-controller limits)
 * joined with {@code ec2-vcpus.tsv}, and with the project's {@code data/ec2-memory.tsv}. Run it
 * with {@code scripts/generate-instance-types.sh}; {@link InstanceTableFreshnessTest} fails when
 * the shipped table differs from its output.
 */
public final class InstanceTableGenerator {
  private InstanceTableGenerator() {}

  static final List<String> COMMENTS =
      List.of(
          "EC2 instance-type networking limits for eksnet. Generated; do not edit.",
          "Regenerate with scripts/generate-instance-types.sh from ../shared/data (see SOURCES.md"
              + " there).",
          "",
          "max_enis .. network_cards, all_cards_max_enis: aws/amazon-vpc-cni-k8s"
              + " pkg/vpc/vpc_ip_resource_limit.go",
          "  @ b52188387f2e2f10bf289ace929d6a63b176a4fa (v1.23.1), Apache License 2.0.",
          "  max_enis is the default network card's ENI count, as in misc/eni-max-pods.txt.",
          "is_trunking_compatible, branch_interfaces: aws/amazon-vpc-resource-controller-k8s"
              + " pkg/aws/vpc/limits.go",
          "  @ b8d425119bdba371202882b808f202c6073a46cc, Apache License 2.0.",
          "default_vcpus: EC2 VCpuInfo.DefaultVCpus via aws/karpenter-provider-aws and"
              + " kubernetes/autoscaler, Apache License 2.0.",
          "memory_mib: EC2 MemoryInfo.SizeInMiB via aws/karpenter-provider-aws"
              + " (data/ec2-memory.tsv, see data/SOURCES.md), Apache License 2.0.",
          "Empty cell: unknown.");

  /** The project's own reference data (memory per type), relative to the project root. */
  static final Path PROJECT_DATA = Path.of("data");

  /** Writes the table: {@code [dataDir [outputFile]]}, defaults relative to the project root. */
  public static void main(String[] args) throws IOException {
    Path data = args.length > 0 ? Path.of(args[0]) : SharedData.dataDir();
    Path out = args.length > 1 ? Path.of(args[1]) : SharedData.shippedTable();
    String table = generate(data, PROJECT_DATA);
    Files.writeString(out, table, StandardCharsets.UTF_8);
    System.out.println("wrote " + out + " (" + InstanceTable.parse(table).size() + " types)");
  }

  /**
   * The table text generated from the two TSV files in {@code dataDir} and {@code ec2-memory.tsv}
   * in {@code projectData}.
   */
  static String generate(Path dataDir, Path projectData) throws IOException {
    List<Map<String, String>> limits = readTsv(dataDir.resolve("ec2-eni-limits.tsv"));
    Map<String, Integer> vcpus = new HashMap<>();
    for (Map<String, String> row : readTsv(dataDir.resolve("ec2-vcpus.tsv"))) {
      vcpus.put(row.get("instance_type"), Integer.valueOf(row.get("default_vcpus")));
    }
    Map<String, Integer> memory = new HashMap<>();
    for (Map<String, String> row : readTsv(projectData.resolve("ec2-memory.tsv"))) {
      memory.put(row.get("instance_type"), Integer.valueOf(row.get("memory_mib")));
    }
    List<InstanceType> types = new ArrayList<>();
    for (Map<String, String> row : limits) {
      String name = row.get("instance_type");
      int maxEnis = Integer.parseInt(row.get("max_enis"));
      if (!row.get("default_network_card_max_enis").equals(row.get("max_enis"))) {
        throw new IllegalStateException(name + ": max_enis is not the default card's ENI count");
      }
      String trunking = row.get("is_trunking_compatible");
      String branch = row.get("branch_interfaces");
      types.add(
          new InstanceType(
              name,
              maxEnis,
              Integer.parseInt(row.get("ipv4_per_eni")),
              Hypervisor.parse(row.get("hypervisor")),
              Boolean.parseBoolean(row.get("is_bare_metal")),
              Integer.parseInt(row.get("network_cards")),
              Integer.parseInt(row.get("all_cards_max_enis")),
              trunking.isEmpty() ? null : Boolean.valueOf(trunking),
              branch.isEmpty() ? null : Integer.valueOf(branch),
              vcpus.remove(name),
              memory.remove(name)));
    }
    if (!vcpus.isEmpty()) {
      throw new IllegalStateException("vCPU rows for unknown instance types: " + vcpus.keySet());
    }
    if (!memory.isEmpty()) {
      throw new IllegalStateException("memory rows for unknown instance types: " + memory.keySet());
    }
    types.sort((a, b) -> a.name().compareTo(b.name()));
    return InstanceTable.format(COMMENTS, types);
  }

  private static List<Map<String, String>> readTsv(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    String[] header = lines.get(0).split("\t", -1);
    List<Map<String, String>> rows = new ArrayList<>();
    for (int i = 1; i < lines.size(); i++) {
      if (lines.get(i).isEmpty()) {
        continue;
      }
      String[] f = lines.get(i).split("\t", -1);
      if (f.length != header.length) {
        throw new IllegalStateException(file + " line " + (i + 1) + ": wrong column count");
      }
      Map<String, String> row = new HashMap<>();
      for (int c = 0; c < header.length; c++) {
        row.put(header[c], f[c]);
      }
      rows.add(row);
    }
    return rows;
  }
}
