package io.eksnet.relate.cluster;

import io.eksnet.model.FactField;
import io.eksnet.model.Location;
import io.eksnet.model.NetworkPolicy;
import io.eksnet.model.PublicFact;
import java.util.List;

/**
 * The Kubernetes NetworkPolicies of one namespace in the scan, in file and line order (the first is
 * where a finding about them all points). One per namespace that has any.
 */
@PublicFact("The Kubernetes NetworkPolicies of one namespace of the scan, in file and line order.")
public record NamespacePolicies(
    @FactField("The namespace (`metadata.namespace`, else `default`).") String namespace,
    @FactField("Its NetworkPolicies, in file and line order (never empty).")
        List<NetworkPolicy> policies) {

  public NamespacePolicies {
    policies = List.copyOf(policies);
  }

  @FactField("The first policy (by file and line).")
  public NetworkPolicy getFirst() {
    return policies.get(0);
  }

  @FactField("The number of policies.")
  public int getCount() {
    return policies.size();
  }

  /** Where the first policy is. */
  public Location location() {
    return getFirst().getLocation();
  }

  /** {@code default-deny, allow-web and 3 more}, for messages. */
  @FactField("The policies' names, the first five and a count of the rest, for messages.")
  public String describeNames() {
    List<String> names = policies.stream().map(NetworkPolicy::getName).toList();
    if (names.size() <= 5) {
      return String.join(", ", names);
    }
    return String.join(", ", names.subList(0, 5)) + " and " + (names.size() - 5) + " more";
  }

  /**
   * {@code The NetworkPolicy default-deny of namespace shop is} or {@code The 3 NetworkPolicies of
   * namespace shop (a, b, c) are}, to begin a sentence.
   */
  @FactField("The policies as the subject of a sentence, with `is`/`are`, for messages.")
  public String describe() {
    String ns = getNamespaceName();
    if (policies.size() == 1) {
      return "The NetworkPolicy " + getFirst().getName() + " of namespace " + ns + " is";
    }
    return "The "
        + policies.size()
        + " NetworkPolicies of namespace "
        + ns
        + " ("
        + describeNames()
        + ") are";
  }

  /** The namespace, or {@code (none)} for cluster-scoped objects, for messages. */
  @FactField("The namespace, for messages.")
  public String getNamespaceName() {
    return namespace.isEmpty() ? "(none)" : namespace;
  }
}
