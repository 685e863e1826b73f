package io.eksnet.relate.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.model.AutoModeNodeClass;
import io.eksnet.model.ConfigMap;
import io.eksnet.model.EksCluster;
import io.eksnet.model.IngressClass;
import io.eksnet.model.IngressClassParams;
import io.eksnet.model.KarpenterNodePool;
import io.eksnet.model.Service;
import io.eksnet.model.Tree;
import io.eksnet.source.Loader;
import io.eksnet.source.SourceFile;
import io.eksnet.source.TerraformLoader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** EKS Auto Mode: its objects are read, and its evidence and network policy switch are told. */
class AutoModeTest {

  @TempDir Path dir;

  private List<Object> load(String name, String content) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, content, StandardCharsets.UTF_8);
    Loader.Loaded l = new Loader().load(new SourceFile(f, name));
    assertTrue(l.problems().isEmpty(), l.problems().toString());
    List<Object> facts = new ArrayList<>(l.facts());
    for (Tree t : l.terraform()) {
      facts.addAll(TerraformLoader.facts(name, (Tree.TMap) t, new ArrayList<>()));
    }
    return facts;
  }

  private static <T> List<T> all(List<Object> facts, Class<T> type) {
    return facts.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static List<EksAutoMode> evidence(List<Object> f) {
    List<Object> out = new ArrayList<>();
    ClusterFacts.autoMode(
        all(f, EksCluster.class),
        Set.of(),
        all(f, KarpenterNodePool.class),
        all(f, AutoModeNodeClass.class),
        all(f, IngressClass.class),
        all(f, IngressClassParams.class),
        all(f, Service.class),
        out);
    return all(out, EksAutoMode.class);
  }

  @Test
  void autoModeObjectsAreReadAndEachIsEvidence() throws IOException {
    List<Object> f =
        load(
            "auto.yaml",
            """
            apiVersion: eks.amazonaws.com/v1
            kind: NodeClass
            metadata: {name: private}
            spec:
              networkPolicy: DefaultDeny
              snatPolicy: Disabled
              podSubnetSelectorTerms:
                - tags: {kubernetes.io/role/pod: "1"}
            ---
            apiVersion: karpenter.sh/v1
            kind: NodePool
            metadata: {name: general}
            spec:
              template:
                spec:
                  nodeClassRef: {group: eks.amazonaws.com, kind: NodeClass, name: private}
            ---
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata: {name: alb}
            spec:
              controller: eks.amazonaws.com/alb
              parameters: {apiGroup: eks.amazonaws.com, kind: IngressClassParams, name: alb}
            ---
            apiVersion: eks.amazonaws.com/v1
            kind: IngressClassParams
            metadata: {name: alb}
            spec: {scheme: internet-facing}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api, namespace: shop}
            spec:
              type: LoadBalancer
              loadBalancerClass: eks.amazonaws.com/nlb
              ports: [{port: 443}]
            """);
    AutoModeNodeClass nc = all(f, AutoModeNodeClass.class).get(0);
    assertEquals("DefaultDeny", nc.getNetworkPolicy());
    assertEquals("Disabled", nc.getSnatPolicy());
    assertEquals(1, nc.getPodSubnetTerms().size());
    KarpenterNodePool pool = all(f, KarpenterNodePool.class).get(0);
    assertTrue(pool.isAutoModeNodeClassRef());
    assertFalse(pool.isEc2NodeClassRef());
    IngressClass ic = all(f, IngressClass.class).get(0);
    assertTrue(ic.isAlb() && ic.isAutoMode() && ic.referencesIngressClassParams());
    assertTrue(all(f, IngressClassParams.class).get(0).isAutoMode());
    Service s = all(f, Service.class).get(0);
    assertTrue(s.isAutoModeNlb() && s.isControllerNlb());
    assertFalse(s.isLbcNlb());
    assertEquals("ip", s.getLoadBalancerTargetType()); // Auto Mode's default
    assertEquals(
        List.of(
            "NodePool general names an eks.amazonaws.com NodeClass",
            "NodeClass private is eks.amazonaws.com/v1",
            "IngressClass alb has controller eks.amazonaws.com/alb",
            "IngressClassParams alb is eks.amazonaws.com/v1",
            "Service shop/api has loadBalancerClass eks.amazonaws.com/nlb"),
        evidence(f).stream().map(EksAutoMode::evidence).toList());
  }

  @Test
  void controllerObjectsAreNotAutoModeAndAutoModeClassesReadOnlyTheirOwnParams()
      throws IOException {
    List<Object> f =
        load(
            "lbc.yaml",
            """
            apiVersion: networking.k8s.io/v1
            kind: IngressClass
            metadata: {name: mixed}
            spec:
              controller: eks.amazonaws.com/alb
              parameters: {apiGroup: elbv2.k8s.aws, kind: IngressClassParams, name: p}
            ---
            apiVersion: v1
            kind: Service
            metadata: {name: api, namespace: shop}
            spec:
              type: LoadBalancer
              loadBalancerClass: service.k8s.aws/nlb
              ports: [{port: 443}]
            ---
            apiVersion: karpenter.sh/v1
            kind: NodePool
            metadata: {name: karpenter}
            spec:
              template:
                spec:
                  nodeClassRef: {group: karpenter.k8s.aws, kind: EC2NodeClass, name: default}
            """);
    // an Auto Mode class does not accept the controller's params group
    assertFalse(all(f, IngressClass.class).get(0).referencesIngressClassParams());
    Service s = all(f, Service.class).get(0);
    assertTrue(s.isLbcNlb());
    assertFalse(s.isAutoModeNlb());
    assertEquals("instance", s.getLoadBalancerTargetType()); // the controller's default
    assertEquals(
        List.of("IngressClass mixed has controller eks.amazonaws.com/alb"),
        evidence(f).stream().map(EksAutoMode::evidence).toList());
  }

  @Test
  void eksctlAutoModeConfigAndTerraformComputeConfigMakeAnAutoModeCluster() throws IOException {
    List<Object> eksctl =
        load(
            "cluster.yaml",
            """
            apiVersion: eksctl.io/v1alpha5
            kind: ClusterConfig
            metadata: {name: demo, region: eu-west-1}
            autoModeConfig:
              enabled: true
            """);
    EksCluster c = all(eksctl, EksCluster.class).get(0);
    assertTrue(c.isAutoMode());
    assertEquals(1, evidence(eksctl).size());
    List<Object> plain =
        load(
            "plain.yaml",
            """
            apiVersion: eksctl.io/v1alpha5
            kind: ClusterConfig
            metadata: {name: demo, region: eu-west-1}
            """);
    assertFalse(all(plain, EksCluster.class).get(0).isAutoMode());
    assertTrue(evidence(plain).isEmpty());
  }

  @Test
  void inAutoModeOnlyTheAmazonVpcCniConfigMapTurnsNetworkPoliciesOn() throws IOException {
    EksAutoMode auto = new EksAutoMode("NodeClass x is eks.amazonaws.com/v1", null);
    List<Object> off =
        load(
            "cm.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: amazon-vpc-cni, namespace: kube-system}
            data:
              enable-network-policy-controller: "false"
            """);
    VpcCniNetworkPolicy p = ClusterFacts.autoModeNetworkPolicy(all(off, ConfigMap.class), auto);
    assertNotNull(p);
    assertFalse(p.enabled());
    assertTrue(p.autoMode());
    List<Object> on =
        load(
            "cm-on.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: amazon-vpc-cni, namespace: kube-system}
            data:
              enable-network-policy-controller: "true"
            """);
    assertTrue(ClusterFacts.autoModeNetworkPolicy(all(on, ConfigMap.class), auto).enabled());
    // without the ConfigMap (another namespace's does not count) the scan cannot tell
    List<Object> elsewhere =
        load(
            "cm-other.yaml",
            """
            apiVersion: v1
            kind: ConfigMap
            metadata: {name: amazon-vpc-cni, namespace: default}
            data:
              enable-network-policy-controller: "false"
            """);
    assertNull(ClusterFacts.autoModeNetworkPolicy(all(elsewhere, ConfigMap.class), auto));
  }
}
