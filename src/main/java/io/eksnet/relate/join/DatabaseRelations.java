package io.eksnet.relate.join;

import io.eksnet.model.ConfigMap;
import io.eksnet.model.Container;
import io.eksnet.model.Database;
import io.eksnet.model.DbCluster;
import io.eksnet.model.DbClusterInstance;
import io.eksnet.model.DbSubnetGroup;
import io.eksnet.model.K8sObject;
import io.eksnet.model.Location;
import io.eksnet.model.Service;
import io.eksnet.model.Subnet;
import io.eksnet.model.TerraformResource;
import io.eksnet.model.TfRefs;
import io.eksnet.model.Tree;
import io.eksnet.model.Workload;
import io.eksnet.net.Cidr;
import io.eksnet.relate.terraform.CniConfig;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pods against RDS: where the manifests name an RDS endpoint (a container's env, a ConfigMap value,
 * an ExternalName Service), whether the database's security groups admit the pods that connect, as
 * {@link NetworkIdentities} describes them, on the database port ({@link DbAccessGap}: EKS-SG-002).
 * A database is an {@code aws_db_instance} (named by its instance endpoint) or an {@code
 * aws_rds_cluster} (named by its cluster or reader endpoint, or by the instance endpoint of one of
 * its {@code aws_rds_cluster_instance}s, which all count as the cluster). Databases in another VPC
 * than the cluster's are left out. The same uses are checked on the sending side: whether the
 * groups the pods' traffic leaves with let it out to the database ({@link SourceEgressGap}:
 * EKS-SG-003).
 */
final class DatabaseRelations {

  /**
   * {@code <instance>.<hash>.<region>.rds.amazonaws.com}, {@code
   * <cluster>.cluster-<hash>.<region>...} and the reader endpoint {@code
   * <cluster>.cluster-ro-<hash>...}. Custom cluster endpoints ({@code cluster-custom-}) and RDS
   * Proxy endpoints ({@code proxy-}) name no database by its identifier and do not match.
   */
  private static final Pattern RDS_HOST =
      Pattern.compile(
          "(?<![a-z0-9-])([a-z][a-z0-9-]{0,62})\\.(cluster-(?:ro-)?)?[a-z0-9]+\\.[a-z0-9-]+\\.rds\\.amazonaws\\.com");

  /**
   * An RDS endpoint host: the identifier of a cluster (cluster and reader endpoints) or of an
   * instance (instance endpoints, also those of Aurora cluster instances).
   */
  record RdsHost(boolean cluster, String identifier) {
    /** The key uses are collected under. */
    String key() {
      return (cluster ? "cluster:" : "instance:") + identifier;
    }
  }

  /** Where the manifests name a database host: the object, the line, and the workload if known. */
  private record DbUse(K8sObject object, Location location, Workload workload, String what) {}

  private DatabaseRelations() {}

