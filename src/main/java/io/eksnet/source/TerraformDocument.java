package io.eksnet.source;

import io.eksnet.model.TerraformResource;
import io.eksnet.model.TfRefs;
import io.eksnet.model.Tree;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The resource instances of one {@code terraform show -json} document, with what is needed to
 * resolve references between them: an index by id, and the configuration's expression references
 * for values unknown until apply (through module variables and outputs, at any depth).
 *
 * <p>Plans: instances come from {@code planned_values} (at any {@code child_modules} depth) and,
 * for what is missing there, from {@code resource_changes[].change.after}; {@code after_unknown}
 * marks values known only after apply. States: from {@code values}. Resources being deleted are
 * left out.
 */
final class TerraformDocument {

  /** One resource instance. */
  static final class Res {
    final String address;
    final String module;
    final String mode;
    final String type;
    final String name;

    /** The instance key as it appears in addresses ({@code 0}, {@code "a"}), or null. */
    final String index;

    final Tree.TMap object;
    Tree.TMap values;
    Tree unknown;

    /**
     * A plan creates it (or replaces it); false in a state and for what a plan keeps or updates.
     */
    boolean created;

    Res(
        String address,
        String module,
        String mode,
        String type,
        String name,
        String index,
        Tree.TMap object,
        Tree.TMap values) {
      this.address = address;
      this.module = module;
      this.mode = mode;
      this.type = type;
      this.name = name;
      this.index = index;
      this.object = object;
      this.values = values;
    }

    boolean isData() {
      return "data".equals(mode);
    }

    /** {@code type.name} or {@code data.type.name}: the address inside its module. */
    String localConfigAddress() {
      return (isData() ? "data." : "") + type + "." + name;
    }
  }

  /** A module of the configuration. */
  private static final class ConfigModule {
    final Map<String, Tree.TMap> resources = new HashMap<>();
    final Map<String, Tree.TMap> calls = new HashMap<>();
    final Map<String, Tree.TMap> outputs = new HashMap<>();
  }

  private static final Tree.TMap EMPTY = new Tree.TMap(1, 1, Map.of());
  private static final Set<String> NON_RESOURCE_ROOTS =
      Set.of("local", "count", "each", "path", "terraform", "self", "var", "module", "data");

  final String file;
  final boolean plan;
  final String formatVersion;
  private final Map<String, Res> byAddress = new LinkedHashMap<>();
  private final Map<String, List<Res>> byConfig = new HashMap<>();
  private final Map<String, String> addressById = new HashMap<>();
  private final Map<String, ConfigModule> config = new HashMap<>();
  private final Set<String> moduleInstances = new LinkedHashSet<>();
  private final Map<String, String> configDirs = new HashMap<>();

  TerraformDocument(String file, Tree.TMap doc) {
    this.file = file;
    this.formatVersion = Tree.text(doc.get("format_version"));
    this.plan = doc.get("planned_values") != null || doc.get("resource_changes") != null;
    if (plan) {
      walkValues(Tree.path(doc, "planned_values", "root_module"), "");
      for (Tree t : Tree.asList(doc.get("resource_changes"))) {
        if (t instanceof Tree.TMap rc) {
          addChange(rc);
        }
      }
      // data sources read while planning are in the prior state only
      Tree prior = Tree.path(doc, "prior_state", "values", "root_module");
      List<Res> priorData = new ArrayList<>();
      collect(prior, "", priorData);
      for (Res r : priorData) {
        if (r.isData() && !byAddress.containsKey(r.address)) {
          byAddress.put(r.address, r);
        }
      }
    } else {
      walkValues(Tree.path(doc, "values", "root_module"), "");
    }
    readConfig(Tree.path(doc, "configuration", "root_module"), "", "");
    for (Res r : byAddress.values()) {
      byConfig
          .computeIfAbsent(r.module + "|" + r.localConfigAddress(), k -> new ArrayList<>())
          .add(r);
      String m = r.module;
      while (!m.isEmpty()) {
        moduleInstances.add(m);
        m = parentModule(m);
      }
      String id = Tree.text(r.values.get("id"));
      if (id != null && !id.isEmpty()) {
        // a managed resource wins over a data source that looks it up
        if (!r.isData() || !addressById.containsKey(id)) {
          addressById.put(id, r.address);
        }
      }
      String arn = Tree.text(r.values.get("arn"));
      if (arn != null && !arn.isEmpty()) {
        addressById.putIfAbsent(arn, r.address);
      }
    }
  }

