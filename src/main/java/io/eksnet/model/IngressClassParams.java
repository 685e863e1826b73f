package io.eksnet.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An IngressClassParams of the AWS Load Balancer Controller ({@code elbv2.k8s.aws}) or of EKS Auto
 * Mode ({@code eks.amazonaws.com}), cluster-scoped: the settings an IngressClass that references it
 * (in {@code spec.parameters}) enforces on all its Ingresses. The fields the rules use are read
 * here; every field keeps its position in the tree ({@link #at(String...)}).
 */
@PublicFact(
    "An IngressClassParams of the AWS Load Balancer Controller (`elbv2.k8s.aws`) or of EKS Auto Mode (`eks.amazonaws.com`), whose fields win over the annotations of the Ingresses of its class.")
public final class IngressClassParams extends K8sObject {

  /** The API group of IngressClassParams (and of the IngressClass parameter reference). */
  public static final String API_GROUP = "elbv2.k8s.aws";

  /** The API group of EKS Auto Mode's IngressClassParams. */
  public static final String AUTO_MODE_API_GROUP = "eks.amazonaws.com";

  public static final String KIND = "IngressClassParams";

  private final String scheme;
  private final String targetType;
  private final String groupName;
  private final List<String> subnetIds;
  private final Map<String, List<String>> subnetTags;
  private final LabelSelector namespaceSelector;

  public IngressClassParams(
      String file,
      Tree.TMap root,
      String scheme,
      String targetType,
      String groupName,
      List<String> subnetIds,
      Map<String, List<String>> subnetTags,
      LabelSelector namespaceSelector) {
    super(file, root, "");
    this.scheme = scheme;
    this.targetType = targetType;
    this.groupName = groupName;
    this.subnetIds = subnetIds == null ? null : List.copyOf(subnetIds);
    Map<String, List<String>> tags = null;
    if (subnetTags != null) {
      tags = new LinkedHashMap<>();
      for (Map.Entry<String, List<String>> e : subnetTags.entrySet()) {
        tags.put(e.getKey(), List.copyOf(e.getValue()));
      }
      tags = Collections.unmodifiableMap(tags);
    }
    this.subnetTags = tags;
    this.namespaceSelector = namespaceSelector;
  }

  @Override
  protected boolean isNamespaced() {
    return false;
  }

  /** True for EKS Auto Mode's IngressClassParams ({@code eks.amazonaws.com}). */
  @FactField("True for EKS Auto Mode's IngressClassParams (`eks.amazonaws.com`).")
  public boolean isAutoMode() {
    return getApiVersion().startsWith(AUTO_MODE_API_GROUP + "/");
  }

  /** The API group, {@code elbv2.k8s.aws} or {@code eks.amazonaws.com}. */
  public String apiGroup() {
    return isAutoMode() ? AUTO_MODE_API_GROUP : API_GROUP;
  }

  /** {@code spec.scheme} ({@code internal} or {@code internet-facing}), or null. */
  @FactField("`spec.scheme` (`internal` or `internet-facing`), or null.")
  public String getScheme() {
    return scheme;
  }

  /** {@code spec.targetType} ({@code instance} or {@code ip}; controllers since 2025), or null. */
  @FactField("`spec.targetType`, or null.")
  public String getTargetType() {
    return targetType;
  }

  /** {@code spec.group.name}, or null. */
  @FactField("`spec.group.name`, or null.")
  public String getGroupName() {
    return groupName;
  }

  /** True when {@code spec.subnets} names subnets by id or selects them by tags. */
  public boolean hasSubnets() {
    return subnetIds != null || subnetTags != null;
  }

  /**
   * {@code spec.subnets.ids} in file order (entries that are not strings are left out), or null
   * when not set.
   */
  public List<String> getSubnetIds() {
    return subnetIds;
  }

  /** {@code spec.subnets.tags}: tag key to the values it may have, or null when not set. */
  public Map<String, List<String>> getSubnetTags() {
    return subnetTags;
  }

  /**
   * {@code spec.namespaceSelector}, or null when absent (every namespace may use the class); an
   * empty or null selector selects every namespace.
   */
  public LabelSelector getNamespaceSelector() {
    return namespaceSelector;
  }

  /** {@code kubernetes.io/role/elb=1} for messages, with several values as {@code k in (a,b)}. */
  public String describeSubnetTags() {
    if (subnetTags == null) {
      return "";
    }
    List<String> parts = new ArrayList<>();
    for (Map.Entry<String, List<String>> e : subnetTags.entrySet()) {
      List<String> v = e.getValue();
      parts.add(
          v.size() == 1
              ? e.getKey() + "=" + v.get(0)
              : e.getKey() + " in (" + String.join(",", v) + ")");
    }
    return String.join(", ", parts);
  }
}
