package io.eksnet.aws;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An immutable catalog of instance types by name. {@link #builtIn()} holds the 1391 types of the
 * VPC CNI's limits table joined with vCPU counts (sources in the table's header); users add or
 * override types with {@link #withOverrides}, e.g. from {@link DescribeInstanceTypesFile}.
 */
public final class InstanceTypes {
  private final Map<String, InstanceType> byName;

  private InstanceTypes(Map<String, InstanceType> byName) {
    this.byName = byName;
  }

  /** The table shipped in the jar, loaded once. */
  public static InstanceTypes builtIn() {
    return BuiltIn.TABLE;
  }

  private static final class BuiltIn {
    static final InstanceTypes TABLE = of(InstanceTable.parse(readResource()));

    private static String readResource() {
      try (InputStream in = InstanceTypes.class.getResourceAsStream(InstanceTable.RESOURCE)) {
        if (in == null) {
          throw new IllegalStateException(InstanceTable.RESOURCE + " is missing from the jar");
        }
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** A catalog of the given types; a later type replaces an earlier one of the same name. */
  public static InstanceTypes of(Collection<InstanceType> types) {
    Map<String, InstanceType> m = new TreeMap<>();
    for (InstanceType t : types) {
      m.put(t.name(), t);
    }
    return new InstanceTypes(m);
  }

  /**
   * This catalog with the given types added or replaced. A replacing type keeps this catalog's
   * values where its own are unknown (null): {@code describe-instance-types} output, for instance,
   * says nothing about trunking or branch ENIs.
   */
  public InstanceTypes withOverrides(Collection<InstanceType> overrides) {
    Map<String, InstanceType> m = new TreeMap<>(byName);
    for (InstanceType t : overrides) {
      InstanceType base = m.get(t.name());
      m.put(t.name(), base == null ? t : t.withUnknownsFrom(base));
    }
    return new InstanceTypes(m);
  }

  /** The type of that exact name ({@code m5.large}), if known. */
  public Optional<InstanceType> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /** All types, sorted by name. */
  public List<InstanceType> all() {
    return List.copyOf(byName.values());
  }

  /** Number of types. */
  public int size() {
    return byName.size();
  }
}