  Collection<Res> resources() {
    return byAddress.values();
  }

  Res get(String address) {
    return byAddress.get(address);
  }

  // ---- collecting instances ----

  private void walkValues(Tree module, String moduleAddress) {
    List<Res> out = new ArrayList<>();
    collect(module, moduleAddress, out);
    for (Res r : out) {
      byAddress.putIfAbsent(r.address, r);
    }
  }

  private static void collect(Tree module, String moduleAddress, List<Res> out) {
    if (!(module instanceof Tree.TMap m)) {
      return;
    }
    for (Tree t : Tree.asList(m.get("resources"))) {
      if (t instanceof Tree.TMap r) {
        Res res = res(r, moduleAddress, Tree.asMap(r.get("values")));
        if (res != null) {
          out.add(res);
        }
      }
    }
    for (Tree c : Tree.asList(m.get("child_modules"))) {
      String addr = Tree.text(Tree.path(c, "address"));
      collect(c, addr == null ? moduleAddress : addr, out);
    }
  }

  private static Res res(Tree.TMap r, String moduleAddress, Tree.TMap values) {
    String address = Tree.text(r.get("address"));
    String type = Tree.text(r.get("type"));
    String name = Tree.text(r.get("name"));
    if (address == null || type == null || name == null) {
      return null;
    }
    String mode = Tree.text(r.get("mode"));
    Tree idx = r.get("index");
    String index = null;
    if (idx instanceof Tree.TScalar s && s.value() != null) {
      index = s.type() == Tree.ScalarType.STRING ? "\"" + s.value() + "\"" : s.value();
    }
    String module = moduleAddress;
    String ma = Tree.text(r.get("module_address"));
    if (ma != null) {
      module = ma;
    } else if (module.isEmpty() || !address.startsWith(module + ".")) {
      module = moduleOf(address);
    }
    return new Res(
        address,
        module,
        mode == null ? "managed" : mode,
        type,
        name,
        index,
        r,
        values == null ? EMPTY : values);
  }

  private void addChange(Tree.TMap rc) {
    List<String> actions = TerraformResource.strings(Tree.path(rc, "change", "actions"));
    if (actions.equals(List.of("delete"))) {
      return;
    }
    Res existing = byAddress.get(Tree.text(rc.get("address")));
    Tree after = Tree.path(rc, "change", "after");
    Tree unknown = Tree.path(rc, "change", "after_unknown");
    boolean created = actions.contains("create");
    if (existing == null) {
      Res r = res(rc, "", Tree.asMap(after));
      if (r != null) {
        r.unknown = unknown;
        r.created = created;
        byAddress.put(r.address, r);
      }
      return;
    }
    existing.unknown = unknown;
    existing.created = created;
    if (existing.values == EMPTY && after instanceof Tree.TMap am) {
      existing.values = am;
    }
  }

  // ---- configuration ----

  private void readConfig(Tree module, String path, String dir) {
    if (!(module instanceof Tree.TMap m)) {
      return;
    }
    ConfigModule cm = config.computeIfAbsent(path, k -> new ConfigModule());
    configDirs.put(path, dir);
    for (Tree t : Tree.asList(m.get("resources"))) {
      if (t instanceof Tree.TMap r) {
        String type = Tree.text(r.get("type"));
        String name = Tree.text(r.get("name"));
        if (type != null && name != null) {
          String key = ("data".equals(Tree.text(r.get("mode"))) ? "data." : "") + type + "." + name;
          Tree.TMap ex = Tree.asMap(r.get("expressions"));
          cm.resources.put(key, ex == null ? EMPTY : ex);
        }
      }
    }
    if (m.get("outputs") instanceof Tree.TMap outs) {
      for (Tree.Entry e : outs.entries().values()) {
        if (e.value() instanceof Tree.TMap o) {
          cm.outputs.put(e.key(), o);
        }
      }
    }
    if (m.get("module_calls") instanceof Tree.TMap calls) {
      for (Tree.Entry e : calls.entries().values()) {
        if (e.value() instanceof Tree.TMap call) {
          cm.calls.put(e.key(), call);
          String source = Tree.text(call.get("source"));
          String childDir =
              dir == null
                      || source == null
                      || !(source.startsWith("./") || source.startsWith("../"))
                  ? null
                  : joinDir(dir, source);
          readConfig(call.get("module"), path.isEmpty() ? e.key() : path + "." + e.key(), childDir);
        }
      }
    }
  }

