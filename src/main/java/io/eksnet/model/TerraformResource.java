package io.eksnet.model;

import java.util.List;
import java.util.Map;

/**
 * A resource instance from {@code terraform show -json} output (a plan or a state): its address,
 * where its object is in the JSON file, its attribute values (null where unknown until apply) and
 * the local directory of its module's sources. Subclasses are the resource types the rules read.
 *
 * <p>The logical location of every finding on a resource is its address, e.g. {@code
 * module.vpc.aws_subnet.private[0]}; the physical location is the resource object's first line.
 */
@PublicFact(
    "A resource of `terraform show -json` output (a plan or a state); the supertype of Subnet, Vpc, SecurityGroup, NodeGroup, EksCluster, Database and the other Terraform facts.")
public abstract class TerraformResource {

  /**
   * What every resource fact shares.
   *
   * @param file the JSON file (relative to the scan root)
   * @param object the resource object in the file (planned values, state values, or the resource
   *     change when planned values lack it)
   * @param values the attribute values; an empty map when the file gives none
   * @param address the instance address, e.g. {@code module.vpc.aws_subnet.private[0]}
   * @param moduleAddress the module instance address, empty for the root module
   * @param type the resource type, e.g. {@code aws_subnet}
   * @param name the resource name in its module
   * @param configDir the module's source directory relative to the root module's ({@code ""} for
   *     the root module, {@code modules/vpc} for {@code source = "./modules/vpc"}), or null when
   *     the module comes from a registry or another remote source
   * @param created the document is a plan that creates (or replaces) the resource
   */
  public record Header(
      String file,
      Tree.TMap object,
      Tree.TMap values,
      String address,
      String moduleAddress,
      String type,
      String name,
      String configDir,
      boolean created) {}

  private final Header header;

  protected TerraformResource(Header header) {
    this.header = header;
  }

  @FactField("The JSON file's path, relative to the repository root.")
  public String getFile() {
    return header.file();
  }

  /**
   * True when the document is a plan that creates (or replaces) this resource; false in a state,
   * where AWS has accepted it already, and for what a plan keeps or updates in place.
   */
  @FactField(
      "True when the document is a plan that creates (or replaces) the resource; false in a state and for what a plan keeps or updates in place.")
  public boolean isCreated() {
    return header.created();
  }

  @FactField("The resource address, e.g. `module.vpc.aws_subnet.private[0]`.")
  public String getAddress() {
    return header.address();
  }

  public String getModuleAddress() {
    return header.moduleAddress();
  }

  @FactField("The resource type, e.g. `aws_subnet`.")
  public String getType() {
    return header.type();
  }

  @FactField("The resource name in its module, e.g. `private`.")
  public String getName() {
    return header.name();
  }

  /** See {@link Header#configDir()}. */
  public String getConfigDir() {
    return header.configDir();
  }

  /** The attribute values (read-only tree). */
  public Tree.TMap getValues() {
    return header.values();
  }

  /** A key that identifies the resource in a scan: file and address. */
  public String getKey() {
    return key(header.file(), header.address());
  }

  /** The key of the resource at {@code address} in {@code file}. */
  public static String key(String file, String address) {
    return file + "\u0000" + address;
  }

  /** The resource object's first line; the logical location is the address. */
  @FactField("Where the resource's object starts in the JSON file.")
  public Location getLocation() {
    return new Location(
        header.file(), header.object().line(), header.object().column(), header.address(), "");
  }

  /**
   * The most specific existing node on a path of attribute names and list indexes inside the
   * values, e.g. {@code at("scaling_config", "0", "max_size")}; the resource object when the path
   * is not there. The field path is kept as given.
   */
  @FactField("The line of an attribute under the resource's values: `at(\"cidr_block\")`.")
  public Location at(String... path) {
    int[] pos =
        Tree.locate(header.values(), header.object().line(), header.object().column(), path);
    return new Location(header.file(), pos[0], pos[1], header.address(), String.join(".", path));
  }

  /** The address, as used in messages. */
  @FactField("The address, for messages.")
  public String getDisplayName() {
    return header.address();
  }

  /** A {@code Name} tag, or the resource's own name attribute, for messages; may be null. */
  @FactField("The `Name` tag, or the resource's own name attribute, for messages; may be null.")
  public String getTagName() {
    Map<String, String> tags = Tree.stringMap(header.values().get("tags"));
    return tags.get("Name");
  }

  // ---- value helpers for subclasses and the loader ----

  /** The string at a path of attribute names (numbers and booleans as written), or null. */
  protected final String str(String... path) {
    return Tree.text(navigate(header.values(), path));
  }

  /** Navigates map keys and list indexes ({@link Tree#path}). */
  public static Tree navigate(Tree root, String... path) {
    return Tree.path(root, path);
  }

  /** The strings of a list value (nulls for unknown or non-scalar items are skipped). */
  public static List<String> strings(Tree t) {
    return Tree.asList(t).stream().map(Tree::text).filter(s -> s != null).toList();
  }

  @Override
  public String toString() {
    return header.address() + " (" + header.file() + ":" + header.object().line() + ")";
  }
}
