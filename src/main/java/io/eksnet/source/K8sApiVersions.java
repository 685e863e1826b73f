package io.eksnet.source;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Whether an {@code apiVersion} can name a Kubernetes API: {@code v1} (the core group), or {@code
 * group/version} where the group is one of the built-in groups without a dot ({@code apps}, {@code
 * batch}, ...) or a DNS name with a dot (every other built-in group, and every custom resource's:
 * the API server refuses a CustomResourceDefinition whose group has no dot). Another tool's format
 * that borrows the key ({@code apiVersion: release-notes/v2}) does not.
 */
final class K8sApiVersions {

  private static final Set<String> DOTLESS_GROUPS =
      Set.of("apps", "batch", "policy", "autoscaling", "extensions");

  private static final Pattern GROUP_VERSION =
      Pattern.compile("([a-z0-9]([-a-z0-9.]*[a-z0-9])?)/v[0-9]+((alpha|beta)[0-9]+)?");

  private K8sApiVersions() {}

  static boolean isKubernetes(String apiVersion) {
    if (apiVersion.equals("v1")) {
      return true;
    }
    var m = GROUP_VERSION.matcher(apiVersion);
    if (!m.matches()) {
      return false;
    }
    String group = m.group(1);
    return group.contains(".") || DOTLESS_GROUPS.contains(group);
  }
}
