package io.eksnet.source;

import io.eksnet.model.Tree;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a kustomization file ({@code kustomization.yaml}, {@code kustomization.yml} or {@code
 * Kustomization}) puts together: the local paths of its {@code resources}, {@code bases} and {@code
 * components}, and of its patches. Remote references (URLs, {@code github.com/...}) are left out:
 * they are not in the scan.
 *
 * @param file the kustomization file's root-relative path
 * @param refs root-relative, normalized paths of the files and directories it includes
 * @param patches root-relative, normalized paths of its patch files (partial objects)
 */
public record Kustomization(String file, List<String> refs, List<String> patches) {

  private static final Set<String> NAMES =
      Set.of("kustomization.yaml", "kustomization.yml", "Kustomization");

  /** Kustomizations stay small; anything larger is not read as one. */
  private static final long MAX_BYTES = 1 << 20;

  /** True for the file names kustomize reads as a kustomization. */
  public static boolean isKustomizationFile(String relative) {
    int slash = relative.lastIndexOf('/');
    return NAMES.contains(relative.substring(slash + 1));
  }

  /** The kustomization in this file, or null when it cannot be read as one. */
  public static Kustomization read(SourceFile f) {
    try {
      if (Files.size(f.path()) > MAX_BYTES) {
        return null;
      }
      Encoding.Decoded d = Encoding.decode(Files.readAllBytes(f.path()));
      if (d.problem() != null) {
        return null;
      }
      YamlLoader.Result r = new YamlLoader(Limits.DEFAULT).load(d.text());
      if (r.documents().isEmpty() || !(r.documents().get(0) instanceof Tree.TMap root)) {
        return null;
      }
      String dir = parent(f.relative());
      List<String> refs = new ArrayList<>();
      for (String key : List.of("resources", "bases", "components")) {
        for (Tree t : Tree.asList(root.get(key))) {
          add(dir, Tree.text(t), refs);
        }
      }
      List<String> patches = new ArrayList<>();
      for (String key : List.of("patchesStrategicMerge", "patchesJson6902", "patches")) {
        for (Tree t : Tree.asList(root.get(key))) {
          add(
              dir,
              t instanceof Tree.TMap ? Tree.text(Tree.path(t, "path")) : Tree.text(t),
              patches);
        }
      }
      return new Kustomization(f.relative(), refs, patches);
    } catch (IOException | RuntimeException e) {
      return null; // not readable as a kustomization: it then groups nothing
    }
  }

  private static void add(String dir, String ref, List<String> out) {
    if (ref == null || ref.isBlank() || ref.contains("://") || ref.contains("\n")) {
      return;
    }
    if (ref.startsWith("github.com/") || ref.startsWith("git@") || ref.startsWith("/")) {
      return;
    }
    String n = normalize(dir.isEmpty() ? ref : dir + "/" + ref);
    if (n != null) {
      out.add(n);
    }
  }

  /** The directory part of a root-relative path ("" at the root). */
  public static String parent(String relative) {
    int slash = relative.lastIndexOf('/');
    return slash < 0 ? "" : relative.substring(0, slash);
  }

  /** Resolves {@code .} and {@code ..}; null when the path climbs out of the root. */
  public static String normalize(String path) {
    List<String> parts = new ArrayList<>();
    for (String p : path.split("/")) {
      if (p.isEmpty() || p.equals(".")) {
        continue;
      }
      if (p.equals("..")) {
        if (parts.isEmpty()) {
          return null;
        }
        parts.remove(parts.size() - 1);
      } else {
        parts.add(p);
      }
    }
    return String.join("/", parts);
  }
}
