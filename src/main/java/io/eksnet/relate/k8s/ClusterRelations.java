package io.eksnet.relate.k8s;

import io.eksnet.model.ConfigMap;
import io.eksnet.model.Location;
import io.eksnet.model.Namespace;
import io.eksnet.model.Service;
import io.eksnet.model.Tree;
import io.eksnet.model.Workload;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Cluster-wide relations: the scan inventory and kube-proxy's configured mode. */
final class ClusterRelations {

  private ClusterRelations() {}

  /** The top-level {@code mode:} line of a KubeProxyConfiguration. */
  private static final java.util.regex.Pattern KUBE_PROXY_MODE =
      java.util.regex.Pattern.compile("^mode:\\s*[\"']?([A-Za-z]*)[\"']?\\s*(#.*)?$");

  static ScanInventory inventory(
      List<Workload> workloads, List<Service> services, Map<String, Namespace> namespaces) {
    Map<String, Integer> w = new HashMap<>();
    Workload nodeLocal = null;
    for (Workload x : workloads) {
      w.merge(x.getNamespace(), 1, Integer::sum);
      if (x.isDaemonSet()
          && ("node-local-dns".equals(x.getName())
              || "node-local-dns".equals(x.getPodLabels().get("k8s-app"))
              || x.getContainers().stream()
                  .anyMatch(c -> c.image() != null && c.image().contains("/k8s-dns-node-cache")))) {
        nodeLocal = x;
      }
    }
    Map<String, Integer> s = new HashMap<>();
    for (Service x : services) {
      s.merge(x.getNamespace(), 1, Integer::sum);
    }
    return new ScanInventory(w, s, namespaces, nodeLocal);
  }

  static void kubeProxy(List<ConfigMap> configMaps, List<Object> out) {
    for (ConfigMap cm : configMaps) {
      if (!"kube-system".equals(cm.getNamespace())
          || !("kube-proxy-config".equals(cm.getName()) || "kube-proxy".equals(cm.getName()))) {
        continue;
      }
      String key =
          cm.getData().containsKey("config")
              ? "config"
              : cm.getData().containsKey("config.conf") ? "config.conf" : null;
      if (key == null) {
        continue;
      }
      String text = cm.getData().get(key);
      String mode = "";
      int offset = -1;
      String[] lines = text.split("\n", -1);
      for (int i = 0; i < lines.length; i++) {
        java.util.regex.Matcher m = KUBE_PROXY_MODE.matcher(lines[i]);
        if (m.matches()) {
          mode = m.group(1);
          offset = i;
          break;
        }
      }
      Location keyLoc = cm.at("data", key);
      Tree.Entry e = ((Tree.TMap) Tree.path(cm.getRoot(), "data")).entry(key);
      boolean block = e.value().line() == e.line() && e.value() instanceof Tree.TScalar;
      Location modeLoc =
          offset >= 0 && block
              ? new Location(
                  keyLoc.file(), e.line() + 1 + offset, 1, keyLoc.object(), "data." + key + ".mode")
              : keyLoc;
      out.add(
          new KubeProxyConfig(
              cm, mode.isEmpty() ? "iptables" : mode.toLowerCase(Locale.ROOT), modeLoc));
    }
  }
}
