package io.eksnet.relate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.eksnet.model.NetworkPluginObject;
import org.junit.jupiter.api.Test;

class ClusterFactsTest {

  @Test
  void chartReferencesNameTheirEngineWhateverTheirForm() {
    assertEquals("Cilium", ClusterFacts.engineOfChart("cilium"));
    assertEquals("Cilium", ClusterFacts.engineOfChart("cilium/cilium"));
    assertEquals("Calico", ClusterFacts.engineOfChart("projectcalico/tigera-operator"));
    assertEquals(
        "Calico",
        ClusterFacts.engineOfChart("https://example.com/charts/tigera-operator-v3.28.0.tgz"));
    assertEquals("Antrea", ClusterFacts.engineOfChart("./charts/antrea/"));
  }

  @Test
  void chartsThatOnlyContainAnEngineNameAreNotEngines() {
    assertNull(ClusterFacts.engineOfChart("aws-load-balancer-controller"));
    assertNull(ClusterFacts.engineOfChart("cilium-cli-installer-docs/other"));
    assertNull(ClusterFacts.engineOfChart("hubble-ui"));
    assertNull(ClusterFacts.engineOfChart(null));
    assertNull(ClusterFacts.engineOfChart(" "));
  }

  @Test
  void pluginApiGroupsAreRecognisedAndOthersAreNot() {
    assertEquals("Calico", NetworkPluginObject.pluginOfGroup("crd.projectcalico.org"));
    assertEquals("Calico", NetworkPluginObject.pluginOfGroup("projectcalico.org"));
    assertEquals("Calico", NetworkPluginObject.pluginOfGroup("operator.tigera.io"));
    assertEquals("Cilium", NetworkPluginObject.pluginOfGroup("cilium.io"));
    assertEquals("Antrea", NetworkPluginObject.pluginOfGroup("crd.antrea.io"));
    assertNull(NetworkPluginObject.pluginOfGroup("networking.k8s.io"));
    assertNull(NetworkPluginObject.pluginOfGroup("notcilium.io"));
    assertNull(NetworkPluginObject.pluginOfGroup(null));
  }
}
