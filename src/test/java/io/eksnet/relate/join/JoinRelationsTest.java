package io.eksnet.relate.join;

import static io.eksnet.TerraformJson.resource;
import static io.eksnet.TerraformJson.state;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.eksnet.model.EksAddon;
import io.eksnet.model.Tree;
import io.eksnet.model.Workload;
import io.eksnet.relate.Relations;
import io.eksnet.relate.terraform.CniConfig;
import io.eksnet.source.Loader;
import io.eksnet.source.SourceFile;
import io.eksnet.source.TerraformLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JoinRelationsTest {

  @TempDir Path dir;

  private List<Object> load(String name, String text) throws IOException {
    Path f = dir.resolve(name);
    Files.writeString(f, text);
    Loader.Loaded l = new Loader().load(new SourceFile(f, name));
    List<Object> facts = new ArrayList<>(l.facts());
    for (Tree t : l.terraform()) {
      facts.addAll(TerraformLoader.facts(name, (Tree.TMap) t, new ArrayList<>()));
    }
    return facts;
  }

  private static <T> List<T> all(List<Object> facts, Class<T> type) {
    return facts.stream().filter(type::isInstance).map(type::cast).toList();
  }

  private static final String AWS_NODE =
      """
      apiVersion: apps/v1
      kind: DaemonSet
      metadata: {name: aws-node, namespace: kube-system}
      spec:
        template:
          spec:
            containers:
              - name: aws-node
                env:
                  - {name: WARM_IP_TARGET, value: "10"}
                  - {name: AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG, value: "true"}
      """;

  private static String addon(String resolve) {
    return resource(
        "aws_eks_addon.cni",
        "{\"cluster_name\": \"demo\", \"addon_name\": \"vpc-cni\", "
            + "\"configuration_values\": \"{\\\"env\\\":{\\\"WARM_IP_TARGET\\\":\\\"5\\\"}}\""
            + (resolve == null ? "" : ", \"resolve_conflicts_on_update\": \"" + resolve + "\"")
            + "}");
  }

  @Test
  void theAddOnValueAppliesUnlessPreserveKeepsTheDaemonSetEdit() throws IOException {
    Workload ds = all(load("ds.yaml", AWS_NODE), Workload.class).get(0);
    EksAddon overwrite = all(load("a.json", state(addon("OVERWRITE"))), EksAddon.class).get(0);
    EksAddon preserve = all(load("b.json", state(addon("preserve"))), EksAddon.class).get(0);
    assertEquals("5", new CniConfig(overwrite, ds).value("WARM_IP_TARGET"));
    assertEquals("10", new CniConfig(preserve, ds).value("WARM_IP_TARGET"));
    assertEquals("10", new CniConfig(null, ds).value("WARM_IP_TARGET"));
    assertNull(new CniConfig(overwrite, null).value("ENABLE_POD_ENI"));
    // a variable only the DaemonSet sets, and custom networking on either side
    assertTrue(new CniConfig(overwrite, ds).isCustomNetworking());
    assertFalse(new CniConfig(overwrite, null).isCustomNetworking());
    assertTrue(
        new CniConfig(overwrite, ds)
            .describeSetting("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG")
            .endsWith("in the DaemonSet kube-system/aws-node env"));
  }

  @Test
  void theConflictOutcomeFollowsResolveConflictsOnUpdate() throws IOException {
    Workload ds = all(load("ds.yaml", AWS_NODE), Workload.class).get(0);
    for (String[] c :
        new String[][] {
          {"OVERWRITE", "the add-on wins"},
          {"PRESERVE", "the DaemonSet wins"},
          {null, "resolve_conflicts_on_update unset neither wins for sure"}
        }) {
      EksAddon a = all(load("a.json", state(addon(c[0]))), EksAddon.class).get(0);
      String outcome =
          new CniSettingBothSides(a, ds, "WARM_IP_TARGET", "5", "10").describeOutcome();
      assertTrue(outcome.contains(c[1]), outcome);
    }
  }

  @Test
  void manifestsAreJoinedOnlyWithTheTerraformOfOneCluster() throws IOException {
    String eni =
        """
        apiVersion: crd.k8s.amazonaws.com/v1alpha1
        kind: ENIConfig
        metadata: {name: pods-b}
        spec: {subnet: subnet-0b0000b1}
        ---
        apiVersion: crd.k8s.amazonaws.com/v1alpha1
        kind: ENIConfig
        metadata: {name: pods-c}
        spec: {subnet: subnet-0b0000ff}
        """;
    String subnet =
        resource(
            "aws_subnet.pods_b",
            "{\"id\": \"subnet-0b0000b1\", \"cidr_block\": \"100.64.32.0/19\", "
                + "\"availability_zone\": \"eu-west-1b\"}");
    String one = resource("aws_eks_node_group.a", "{\"cluster_name\": \"one\"}");
    String two = resource("aws_eks_node_group.b", "{\"cluster_name\": \"two\"}");
    List<Object> facts = new ArrayList<>(load("e.yaml", eni));
    facts.addAll(load("ds.yaml", AWS_NODE));
    facts.addAll(load("s.json", state(subnet, one)));
    assertEquals(1, all(Relations.compute(facts), EniConfigSubnet.class).size());
    assertEquals(1, all(Relations.compute(facts), CniConfig.class).size());
    facts = new ArrayList<>(load("e.yaml", eni));
    facts.addAll(load("ds.yaml", AWS_NODE));
    facts.addAll(load("s.json", state(subnet, one, two)));
    List<Object> r = Relations.compute(facts);
    // the subnet lookup needs no cluster; what needs one (joining the add-on to the DaemonSet)
    // stays out: the CNI view holds the DaemonSet alone
    assertEquals(1, all(r, EniConfigSubnet.class).size());
    assertTrue(all(r, CniConfig.class).stream().allMatch(c -> c.getAddon() == null));
    assertTrue(all(Relations.compute(load("e2.yaml", eni)), EniConfigSubnet.class).isEmpty());
  }

  @Test
  void vpcsDifferOnlyWhenThatIsCertain() {
    assertTrue(JoinIndex.differentVpc("id:vpc-1", "id:vpc-2"));
    assertFalse(JoinIndex.differentVpc("id:vpc-1", "id:vpc-1"));
    assertTrue(JoinIndex.differentVpc("a.json\u0000aws_vpc.a", "a.json\u0000aws_vpc.b"));
    assertFalse(JoinIndex.differentVpc("a.json\u0000aws_vpc.a", "b.json\u0000aws_vpc.a"));
    assertFalse(JoinIndex.differentVpc("a.json\u0000aws_vpc.a", "id:vpc-1"));
    assertFalse(JoinIndex.differentVpc(null, "id:vpc-1"));
  }

  @Test
  void settingsCompareTrimmedAndBooleansWithoutCase() {
    assertTrue(CniSettingBothSides.same(" True", "true"));
    assertFalse(CniSettingBothSides.same("true", "false"));
    assertFalse(CniSettingBothSides.same("Standard", "standard"));
    assertTrue(CniSettingBothSides.same("5 ", "5"));
  }

  private static DatabaseRelations.RdsHost instance(String id) {
    return new DatabaseRelations.RdsHost(false, id);
  }

  private static DatabaseRelations.RdsHost cluster(String id) {
    return new DatabaseRelations.RdsHost(true, id);
  }

  @Test
  void rdsEndpointsAreFoundInUrlsAndHostNames() {
    assertEquals(
        List.of(instance("orders")),
        DatabaseRelations.rdsHosts(
            "postgres://u@orders.c1a2b3.eu-west-1.rds.amazonaws.com:5432/db"));
    assertEquals(
        List.of(instance("orders-db")),
        DatabaseRelations.rdsHosts("Orders-DB.c1a2b3.eu-west-1.rds.amazonaws.com"));
    assertEquals(List.of(), DatabaseRelations.rdsHosts("orders.example.com"));
    assertEquals(
        List.of(instance("a"), instance("b")),
        DatabaseRelations.rdsHosts(
            "a.x1.us-east-1.rds.amazonaws.com,b.x1.us-east-1.rds.amazonaws.com"));
  }

  @Test
  void auroraClusterAndReaderEndpointsNameTheCluster() {
    assertEquals(
        List.of(cluster("orders")),
        DatabaseRelations.rdsHosts(
            "jdbc:postgresql://orders.cluster-c1a2b3.eu-west-1.rds.amazonaws.com:5432/orders,"
                + "orders.cluster-ro-c1a2b3.eu-west-1.rds.amazonaws.com"));
    assertEquals(
        List.of(instance("orders-1"), cluster("orders")),
        DatabaseRelations.rdsHosts(
            "orders-1.c1a2b3.eu-west-1.rds.amazonaws.com orders.cluster-c1a2b3.eu-west-1.rds.amazonaws.com"));
    // custom endpoints and RDS Proxy name no database by its identifier
    assertEquals(
        List.of(),
        DatabaseRelations.rdsHosts(
            "reporting.cluster-custom-c1a2b3.eu-west-1.rds.amazonaws.com "
                + "orders.proxy-c1a2b3.eu-west-1.rds.amazonaws.com"));
  }

  private List<Object> loadFixture(String dir) throws IOException {
    List<Object> facts = new ArrayList<>();
    try (var files = Files.list(Path.of("fixtures", dir))) {
      for (Path f : files.sorted().toList()) {
        facts.addAll(load(f.getFileName().toString(), Files.readString(f)));
      }
    }
    return facts;
  }

  /** The egress facts whose sending side blocks the traffic. */
  private static List<SecurityGroupEgress> blocked(List<Object> facts) {
    return all(facts, SecurityGroupEgress.class).stream()
        .filter(g -> g.getEgress() == SecurityGroupEgress.Egress.BLOCKED)
        .toList();
  }

  /** The access facts whose database refuses the pods' sources. */
  private static List<DatabaseAccess> refused(List<Object> facts) {
    return all(facts, DatabaseAccess.class).stream()
        .filter(a -> a.getAdmits() == DatabaseAccess.Admits.NONE)
        .toList();
  }

  @Test
  void eachBackendOfALoadBalancerGivesItsEgressAndTheBlockedOnesNameTheGroup() throws IOException {
    List<Object> r = Relations.compute(loadFixture("EKS-SG-003/positive-lb-groups-without-egress"));
    List<SecurityGroupEgress> gaps = blocked(r).stream().filter(g -> g.getOrder() == 0).toList();
    assertEquals(
        List.of(
            "Ingress shop/web aws_security_group.alb",
            "Service shop/tcp-echo aws_security_group.nlb",
            "Service shop/legacy aws_default_security_group.default"),
        gaps.stream().map(g -> g.getSender() + " " + g.getGroup()).toList());
    assertTrue(gaps.get(1).getEgressRules().endsWith("lets out only TCP 443 to 0.0.0.0/0"));
    // the targets admit every load balancer: the ingress side has nothing to say
    assertFalse(all(r, LbBackendAccess.class).isEmpty());
    assertTrue(
        all(r, LbBackendAccess.class).stream()
            .noneMatch(a -> a.getAdmission() == LbBackendAccess.Admission.REFUSED));
    for (String negative :
        List.of(
            "negative-egress-rules",
            "negative-groups-outside-the-scan",
            "negative-unknown-egress")) {
      List<Object> n = Relations.compute(loadFixture("EKS-SG-003/" + negative));
      assertFalse(all(n, SecurityGroupEgress.class).isEmpty(), negative);
      assertTrue(blocked(n).isEmpty(), negative);
      assertTrue(
          all(n, SecurityGroupEgress.class).stream()
              .allMatch(g -> g.getGroup() == null && g.getEgressRules() == null),
          negative);
    }
    assertTrue(
        all(
                Relations.compute(loadFixture("EKS-SG-003/negative-unknown-egress")),
                SecurityGroupEgress.class)
            .stream()
            .anyMatch(g -> g.getEgress() == SecurityGroupEgress.Egress.UNKNOWN));
  }

  @Test
  void podsWhoseGroupsLetNothingOutToTheDatabaseGiveOneFactPerSendingGroup() throws IOException {
    List<Object> r = Relations.compute(loadFixture("EKS-SG-003/positive-new-node-group-to-aurora"));
    List<SecurityGroupEgress> gaps = blocked(r);
    assertEquals(1, gaps.size());
    assertEquals("aws_security_group.node", gaps.get(0).getGroup());
    assertEquals(
        "Deployment shop/orders (env DB_HOST), ConfigMap shop/orders-reports (REPORTS_DB)",
        gaps.get(0).getSender());
    assertTrue(refused(r).isEmpty()); // the cluster admits the VPC
    assertEquals(
        List.of(
            "Deployment shop/orders (env DB_HOST) 0",
            "ConfigMap shop/orders-reports (REPORTS_DB) 1"),
        all(r, DatabaseClient.class).stream().map(c -> c.describe() + " " + c.getOrder()).toList());
    // two ENIConfigs with the same group: one fact, naming both
    Path d = Path.of("fixtures", "EKS-SG-002", "positive-custom-networking");
    String plan = Files.readString(d.resolve("plan.json"));
    int pods = plan.indexOf("\"address\": \"aws_security_group.pods\"");
    String noEgress =
        plan.substring(0, pods)
            + plan.substring(pods)
                .replaceFirst("(?s)\"egress\": \\[.*?\"all out\"\\s*}\\s*]", "\"egress\": []");
    List<Object> facts = new ArrayList<>(load("plan.json", noEgress));
    facts.addAll(load("app.yaml", Files.readString(d.resolve("app.yaml"))));
    gaps = blocked(Relations.compute(facts));
    assertEquals(1, gaps.size());
    assertEquals("aws_security_group.pods", gaps.get(0).getGroup());
    assertTrue(gaps.get(0).getSourceGroups().contains("ENIConfig eu-west-1a"));
    assertTrue(gaps.get(0).getSourceGroups().contains("ENIConfig eu-west-1b"));
  }

  @Test
  void anAuroraClusterNamedByItsEndpointsAndItsInstancesGivesOneRefusal() throws IOException {
    List<Object> facts = loadFixture("EKS-SG-002/positive-aurora-module");
    assertTrue(blocked(Relations.compute(facts)).isEmpty());
    List<DatabaseAccess> gaps = refused(Relations.compute(facts));
    assertEquals(1, gaps.size());
    assertEquals("module.aurora.aws_rds_cluster.this[0]", gaps.get(0).getDatabase().getAddress());
    assertEquals(5432, gaps.get(0).getPort()); // aurora-postgresql, port unknown until apply
    assertEquals(
        "Deployment shop/orders (env DB_HOST), Deployment shop/orders (env DB_READ_HOST), "
            + "ConfigMap shop/orders-reports (REPORTS_DB)",
        gaps.get(0).getClients());
    List<Object> admitted = Relations.compute(loadFixture("EKS-SG-002/negative-aurora-admitted"));
    assertTrue(refused(admitted).isEmpty());
    assertTrue(
        all(admitted, DatabaseAccess.class).stream()
            .anyMatch(a -> a.getAdmits() == DatabaseAccess.Admits.ALL));
  }

  @Test
  void engineDefaultPorts() {
    assertEquals(5432, DatabaseRelations.defaultPort("aurora-postgresql"));
    assertEquals(3306, DatabaseRelations.defaultPort("mariadb"));
    assertEquals(1433, DatabaseRelations.defaultPort("sqlserver-ex"));
    assertEquals(1521, DatabaseRelations.defaultPort("oracle-se2"));
    assertNull(DatabaseRelations.defaultPort("neptune"));
  }

  @Test
  void availabilityZoneNames() {
    assertTrue(EniConfigRelations.AZ_NAME.matcher("eu-west-1a").matches());
    assertTrue(EniConfigRelations.AZ_NAME.matcher("us-gov-west-1b").matches());
    assertTrue(EniConfigRelations.AZ_NAME.matcher("ap-southeast-2c").matches());
    assertFalse(EniConfigRelations.AZ_NAME.matcher("use1-az1").matches());
    assertFalse(EniConfigRelations.AZ_NAME.matcher("pod-netconfig").matches());
  }
}
