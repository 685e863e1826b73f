package io.eksnet.source;

import io.eksnet.model.Tree;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads a raw Terraform state file ({@code terraform.tfstate}, state format version 4, as {@code
 * terraform state pull} prints it) as the {@code terraform show -json} output of that state would
 * read: each {@code resources[].instances[]} becomes a resource of {@code values.root_module} with
 * its address, module address, mode, type, name, index and {@code attributes} as values. The trees
 * keep the state file's positions, so findings point at the instance in the state file. Deposed
 * instances (being replaced) are left out, as {@code terraform show -json} leaves them out.
 */
final class TerraformState {

  /** The state format version eksnet reads. */
  static final int VERSION = 4;

  private TerraformState() {}

  /**
   * A raw state document: a top-level {@code version} and {@code resources} (or, for an empty
   * state, {@code lineage}/{@code serial}), and no {@code format_version} (which {@code show -json}
   * output has).
   */
  static boolean isState(Tree doc) {
    if (!(doc instanceof Tree.TMap m) || m.get("format_version") != null) {
      return false;
    }
    if (!(m.get("version") instanceof Tree.TScalar v) || v.type() != Tree.ScalarType.INT) {
      return false;
    }
    return m.get("resources") instanceof Tree.TList
        || (m.get("lineage") != null && m.get("serial") != null);
  }

  /** The state's format version ({@code version}), or -1. */
  static int version(Tree.TMap state) {
    try {
      return Integer.parseInt(Tree.text(state.get("version")));
    } catch (RuntimeException e) {
      return -1;
    }
  }

  /**
   * The {@code show -json} form of a version 4 state. {@code format_version} is {@code 1.0}; the
   * {@code terraform_version} is the state's.
   */
  static Tree.TMap asShowJson(Tree.TMap state) {
    List<Tree> resources = new ArrayList<>();
    for (Tree t : Tree.asList(state.get("resources"))) {
      if (!(t instanceof Tree.TMap r)) {
        continue;
      }
      String type = Tree.text(r.get("type"));
      String name = Tree.text(r.get("name"));
      if (type == null || name == null) {
        continue;
      }
      String mode = Tree.text(r.get("mode"));
      mode = "data".equals(mode) ? "data" : "managed";
      String module = Tree.text(r.get("module"));
      module = module == null ? "" : module;
      String local = ("data".equals(mode) ? "data." : "") + type + "." + name;
      String base = module.isEmpty() ? local : module + "." + local;
      for (Tree it : Tree.asList(r.get("instances"))) {
        if (!(it instanceof Tree.TMap inst) || inst.get("deposed") != null) {
          continue;
        }
        if (!(inst.get("attributes") instanceof Tree.TMap attributes)) {
          continue; // attributes_flat: state format 3 and older, refused by the caller
        }
        Tree key = inst.get("index_key");
        String index = null;
        Tree indexTree = null;
        if (key instanceof Tree.TScalar s && s.value() != null) {
          indexTree = s;
          index = s.type() == Tree.ScalarType.STRING ? "\"" + s.value() + "\"" : s.value();
        }
        String address = index == null ? base : base + "[" + index + "]";
        List<Tree.Entry> e = new ArrayList<>();
        e.add(entry(inst, "address", str(inst, address)));
        if (!module.isEmpty()) {
          e.add(entry(inst, "module_address", str(inst, module)));
        }
        e.add(entry(inst, "mode", str(inst, mode)));
        e.add(entry(inst, "type", str(inst, type)));
        e.add(entry(inst, "name", str(inst, name)));
        if (indexTree != null) {
          e.add(entry(inst, "index", indexTree));
        }
        Tree.Entry attr = inst.entry("attributes");
        e.add(new Tree.Entry("values", attr.line(), attr.column(), attributes));
        resources.add(new Tree.TMap(inst.line(), inst.column(), e));
      }
    }
    Tree.TList list =
        new Tree.TList(
            state.get("resources") == null ? state.line() : state.get("resources").line(),
            state.get("resources") == null ? state.column() : state.get("resources").column(),
            resources);
    Tree.TMap root =
        new Tree.TMap(
            state.line(),
            state.column(),
            List.of(new Tree.Entry("resources", list.line(), list.column(), list)));
    Tree.TMap values =
        new Tree.TMap(
            state.line(),
            state.column(),
            List.of(new Tree.Entry("root_module", state.line(), state.column(), root)));
    List<Tree.Entry> top = new ArrayList<>();
    top.add(entry(state, "format_version", str(state, "1.0")));
    Tree.Entry tv = state.entry("terraform_version");
    if (tv != null) {
      top.add(new Tree.Entry("terraform_version", tv.line(), tv.column(), tv.value()));
    }
    top.add(new Tree.Entry("values", state.line(), state.column(), values));
    return new Tree.TMap(state.line(), state.column(), top);
  }

  private static Tree.TScalar str(Tree at, String value) {
    return new Tree.TScalar(at.line(), at.column(), value, Tree.ScalarType.STRING);
  }

  private static Tree.Entry entry(Tree at, String key, Tree value) {
    return new Tree.Entry(key, at.line(), at.column(), value);
  }
}
