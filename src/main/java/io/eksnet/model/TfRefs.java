package io.eksnet.model;

import java.util.List;

/**
 * What a Terraform reference argument ({@code subnet_ids}, {@code vpc_id}…) points at, resolved
 * within one plan or state file by id or, where ids are unknown until apply, through the
 * configuration's expression references.
 *
 * @param addresses addresses of resources in the same file, in order, without duplicates
 * @param external known values that name nothing in the file (resources managed elsewhere)
 * @param unresolved true when some value is unknown and could not be traced to a resource
 */
public record TfRefs(List<String> addresses, List<String> external, boolean unresolved) {

  /** Nothing referenced. */
  public static final TfRefs NONE = new TfRefs(List.of(), List.of(), false);

  public TfRefs {
    addresses = List.copyOf(addresses);
    external = List.copyOf(external);
  }

  /** True when every value was resolved to a resource in the file. */
  public boolean complete() {
    return !unresolved && external.isEmpty();
  }

  /** The only address, or null when there are none or several. */
  public String single() {
    return addresses.size() == 1 ? addresses.get(0) : null;
  }

  public boolean isEmpty() {
    return addresses.isEmpty() && external.isEmpty() && !unresolved;
  }
}