  static void compute(JoinIndex j, NetworkIdentities ids, List<Object> out) {
    if (j.databases.isEmpty() || j.nodeGroups.isEmpty()) {
      return;
    }
    Map<String, List<DbUse>> uses = new HashMap<>();
    for (Workload w : j.workloads) {
      for (Container c : w.getContainers()) {
        for (Map.Entry<String, String> e : c.env().entrySet()) {
          for (RdsHost h : rdsHosts(e.getValue())) {
            uses.computeIfAbsent(h.key(), k -> new ArrayList<>())
                .add(
                    new DbUse(
                        w,
                        w.envAt(e.getKey()),
                        w,
                        w.getDisplayName() + " (env " + e.getKey() + ")"));
          }
        }
      }
    }
    for (ConfigMap cm : j.configMaps) {
      for (Map.Entry<String, String> e : new TreeMap<>(cm.getData()).entrySet()) {
        for (RdsHost h : rdsHosts(e.getValue())) {
          uses.computeIfAbsent(h.key(), k -> new ArrayList<>())
              .add(
                  new DbUse(
                      cm,
                      cm.at("data", e.getKey()),
                      null,
                      cm.getDisplayName() + " (" + e.getKey() + ")"));
        }
      }
    }
    for (Service s : j.services) {
      String ext = Tree.text(Tree.path(s.getRoot(), "spec", "externalName"));
      if ("ExternalName".equals(s.getType()) && ext != null) {
        for (RdsHost h : rdsHosts(ext)) {
          uses.computeIfAbsent(h.key(), k -> new ArrayList<>())
              .add(
                  new DbUse(
                      s,
                      s.at("spec", "externalName"),
                      null,
                      s.getDisplayName() + " (externalName)"));
        }
      }
    }
    Map<String, List<DbClusterInstance>> instancesByCluster = new HashMap<>();
    for (DbClusterInstance i : j.clusterInstances) {
      String c = i.getCluster().single();
      if (c != null) {
        instancesByCluster
            .computeIfAbsent(TerraformResource.key(i.getFile(), c), k -> new ArrayList<>())
            .add(i);
      }
    }
    for (Database db : j.databases) {
      List<DbUse> u = usesOf(db, uses, instancesByCluster.getOrDefault(db.getKey(), List.of()));
      Integer port = db.getPort() != null ? db.getPort() : defaultPort(db.getEngine());
      TfRefs groups = db.getSecurityGroups();
      if (port == null
          || groups.isEmpty()
          || groups.unresolved()
          || JoinIndex.differentVpc(dbVpc(j, db), j.vpcKey())) {
        continue;
      }
      List<String> targets = j.sgs.keys(db.resource(), groups);
      if (u == null) {
        DbAccessGap g = nodeRangesOnly(j, ids, db, targets, port);
        if (g != null) {
          out.add(g);
        }
        continue;
      }
      SgIndex.Source peer = new SgIndex.Source(Set.copyOf(targets), true, dbRanges(j, db));
      Map<String, List<DbUse>> bySources = new LinkedHashMap<>();
      Map<String, String> hints = new HashMap<>();
      Map<String, Blocked> byEgressGroup = new LinkedHashMap<>();
      for (DbUse use : u) {
        // a ConfigMap or ExternalName Service in a namespace with policies: which pods connect is
        // unknown
        List<NetworkIdentities.Identity> pods =
            ids.pods(use.workload(), use.object().getNamespace());
        if (blockedOut(j, pods, peer, port)) {
          for (NetworkIdentities.Identity i : pods) {
            String fix = firstInScan(j, i);
            Blocked b = byEgressGroup.computeIfAbsent(fix, k -> new Blocked());
            b.uses.putIfAbsent(use.location(), use);
            b.identities.add(i);
          }
        }
        if (ids.admitsAll(targets, pods, port, port) != SgIndex.Verdict.NO) {
          continue;
        }
        List<String> d = new ArrayList<>();
        pods.forEach(i -> d.add(i.description()));
        String sources = String.join("; ", d);
        bySources.computeIfAbsent(sources, k -> new ArrayList<>()).add(use);
        if (!pods.get(0).nodes()
            && ids.admitsAll(targets, ids.nodes(), port, port) == SgIndex.Verdict.YES) {
          hints.put(
              sources,
              " They admit the node security groups or subnets, but "
                  + (pods.get(0).description().startsWith("ENIConfig")
                      ? "with custom networking pods connect from their ENIConfig subnets and security groups."
                      : "pods with a SecurityGroupPolicy connect with the policy's security groups on a branch ENI."));
        }
      }
      List<String> dbGroups = new ArrayList<>();
      targets.forEach(t -> dbGroups.add(j.sgs.describe(t)));
      TerraformResource first = j.sgs.group(targets.get(0));
      for (Map.Entry<String, List<DbUse>> e : bySources.entrySet()) {
        out.add(
            new DbAccessGap(
                db,
                first,
                String.join(", ", dbGroups),
                port,
                clients(e.getValue()),
                e.getValue().get(0).location(),
                e.getKey(),
                hints.getOrDefault(e.getKey(), "")));
      }
      String allow =
          NetworkIdentities.describeDestination(
              j, new LinkedHashSet<>(targets), peer.cidrs(), "the database's", "its");
      for (Map.Entry<String, Blocked> e : byEgressGroup.entrySet()) {
        Set<String> sending = new LinkedHashSet<>();
        List<String> sources = new ArrayList<>();
        for (NetworkIdentities.Identity i : e.getValue().identities) {
          sources.add(i.description());
          sending.addAll(i.groups());
        }
        out.add(
            SourceEgressGap.database(
                clients(new ArrayList<>(e.getValue().uses.values())),
                String.join("; ", sources),
                db.getAddress(),
                "TCP " + port,
                j.sgs.describeEgress(sending),
                j.sgs.group(e.getKey()),
                allow,
                db.getLocation()));
      }
    }
  }

