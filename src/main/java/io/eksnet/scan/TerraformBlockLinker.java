package io.eksnet.scan;

import io.eksnet.finding.Finding;
import io.eksnet.model.Location;
import io.eksnet.model.TerraformResource;
import io.eksnet.source.TerraformSources;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Adds the {@code resource} block of the {@code .tf} sources in the scan as a related location to
 * findings on Terraform resources of the root module or of local modules ({@code source =
 * "./..."}). The root module's directory is the one whose blocks match most of the plan's resources
 * (ties go to the directory nearest the plan file).
 */
final class TerraformBlockLinker {

  private final Map<String, List<TerraformSources.Block>> byAddress = new HashMap<>();
  private final Map<String, TerraformResource> resources = new HashMap<>();
  private final Map<String, String> rootDirs = new HashMap<>();

  TerraformBlockLinker(List<TerraformSources.Block> blocks, List<Object> facts) {
    for (TerraformSources.Block b : blocks) {
      byAddress.computeIfAbsent(b.address(), k -> new ArrayList<>()).add(b);
    }
    Map<String, Map<String, Integer>> votes = new HashMap<>();
    for (Object f : facts) {
      if (f instanceof TerraformResource r && r.getConfigDir() != null) {
        resources.put(r.getKey(), r);
        String d = r.getConfigDir();
        if (d.startsWith("..")) {
          continue;
        }
        for (TerraformSources.Block b : byAddress.getOrDefault(localAddress(r), List.of())) {
          String root =
              d.isEmpty()
                  ? b.dir()
                  : b.dir().equals(d)
                      ? ""
                      : b.dir().endsWith("/" + d)
                          ? b.dir().substring(0, b.dir().length() - d.length() - 1)
                          : null;
          if (root != null) {
            votes.computeIfAbsent(r.getFile(), k -> new HashMap<>()).merge(root, 1, Integer::sum);
          }
        }
      }
    }
    for (Map.Entry<String, Map<String, Integer>> e : votes.entrySet()) {
      String file = e.getKey();
      String best = null;
      int bestVotes = -1;
      for (Map.Entry<String, Integer> v : e.getValue().entrySet()) {
        int cmp = v.getValue() - bestVotes;
        if (cmp > 0 || (cmp == 0 && closer(file, v.getKey(), best))) {
          best = v.getKey();
          bestVotes = v.getValue();
        }
      }
      rootDirs.put(file, best);
    }
  }

  boolean isEmpty() {
    return byAddress.isEmpty() || rootDirs.isEmpty();
  }

  /** The findings, those on linked resources with the block as a related location. */
  List<Finding> link(List<Finding> findings) {
    if (isEmpty()) {
      return findings;
    }
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      Location block = block(f.location());
      if (block == null || f.related().contains(block)) {
        out.add(f);
        continue;
      }
      List<Location> related = new ArrayList<>(f.related());
      related.add(block);
      out.add(
          new Finding(
              f.ruleId(), f.severity(), f.message(), f.location(), related, f.suppression()));
    }
    return out;
  }

  private Location block(Location at) {
    TerraformResource r = resources.get(TerraformResource.key(at.file(), at.object()));
    String root = r == null ? null : rootDirs.get(r.getFile());
    if (root == null) {
      return null;
    }
    String dir = join(root, r.getConfigDir());
    for (TerraformSources.Block b : byAddress.getOrDefault(localAddress(r), List.of())) {
      if (b.dir().equals(dir)) {
        return b.location();
      }
    }
    return null;
  }

  /** {@code aws_subnet.private} of {@code module.vpc.aws_subnet.private[0]}. */
  private static String localAddress(TerraformResource r) {
    String a = r.getAddress();
    boolean data = a.startsWith("data.") || a.contains(".data." + r.getType() + "." + r.getName());
    return (data ? "data." : "") + r.getType() + "." + r.getName();
  }

  private static String join(String root, String dir) {
    if (dir.isEmpty()) {
      return root;
    }
    List<String> parts = new ArrayList<>();
    for (String p : ((root.isEmpty() ? "" : root + "/") + dir).split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..") && !parts.isEmpty() && !parts.get(parts.size() - 1).equals("..")) {
        parts.remove(parts.size() - 1);
      } else {
        parts.add(p);
      }
    }
    return String.join("/", parts);
  }

  /** True when {@code a} shares a longer leading path with {@code file} than {@code b} does. */
  private static boolean closer(String file, String a, String b) {
    if (b == null) {
      return true;
    }
    int ca = common(file, a);
    int cb = common(file, b);
    return ca != cb ? ca > cb : a.compareTo(b) < 0;
  }

  private static int common(String file, String dir) {
    String[] f = file.split("/");
    String[] d = dir.isEmpty() ? new String[0] : dir.split("/");
    int n = 0;
    while (n < d.length && n < f.length - 1 && f[n].equals(d[n])) {
      n++;
    }
    return n;
  }
}
