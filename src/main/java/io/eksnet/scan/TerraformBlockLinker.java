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
 * Places findings on Terraform resources of the root module or of local modules ({@code source =
 * "./..."}) on their {@code resource} block in the {@code .tf} sources of the scan, with the
 * resource in the plan or state JSON as the first related location: the {@code .tf} file is what
 * people edit and commit (a plan is usually generated), and GitHub code scanning shows a result
 * only on a file of the commit. The logical location (the resource address and field) stays, so the
 * fingerprint names the same resource. The root module's directory is the one whose blocks match
 * most of the plan's resources (ties go to the directory nearest the plan file).
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

  /**
   * The findings, those on linked resources placed on their block, with the JSON location first
   * among the related ones.
   */
  List<Finding> link(List<Finding> findings) {
    if (isEmpty()) {
      return findings;
    }
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      Location block = block(f.location());
      if (block == null) {
        out.add(f);
        continue;
      }
      Location at = f.location();
      List<Location> related = new ArrayList<>();
      related.add(at);
      for (Location r : f.related()) {
        if (!r.equals(block) && !r.equals(at)) {
          related.add(r);
        }
      }
      out.add(
          new Finding(
              f.ruleId(),
              f.severity(),
              f.message(),
              new Location(block.file(), block.line(), block.column(), at.object(), at.field()),
              related,
              f.suppression()));
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