  /**
   * A database no manifest names whose groups admit the node subnets' CIDRs on its port but none of
   * the pods' sources while custom networking is on: the rule was written for the cluster's
   * workloads before their addresses moved to the ENIConfig subnets. Null otherwise, and where the
   * pods' sources cannot be told (SecurityGroupPolicies in the scan, an ENIConfig subnet outside
   * it).
   */
  private static DbAccessGap nodeRangesOnly(
      JoinIndex j, NetworkIdentities ids, Database db, List<String> targets, int port) {
    CniConfig cni = j.cni();
    if (cni == null
        || !cni.isKnown()
        || !cni.isCustomNetworking()
        || !j.policies.isEmpty()
        || (j.cluster() != null && j.cluster().isIpv6())) {
      return null;
    }
    List<NetworkIdentities.Identity> pods = ids.eniConfigPods();
    if (pods.isEmpty()
        || pods.stream().anyMatch(i -> i.cidrs().isEmpty())
        || ids.admitsAll(targets, pods, port, port) != SgIndex.Verdict.NO) {
      return null;
    }
    Set<String> admitted = new LinkedHashSet<>();
    for (NetworkIdentities.Identity n : ids.nodes()) {
      SgIndex.Source ranges = new SgIndex.Source(Set.of(), true, n.cidrs());
      if (!n.cidrs().isEmpty()
          && j.sgs.admitsAny(targets, ranges, port, port) == SgIndex.Verdict.YES) {
        n.cidrs().forEach(c -> admitted.add(c.toString()));
      }
    }
    if (admitted.isEmpty()) {
      return null;
    }
    List<String> dbGroups = new ArrayList<>();
    targets.forEach(t -> dbGroups.add(j.sgs.describe(t)));
    List<String> d = new ArrayList<>();
    pods.forEach(i -> d.add(i.description()));
    return DbAccessGap.nodeRangesOnly(
        db,
        j.sgs.group(targets.get(0)),
        String.join(", ", dbGroups),
        port,
        String.join(", ", admitted),
        String.join("; ", d),
        cni.describeSetting("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG"),
        cni.settingLocation("AWS_VPC_K8S_CNI_CUSTOM_NETWORK_CFG"));
  }

  /** Uses whose traffic one sending group blocks, and the identities it leaves with. */
  private static final class Blocked {
    final Map<Location, DbUse> uses = new LinkedHashMap<>();
    final Set<NetworkIdentities.Identity> identities = new LinkedHashSet<>();
  }

  /**
   * True when the groups of every identity the pods' traffic may leave with are known and let none
   * of it out to the database. IPv6 clusters are left out (pod addresses are not the subnets' IPv4
   * ranges).
   */
  private static boolean blockedOut(
      JoinIndex j, List<NetworkIdentities.Identity> pods, SgIndex.Source peer, int port) {
    if (pods == null || pods.isEmpty() || (j.cluster() != null && j.cluster().isIpv6())) {
      return false;
    }
    for (NetworkIdentities.Identity i : pods) {
      if (!i.complete() || j.sgs.allowsOutAny(i.groups(), peer, port, port) != SgIndex.Verdict.NO) {
        return false;
      }
    }
    return true;
  }

  /** The identity's first group in the scan (a blocked identity's groups all are). */
  private static String firstInScan(JoinIndex j, NetworkIdentities.Identity i) {
    for (String g : i.groups()) {
      if (j.sgs.group(g) != null) {
        return g;
      }
    }
    throw new IllegalStateException("a blocked identity without a group in the scan: " + i);
  }

  /** {@code Deployment shop/orders (env DB_HOST), ConfigMap shop/c (URL) and 2 more}. */
  private static String clients(List<DbUse> uses) {
    List<String> clients = new ArrayList<>();
    for (DbUse use : uses) {
      if (clients.size() == 3) {
        clients.add("and " + (uses.size() - 3) + " more");
        break;
      }
      clients.add(use.what());
    }
    return String.join(", ", clients);
  }

