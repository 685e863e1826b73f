package io.eksnet.scan;

import io.eksnet.source.Kustomization;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;

/**
 * Decides which scanned files belong to one cluster: eksnet relates objects (a Service to its pods,
 * an Ingress to its Services, a default IngressClass to the Ingresses without a class) only within
 * a cluster, so that a repository of independent examples, environments or clusters is not judged
 * as one.
 *
 * <ol>
 *   <li>Declared clusters ({@code clusters:} in {@code .eksnet.yaml}) take the files their globs
 *       match; a file may be in several (a shared base).
 *   <li>Of the other files, a kustomization that no other kustomization in the scan includes is a
 *       cluster of every file it includes through {@code resources}, {@code bases} and {@code
 *       components}, transitively.
 *   <li>Every other file belongs with the files of its own directory and of the directories above
 *       it: each deepest directory makes one cluster with its ancestors' files. Sibling directories
 *       (two examples, two environments) are never joined.
 *   <li>A scan with exactly one Terraform JSON file (a plan or state) takes it into every cluster:
 *       one plan describes the AWS side the manifests run on.
 * </ol>
 *
 * A cluster wholly contained in another is not checked on its own.
 */
final class ClusterScopes {

  /** A group of files checked together; {@code members} are indexes into the scan's file list. */
  record Scope(String name, BitSet members) {}

  /** A declared cluster: its name and whether a root-relative path belongs to it. */
  record Declared(String name, Predicate<String> matches) {}

  /** Beyond this many clusters, contained ones are not looked for (the check is quadratic). */
  private static final int MAX_CONTAINMENT_CHECK = 2_000;

  private ClusterScopes() {}

  /**
   * The clusters of a scan.
   *
   * @param files every scanned file's root-relative path, by index
   * @param withFacts the files that gave facts (objects or Terraform resources)
   * @param terraform the files that gave Terraform facts
   * @param kustomizations the scan's kustomizations
   * @param declared the config's clusters, in order
   */
  static List<Scope> of(
      List<String> files,
      BitSet withFacts,
      BitSet terraform,
      List<Kustomization> kustomizations,
      List<Declared> declared) {
    List<Scope> scopes = new ArrayList<>();
    BitSet remaining = (BitSet) withFacts.clone();
    for (Declared d : declared) {
      BitSet members = new BitSet();
      for (int i = withFacts.nextSetBit(0); i >= 0; i = withFacts.nextSetBit(i + 1)) {
        if (d.matches().test(files.get(i))) {
          members.set(i);
        }
      }
      if (!members.isEmpty()) {
        scopes.add(new Scope(d.name(), members));
        remaining.andNot(members);
      }
    }
    kustomize(files, remaining, kustomizations, scopes);
    directories(files, remaining, scopes);
    if (terraform.cardinality() == 1) {
      int tf = terraform.nextSetBit(0);
      for (Scope s : scopes) {
        s.members().set(tf);
      }
    }
    return withoutContained(scopes);
  }

  /** Root kustomizations take what they include, transitively; taken files leave remaining. */
  private static void kustomize(
      List<String> files, BitSet remaining, List<Kustomization> all, List<Scope> scopes) {
    if (all.isEmpty()) {
      return;
    }
    Map<String, Integer> index = new HashMap<>();
    Map<String, List<Integer>> byDir = new HashMap<>();
    for (int i = 0; i < files.size(); i++) {
      index.put(files.get(i), i);
      byDir.computeIfAbsent(Kustomization.parent(files.get(i)), k -> new ArrayList<>()).add(i);
    }
    Map<String, Kustomization> byKustDir = new TreeMap<>();
    Map<String, Kustomization> byFile = new HashMap<>();
    for (Kustomization k : all) {
      byKustDir.putIfAbsent(Kustomization.parent(k.file()), k);
      byFile.put(k.file(), k);
    }
    Set<String> included = new HashSet<>();
    for (Kustomization k : all) {
      for (String ref : k.refs()) {
        Kustomization target = byKustDir.get(ref);
        if (target != null && target != k) {
          included.add(target.file());
        }
      }
    }
    BitSet taken = new BitSet();
    for (Kustomization root : all) {
      if (included.contains(root.file())) {
        continue;
      }
      BitSet members = new BitSet();
      Set<String> seen = new HashSet<>();
      Deque<Kustomization> todo = new ArrayDeque<>();
      todo.add(root);
      seen.add(root.file());
      while (!todo.isEmpty()) {
        Kustomization k = todo.poll();
        for (String ref : k.refs()) {
          Kustomization sub = byKustDir.get(ref);
          if (sub == null) {
            sub = byFile.get(ref);
          }
          if (sub != null) {
            if (seen.add(sub.file())) {
              todo.add(sub);
            }
          } else if (index.containsKey(ref)) {
            members.set(index.get(ref));
          } else {
            // a directory without a kustomization: its own files
            for (int i : byDir.getOrDefault(ref, List.of())) {
              members.set(i);
            }
          }
        }
      }
      members.and(remaining);
      if (!members.isEmpty()) {
        String dir = Kustomization.parent(root.file());
        scopes.add(new Scope("kustomization " + (dir.isEmpty() ? "." : dir), members));
        taken.or(members);
      }
    }
    remaining.andNot(taken);
  }

  /** Each deepest directory with its ancestors' files. */
  private static void directories(List<String> files, BitSet remaining, List<Scope> scopes) {
    Map<String, BitSet> byDir = new TreeMap<>();
    for (int i = remaining.nextSetBit(0); i >= 0; i = remaining.nextSetBit(i + 1)) {
      byDir.computeIfAbsent(Kustomization.parent(files.get(i)), k -> new BitSet()).set(i);
    }
    Set<String> hasDescendant = new HashSet<>();
    for (String d : byDir.keySet()) {
      for (String a = d; !a.isEmpty(); ) {
        a = Kustomization.parent(a);
        if (!hasDescendant.add(a)) {
          break;
        }
      }
    }
    for (Map.Entry<String, BitSet> e : byDir.entrySet()) {
      String d = e.getKey();
      if (hasDescendant.contains(d)) {
        continue;
      }
      BitSet members = (BitSet) e.getValue().clone();
      for (String a = d; !a.isEmpty(); ) {
        a = Kustomization.parent(a);
        BitSet up = byDir.get(a);
        if (up != null) {
          members.or(up);
        }
      }
      scopes.add(new Scope("directory " + (d.isEmpty() ? "." : d), members));
    }
  }

  private static List<Scope> withoutContained(List<Scope> scopes) {
    if (scopes.size() < 2 || scopes.size() > MAX_CONTAINMENT_CHECK) {
      return scopes;
    }
    List<Scope> bySize = new ArrayList<>(scopes);
    bySize.sort(Comparator.comparingInt((Scope s) -> -s.members().cardinality()));
    Set<Scope> kept = Collections.newSetFromMap(new IdentityHashMap<>());
    for (Scope s : bySize) {
      boolean contained = false;
      for (Scope k : kept) {
        BitSet rest = (BitSet) s.members().clone();
        rest.andNot(k.members());
        if (rest.isEmpty()) {
          contained = true;
          break;
        }
      }
      if (!contained) {
        kept.add(s);
      }
    }
    List<Scope> out = new ArrayList<>();
    for (Scope s : scopes) {
      if (kept.contains(s)) {
        out.add(s);
      }
    }
    return out;
  }
}
