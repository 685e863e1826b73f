package io.eksnet.model;

import java.util.Locale;

/**
 * An object of a CNI or network policy plugin's own API in the manifests (a Calico {@code
 * GlobalNetworkPolicy} or {@code Installation}, a Cilium {@code CiliumClusterwideEnvoyConfig}, an
 * Antrea {@code ClusterNetworkPolicy}), or the CustomResourceDefinition of one: it shows that the
 * plugin is installed in the cluster.
 */
@PublicFact(
    "An object of a CNI or network policy plugin's own API (Calico, Cilium, Antrea, Kube-OVN), or the CRD of one.")
public final class NetworkPluginObject extends K8sObject {

  private final String plugin;

  public NetworkPluginObject(String file, Tree.TMap root, String plugin) {
    super(file, root, "default");
    this.plugin = plugin;
  }

  @FactField("The plugin: `Calico`, `Cilium`, `Antrea` or `Kube-OVN`.")
  public String getPlugin() {
    return plugin;
  }

  /**
   * The plugin whose API group this is ({@code crd.projectcalico.org}, {@code cilium.io}, ...), or
   * null for any other group.
   */
  public static String pluginOfGroup(String group) {
    if (group == null) {
      return null;
    }
    String g = group.toLowerCase(Locale.ROOT);
    if (g.equals("projectcalico.org")
        || g.endsWith(".projectcalico.org")
        || g.equals("operator.tigera.io")) {
      return "Calico";
    }
    if (g.equals("cilium.io") || g.endsWith(".cilium.io")) {
      return "Cilium";
    }
    if (g.equals("antrea.io")
        || g.endsWith(".antrea.io")
        || g.endsWith(".antrea.tanzu.vmware.com")) {
      return "Antrea";
    }
    if (g.equals("kubeovn.io") || g.endsWith(".kubeovn.io")) {
      return "Kube-OVN";
    }
    return null;
  }
}