  /** {@code modules/net} for {@code ""} + {@code ./modules/net}; handles {@code ..}. */
  static String joinDir(String dir, String source) {
    List<String> parts = new ArrayList<>();
    for (String p : (dir + "/" + source).split("/")) {
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

  /** The local source directory of a resource's module (see {@link TerraformResource.Header}). */
  String configDir(Res r) {
    return configDirs.getOrDefault(
        configPath(r.module), config.isEmpty() && r.module.isEmpty() ? "" : null);
  }

  /** The expression of an argument in the configuration, e.g. {@code vpc_config, 0, subnet_ids}. */
  Tree expression(Res r, String... path) {
    ConfigModule cm = config.get(configPath(r.module));
    if (cm == null) {
      return null;
    }
    return TerraformResource.navigate(cm.resources.get(r.localConfigAddress()), path);
  }

  // ---- values ----

  /** True when the value at the path is unknown until apply. */
  boolean unknown(Res r, String... path) {
    Tree cur = r.unknown;
    for (String seg : path) {
      if (cur instanceof Tree.TScalar s && "true".equals(s.value())) {
        return true;
      }
      cur = TerraformResource.navigate(cur, seg);
    }
    if (cur instanceof Tree.TScalar s && "true".equals(s.value())) {
      return true;
    }
    return cur instanceof Tree.TList l
        && l.items().stream().anyMatch(i -> "true".equals(Tree.text(i)));
  }

  /**
   * Resolves a reference argument (a string or a list of strings) to resources of the given types:
   * known values by id, unknown ones through the configuration's references.
   */
  TfRefs refs(Res r, Set<String> types, String... path) {
    Tree v = TerraformResource.navigate(r.values, path);
    Set<String> addresses = new LinkedHashSet<>();
    List<String> external = new ArrayList<>();
    boolean missing = unknown(r, path);
    List<Tree> items = v instanceof Tree.TList l ? l.items() : v == null ? List.of() : List.of(v);
    for (Tree item : items) {
      String s = Tree.text(item);
      if (s == null) {
        missing = true;
        continue;
      }
      if (s.isEmpty()) {
        continue;
      }
      String a = addressById.get(s);
      Res target = a == null ? null : byAddress.get(a);
      if (target != null && types.contains(target.type)) {
        addresses.add(a);
      } else {
        external.add(s);
      }
    }
    if (v == null && !missing && expressionReferences(r, path).isEmpty()) {
      return new TfRefs(List.copyOf(addresses), external, false);
    }
    boolean unresolved = false;
    if (missing || v == null) {
      List<String> refs = expressionReferences(r, path);
      Set<String> found = new LinkedHashSet<>();
      resolve(r.module, refs, r, types, 0, found);
      addresses.addAll(found);
      unresolved = found.isEmpty() && (missing || mentionsResources(refs));
    }
    // a known id of the plan's own resource may also appear in the references: no duplicates
    return new TfRefs(List.copyOf(addresses), external, unresolved);
  }

  /** Like {@link #refs} for an argument that names a resource by another attribute (a name). */
  TfRefs refsByAttribute(Res r, Set<String> types, String attribute, String... path) {
    String v = Tree.text(TerraformResource.navigate(r.values, path));
    if (v != null) {
      for (String type : types) {
        for (Res t : ofType(type)) {
          if (v.equals(Tree.text(t.values.get(attribute)))) {
            return new TfRefs(List.of(t.address), List.of(), false);
          }
        }
      }
    }
    TfRefs byId = refs(r, types, path);
    if (!byId.addresses().isEmpty() || v == null) {
      return byId;
    }
    return new TfRefs(List.of(), List.of(v), false);
  }

  private Map<String, List<Res>> byType;

  /** The resources of the given type in the given module instance. */
  List<Res> inModule(String module, String type) {
    return ofType(type).stream().filter(r -> r.module.equals(module)).toList();
  }

  /** The resources of the given type, in document order. */
  List<Res> ofType(String type) {
    if (byType == null) {
      byType = new HashMap<>();
      for (Res r : byAddress.values()) {
        byType.computeIfAbsent(r.type, k -> new ArrayList<>()).add(r);
      }
    }
    return byType.getOrDefault(type, List.of());
  }

  /** The address of the resource with this id or ARN, or null. */
  String addressOf(String id) {
    return addressById.get(id);
  }

  private List<String> expressionReferences(Res r, String... path) {
    Tree e = expression(r, path);
    return TerraformResource.strings(Tree.path(e, "references"));
  }

  /** True when a reference other than {@code count.index}/{@code each} feeds the value. */
  private static boolean mentionsResources(List<String> refs) {
    for (String ref : refs) {
      if (!ref.startsWith("count.")
          && !ref.startsWith("each.")
          && !ref.startsWith("path.")
          && !ref.startsWith("terraform.")) {
        return true;
      }
    }
    return false;
  }

  private void resolve(
      String module, List<String> refs, Res from, Set<String> types, int depth, Set<String> out) {
    if (depth > 32) {
      return;
    }
    boolean byIndex =
        from != null
            && (refs.contains("count.index")
                || refs.contains("each.key")
                || refs.contains("each.value"));
    for (String ref : refs) {
      List<String> segs = segments(ref);
      if (segs.size() < 2) {
        continue;
      }
      String root = segs.get(0);
      switch (root) {
        case "var" -> resolveVariable(module, segs.get(1), types, depth, out);
        case "module" -> resolveOutput(module, segs, types, depth, out);
        case "data" -> {
          if (segs.size() >= 3) {
            instances(
                module,
                "data." + segs.get(1) + "." + base(segs.get(2)),
                key(segs.get(2)),
                byIndex ? from : null,
                types,
                out);
          }
        }
        default -> {
          if (!NON_RESOURCE_ROOTS.contains(root)) {
            instances(
                module,
                root + "." + base(segs.get(1)),
                key(segs.get(1)),
                byIndex ? from : null,
                types,
                out);
          }
        }
      }
    }
  }

  private void instances(
      String module, String local, String key, Res from, Set<String> types, Set<String> out) {
    List<Res> all = byConfig.getOrDefault(module + "|" + local, List.of());
    if (all.isEmpty() || !types.contains(all.get(0).type)) {
      return;
    }
    if (key != null) {
      for (Res r : all) {
        if (key.equals(r.index)) {
          out.add(r.address);
        }
      }
      return;
    }
    if (from != null && from.index != null && all.size() > 1) {
      for (Res r : all) {
        if (from.index.equals(r.index)) {
          out.add(r.address);
          return;
        }
      }
      // element(list, count.index) wraps around
      if (isNumber(from.index)
          && all.stream().allMatch(r -> r.index != null && isNumber(r.index))) {
        int i = Integer.parseInt(from.index) % all.size();
        for (Res r : all) {
          if (Integer.parseInt(r.index) == i) {
            out.add(r.address);
            return;
          }
        }
      }
    }
    for (Res r : all) {
      out.add(r.address);
    }
  }

  private void resolveVariable(
      String module, String var, Set<String> types, int depth, Set<String> out) {
    if (module.isEmpty()) {
      return;
    }
    String parent = parentModule(module);
    ConfigModule pc = config.get(configPath(parent));
    Tree.TMap call = pc == null ? null : pc.calls.get(callName(module));
    Tree e = call == null ? null : Tree.path(call, "expressions", var);
    if (e == null) {
      return;
    }
    List<Tree> constants = new ArrayList<>();
    Tree cv = Tree.path(e, "constant_value");
    if (cv instanceof Tree.TList l) {
      constants.addAll(l.items());
    } else if (cv != null) {
      constants.add(cv);
    }
    for (Tree c : constants) {
      String a = addressById.get(Tree.text(c));
      if (a != null && types.contains(byAddress.get(a).type)) {
        out.add(a);
      }
    }
    List<String> refs = TerraformResource.strings(Tree.path(e, "references"));
    out.addAll(
        memo(
            "var",
            module,
            var,
            types,
            found -> resolve(parent, refs, null, types, depth + 1, found)));
  }

  private void resolveOutput(
      String module, List<String> segs, Set<String> types, int depth, Set<String> out) {
    if (segs.size() < 3) {
      return;
    }
    String call = base(segs.get(1));
    String key = key(segs.get(1));
    ConfigModule child =
        config.get(configPath(module).isEmpty() ? call : configPath(module) + "." + call);
    Tree.TMap output = child == null ? null : child.outputs.get(segs.get(2));
    if (output == null) {
      return;
    }
    List<String> refs = TerraformResource.strings(Tree.path(output, "expression", "references"));
    String prefix = (module.isEmpty() ? "" : module + ".") + "module." + call;
    for (String inst : moduleInstances) {
      boolean match =
          key == null
              ? inst.equals(prefix)
                  || (inst.startsWith(prefix + "[") && parentModule(inst).equals(module))
              : inst.equals(prefix + "[" + key + "]");
      if (match) {
        out.addAll(
            memo(
                "output",
                inst,
                segs.get(2),
                types,
                found -> resolve(inst, refs, null, types, depth + 1, found)));
      }
    }
  }

  /**
   * What a module variable or output resolves to, per (kind, module instance, name, types), once
   * per document: an output used three times by each of 16 nested modules is resolved 16 times, not
   * 3^16. A reference back to a value being resolved (a cycle, which Terraform rejects) adds
   * nothing; the depth limit of {@link #resolve} still bounds the stack.
   */
  private final Map<List<Object>, Set<String>> resolved = new HashMap<>();

  private Set<String> memo(
      String kind,
      String module,
      String name,
      Set<String> types,
      java.util.function.Consumer<Set<String>> compute) {
    List<Object> key = List.of(kind, module, name, types);
    Set<String> done = resolved.get(key);
    if (done != null) {
      return done;
    }
    resolved.put(key, Set.of()); // in progress: a cycle back to it finds nothing
    Set<String> found = new LinkedHashSet<>();
    compute.accept(found);
    resolved.put(key, found);
    return found;
  }

  // ---- addresses ----

  /** Splits an address or reference on dots outside brackets and quotes. */
  static List<String> segments(String s) {
    List<String> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    int depth = 0;
    boolean quoted = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (quoted) {
        cur.append(c);
        if (c == '\\' && i + 1 < s.length()) {
          cur.append(s.charAt(++i));
        } else if (c == '"') {
          quoted = false;
        }
        continue;
      }
      if (c == '"') {
        quoted = true;
      } else if (c == '[') {
        depth++;
      } else if (c == ']') {
        depth--;
      } else if (c == '.' && depth == 0) {
        out.add(cur.toString());
        cur.setLength(0);
        continue;
      }
      cur.append(c);
    }
    out.add(cur.toString());
    return out;
  }

  /** {@code private} of {@code private[0]}. */
  static String base(String seg) {
    int b = seg.indexOf('[');
    return b < 0 ? seg : seg.substring(0, b);
  }

  /** {@code 0} of {@code private[0]}, {@code "a"} of {@code x["a"]}; null without a key. */
  static String key(String seg) {
    int b = seg.indexOf('[');
    return b < 0 || !seg.endsWith("]") ? null : seg.substring(b + 1, seg.length() - 1);
  }

  /** The module instance address of a resource address. */
  static String moduleOf(String address) {
    List<String> segs = segments(address);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i + 1 < segs.size() && segs.get(i).equals("module"); i += 2) {
      if (sb.length() > 0) {
        sb.append('.');
      }
      sb.append("module.").append(segs.get(i + 1));
    }
    return sb.toString();
  }

  static String parentModule(String module) {
    List<String> segs = segments(module);
    return segs.size() <= 2 ? "" : String.join(".", segs.subList(0, segs.size() - 2));
  }

  private static String callName(String module) {
    List<String> segs = segments(module);
    return base(segs.get(segs.size() - 1));
  }

  /** Module call names without instance keys: {@code eks.node_group}. */
  static String configPath(String module) {
    if (module.isEmpty()) {
      return "";
    }
    List<String> segs = segments(module);
    List<String> names = new ArrayList<>();
    for (int i = 1; i < segs.size(); i += 2) {
      names.add(base(segs.get(i)));
    }
    return String.join(".", names);
  }

  private static boolean isNumber(String s) {
    if (s.isEmpty() || s.length() > 9) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }
}