  /** The ranges of the database's subnets when all are known, else empty. */
  private static List<Cidr> dbRanges(JoinIndex j, Database db) {
    String a = db.getSubnetGroup().single();
    if (a == null
        || !(j.byKey.get(TerraformResource.key(db.getFile(), a)) instanceof DbSubnetGroup g)
        || g.getSubnets().unresolved()) {
      return List.of();
    }
    List<Subnet> subnets = new ArrayList<>();
    for (String s : g.getSubnets().addresses()) {
      if (j.byKey.get(TerraformResource.key(g.getFile(), s)) instanceof Subnet sub) {
        subnets.add(sub);
      }
    }
    for (String id : g.getSubnets().external()) {
      Subnet sub = j.subnetById.get(id);
      if (sub != null) {
        subnets.add(sub);
      }
    }
    List<Cidr> out = new ArrayList<>();
    for (Subnet sub : subnets) {
      if (sub.getCidr() == null) {
        return List.of();
      }
      out.add(sub.getCidr());
    }
    int named = g.getSubnets().addresses().size() + g.getSubnets().external().size();
    return subnets.size() == named ? out : List.of();
  }

  /**
   * Where the manifests name a database: its own endpoints and, for a cluster, those of its
   * instances, each place once (a value may name the writer and the reader endpoint), in file and
   * line order (env values come unordered); null when nowhere.
   */
  private static List<DbUse> usesOf(
      Database db, Map<String, List<DbUse>> uses, List<DbClusterInstance> instances) {
    List<String> keys = new ArrayList<>();
    if (db.getIdentifier() != null) {
      keys.add(
          new RdsHost(db instanceof DbCluster, db.getIdentifier().toLowerCase(Locale.ROOT)).key());
    }
    for (DbClusterInstance i : instances) {
      if (i.getIdentifier() != null) {
        keys.add(new RdsHost(false, i.getIdentifier().toLowerCase(Locale.ROOT)).key());
      }
    }
    Map<Location, DbUse> out = new LinkedHashMap<>();
    for (String k : keys) {
      for (DbUse use : uses.getOrDefault(k, List.of())) {
        out.putIfAbsent(use.location(), use);
      }
    }
    if (out.isEmpty()) {
      return null;
    }
    List<DbUse> sorted = new ArrayList<>(out.values());
    sorted.sort(
        Comparator.comparing((DbUse x) -> x.location().file())
            .thenComparingInt(x -> x.location().line())
            .thenComparingInt(x -> x.location().column()));
    return sorted;
  }

  /**
   * The RDS endpoint hosts in a value ({@code mydb.abc123.eu-west-1.rds...}, {@code
   * orders.cluster-ro-abc123.eu-west-1.rds...}), each once.
   */
  static List<RdsHost> rdsHosts(String value) {
    if (value == null || !value.contains(".rds.amazonaws.com")) {
      return List.of();
    }
    List<RdsHost> out = new ArrayList<>();
    Matcher m = RDS_HOST.matcher(value.toLowerCase(Locale.ROOT));
    while (m.find()) {
      RdsHost h = new RdsHost(m.group(2) != null, m.group(1));
      if (!out.contains(h)) {
        out.add(h);
      }
    }
    return out;
  }

  /** The engine's default port; null for engines without a known one. */
  static Integer defaultPort(String engine) {
    if (engine == null) {
      return null;
    }
    String e = engine.toLowerCase(Locale.ROOT);
    if (e.startsWith("postgres") || e.equals("aurora-postgresql")) {
      return 5432;
    }
    if (e.equals("mysql")
        || e.equals("mariadb")
        || e.equals("aurora")
        || e.equals("aurora-mysql")) {
      return 3306;
    }
    if (e.startsWith("oracle")) {
      return 1521;
    }
    if (e.startsWith("sqlserver")) {
      return 1433;
    }
    if (e.startsWith("db2")) {
      return 50000;
    }
    return null;
  }

  /** The VPC of a database's subnet group, or null. */
  private static String dbVpc(JoinIndex j, Database db) {
    String a = db.getSubnetGroup().single();
    if (a == null
        || !(j.byKey.get(TerraformResource.key(db.getFile(), a)) instanceof DbSubnetGroup g)) {
      return null;
    }
    for (String s : g.getSubnets().addresses()) {
      if (j.byKey.get(TerraformResource.key(g.getFile(), s)) instanceof Subnet sub) {
        return j.vpcKeyOf(sub, sub.getVpc());
      }
    }
    return null;
  }
}
