package io.eksnet.model;

import java.util.Map;

/** A ConfigMap; only its string data is kept. */
public final class ConfigMap extends K8sObject {

  private final Map<String, String> data;

  public ConfigMap(String file, Tree.TMap root, String defaultNamespace, Map<String, String> data) {
    super(file, root, defaultNamespace);
    this.data = Map.copyOf(data);
  }

  public Map<String, String> getData() {
    return data;
  }
}
